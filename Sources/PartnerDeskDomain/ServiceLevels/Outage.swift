import Foundation

/// How badly a component is affected.
public enum OutageImpact: String, CaseIterable, Hashable, Sendable, Codable {
    /// Working, but slower or with some requests failing: shown, not counted as downtime.
    case degraded
    /// Not available: counted as downtime inside business support hours.
    case down

    public var label: String {
        switch self {
        case .degraded: "Degraded"
        case .down: "Down"
        }
    }
}

/// A time a component of the platform was down or degraded: opened by hand or by monitoring, closed when it
/// recovered. Planned work belongs to a maintenance window; the rest is unplanned.
public struct Outage: Hashable, Sendable, Identifiable, Codable {
    public typealias ID = EntityID<Outage>

    public var id: ID
    public var number: Int
    /// The component's code, such as `sign-in`.
    public var component: String
    public var startedAt: Date
    /// When it recovered; nil while it lasts.
    public var endedAt: Date?
    public var impact: OutageImpact
    /// The maintenance window it is the work of, when planned.
    public var maintenanceID: MaintenanceWindow.ID?
    /// The partners it affects; empty when it affects every partner.
    public var affectedPartners: [Partner.ID]
    public var incidents: [Incident.ID]
    public var hssis: [HigherSeverityIncident.ID]
    public var publicSummary: String
    /// For staff only.
    public var internalNotes: String?
    /// The key of the monitoring alert that opened it (``MonitoringAlert/key``), if any.
    public var alertKey: String?
    public var createdAt: Date
    public var updatedAt: Date
    public var version: Int

    public init(
        id: ID, number: Int, component: String, startedAt: Date, impact: OutageImpact,
        maintenanceID: MaintenanceWindow.ID? = nil, affectedPartners: [Partner.ID] = [], publicSummary: String,
        createdAt: Date
    ) {
        self.id = id
        self.number = number
        self.component = component
        self.startedAt = startedAt
        self.impact = impact
        self.maintenanceID = maintenanceID
        self.affectedPartners = affectedPartners
        self.incidents = []
        self.hssis = []
        self.publicSummary = publicSummary
        self.createdAt = createdAt
        self.updatedAt = createdAt
        self.version = 1
    }

    /// `OUT-000012`.
    public var reference: String { SequenceReference.format(prefix: "OUT", number: number) }

    public var isPlanned: Bool { maintenanceID != nil }

    /// Whether it affects a partner (every partner when it names none).
    public func affects(_ partner: Partner.ID) -> Bool {
        affectedPartners.isEmpty || affectedPartners.contains(partner)
    }

    /// The time it covers up to `now`: from its start to its end, or to `now` while it lasts.
    public func span(until now: Date) -> DateInterval? {
        let end = min(endedAt ?? now, now)
        return end > startedAt ? DateInterval(start: startedAt, end: end) : nil
    }
}

/// Planned work on components, announced to the partners it affects ahead of time. While the work stays inside
/// its announced window it does not count against availability; time outside the window does.
public struct MaintenanceWindow: Hashable, Sendable, Identifiable, Codable {
    public typealias ID = EntityID<MaintenanceWindow>

    public var id: ID
    public var number: Int
    public var components: [String]
    public var startsAt: Date
    public var endsAt: Date
    /// The partners it affects; empty when it affects every partner.
    public var affectedPartners: [Partner.ID]
    /// What partners will notice, in their words.
    public var summary: String
    /// When partners were told; nil until then.
    public var announcedAt: Date?
    public var createdAt: Date
    public var updatedAt: Date
    public var version: Int

    public init(
        id: ID, number: Int, components: [String], startsAt: Date, endsAt: Date, affectedPartners: [Partner.ID],
        summary: String, createdAt: Date
    ) {
        self.id = id
        self.number = number
        self.components = components
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.affectedPartners = affectedPartners
        self.summary = summary
        self.createdAt = createdAt
        self.updatedAt = createdAt
        self.version = 1
    }

    /// `MNT-000004`.
    public var reference: String { SequenceReference.format(prefix: "MNT", number: number) }

    /// The number in a reference such as `MNT-000004` (any case); nil for anything else.
    public static func number(from reference: String) -> Int? {
        SequenceReference.parse(prefix: "MNT", reference.trimmingWhitespace)
    }

    public var window: DateInterval { DateInterval(start: startsAt, end: max(startsAt, endsAt)) }

    /// Whether the window protects work from counting as downtime: it was announced before it began.
    public var excusesDowntime: Bool { announcedAt.map { $0 <= startsAt } ?? false }

    /// Where the announcement stands against the lead time, on the business calendar.
    public func announcement(at instant: Date, leadTime: MaintenanceLeadTime, on calendar: BusinessCalendar)
        -> MaintenanceAnnouncement
    {
        let due = calendar.start(ofBusinessSeconds: leadTime.businessSeconds, endingAt: startsAt)
        if let announcedAt { return announcedAt <= due ? .inTime(announcedAt) : .late(announcedAt, dueBy: due) }
        return instant < due ? .due(by: due) : .overdue(dueBy: due)
    }
}

/// How far ahead of its start a maintenance window must be announced, in business hours (2 working days of
/// office hours by default).
public struct MaintenanceLeadTime: Hashable, Sendable {
    public var businessSeconds: Int

    public init(businessHours: Int) {
        businessSeconds = max(0, businessHours) * 3_600
    }

    public static let standard = MaintenanceLeadTime(businessHours: 20)
}

/// Whether a maintenance window was announced with the lead time.
public enum MaintenanceAnnouncement: Hashable, Sendable {
    case due(by: Date)
    case inTime(Date)
    /// Announced after the lead time had begun: flagged.
    case late(Date, dueBy: Date)
    /// Not announced, and the lead time has begun: flagged.
    case overdue(dueBy: Date)

    public var isFlagged: Bool {
        switch self {
        case .late, .overdue: true
        case .due, .inTime: false
        }
    }
}
