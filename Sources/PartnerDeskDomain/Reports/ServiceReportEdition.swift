import Foundation

/// A report as it was issued: never changed afterwards. When the figures behind a month change (an incident
/// corrected, an outage's times put right), a new edition is issued with what changed since the one before;
/// the earlier editions stay as they were sent.
public struct ServiceReportEdition: Sendable, Hashable, Identifiable {
    public typealias ID = EntityID<ServiceReportEdition>

    public var id: ID
    /// The partner reported on; nil for the whole service.
    public var partnerID: Partner.ID?
    public var month: ReportingMonth
    /// 1 for the first edition, then 2, 3, … for each revision.
    public var number: Int
    public var issuedAt: Date
    public var report: ServiceReport
    /// What differs from the edition before; empty for the first.
    public var changes: [ReportChange]

    public init(
        id: ID, partnerID: Partner.ID?, month: ReportingMonth, number: Int, issuedAt: Date, report: ServiceReport,
        changes: [ReportChange]
    ) {
        self.id = id
        self.partnerID = partnerID
        self.month = month
        self.number = number
        self.issuedAt = issuedAt
        self.report = report
        self.changes = changes
    }

    /// Whether this edition revises an earlier one.
    public var isRevision: Bool { number > 1 }

    /// The edition to issue after this one for freshly compiled figures, or nil when no figure differs (the
    /// time they were compiled is not a figure).
    public func revised(by report: ServiceReport, id: ID, at instant: Date) -> ServiceReportEdition? {
        let changes = report.changes(since: self.report)
        guard !changes.isEmpty else { return nil }
        return ServiceReportEdition(
            id: id, partnerID: partnerID, month: month, number: number + 1, issuedAt: instant, report: report,
            changes: changes)
    }
}

/// When a month's reports are issued: on the first working day after it ends, from the start of business on
/// the platform's calendar.
public enum ServiceReportSchedule {
    /// The instant the month's reports fall due.
    public static func issueAt(_ month: ReportingMonth, calendar: BusinessCalendar) -> Date {
        calendar.nextOpening(atOrAfter: calendar.startOfDay(month.next.firstDay))
    }

    /// The latest month whose reports are due at `instant`, or nil when even the month before has not fallen
    /// due yet.
    public static func latestDue(at instant: Date, calendar: BusinessCalendar) -> ReportingMonth {
        let previous = ReportingMonth(containing: calendar.localDate(of: instant)).previous
        return instant >= issueAt(previous, calendar: calendar) ? previous : previous.previous
    }
}
