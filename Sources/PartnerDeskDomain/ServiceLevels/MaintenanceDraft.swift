import Foundation

/// A maintenance window as a person planned it, before any of it has been checked.
public struct MaintenanceDraft: Hashable, Sendable {
    /// Component codes.
    public var components: [String]?
    public var startsAt: String?
    public var endsAt: String?
    /// Partner codes; none means every partner.
    public var partners: [String]?
    /// What partners will notice, in their words.
    public var summary: String?

    public init(
        components: [String]? = nil, startsAt: String? = nil, endsAt: String? = nil, partners: [String]? = nil,
        summary: String? = nil
    ) {
        self.components = components
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.partners = partners
        self.summary = summary
    }

    /// The longest window accepted: a day.
    public static let longest: TimeInterval = 24 * 3_600

    public struct Plan: Hashable, Sendable {
        public var components: [String]
        public var startsAt: Date
        public var endsAt: Date
        public var partners: [Partner.ID]
        public var summary: String
    }

    /// Checks every field and reports every problem at once: the window lies ahead of `now`, ends after it
    /// starts and lasts at most a day.
    public func validated(
        component: (String) -> ServiceComponent?, partner: (String) -> Partner.ID?, now: Date
    ) throws(ValidationFailure) -> Plan {
        var check = ValidationCollector()
        let found = check.resolved(
            (components ?? []).map { $0.lowercased() }, field: "components", code: "unknown_component",
            missing: { "No component has the code \($0)." }, lookup: { component($0)?.code })
        if components?.isEmpty ?? true { check.add("components", "required", "Choose the components the work is on.") }
        let start = check.instant(startsAt, field: "startsAt", required: true, now: nil)
        let end = check.instant(endsAt, field: "endsAt", required: true, now: nil)
        if let start, start <= now { check.add("startsAt", "in_past", "Plan the work for a time still to come.") }
        if let start, let end {
            if end <= start {
                check.add("endsAt", "before_start", "The window must end after it starts.")
            } else if end.timeIntervalSince(start) > Self.longest {
                check.add("endsAt", "too_long", "A maintenance window lasts at most 24 hours.")
            }
        }
        let partners = check.resolved(
            partners ?? [], field: "partners", code: "unknown_partner", missing: { "No partner has the code \($0)." },
            lookup: partner)
        let summary = check.guardedText("summary", summary ?? "", label: "summary", maxLength: TextLimits.text)
        guard check.issues.isEmpty, let start, let end, let summary else { throw ValidationFailure(check.issues) }
        return Plan(components: found, startsAt: start, endsAt: end, partners: partners, summary: summary)
    }
}

extension MaintenanceWindow {
    /// A new window from a checked plan.
    public init(id: ID, number: Int, plan: MaintenanceDraft.Plan, createdAt: Date) {
        self.init(
            id: id, number: number, components: plan.components, startsAt: plan.startsAt, endsAt: plan.endsAt,
            affectedPartners: plan.partners, summary: plan.summary, createdAt: createdAt)
    }

    /// Whether it affects a partner (every partner when it names none).
    public func affects(_ partner: Partner.ID) -> Bool {
        affectedPartners.isEmpty || affectedPartners.contains(partner)
    }

    /// Records that partners were told at `instant`; refused once told, or once the window has ended.
    public mutating func announce(at instant: Date) throws(ValidationFailure) {
        guard announcedAt == nil else {
            throw ValidationFailure([
                .init(field: "announcedAt", code: "already_announced", message: "\(reference) was announced already.")
            ])
        }
        guard instant < endsAt else {
            throw ValidationFailure([
                .init(
                    field: "announcedAt", code: "ended",
                    message: "\(reference) has ended; there is nothing to announce.")
            ])
        }
        announcedAt = instant
        updatedAt = instant
    }
}
