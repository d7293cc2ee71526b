import Foundation

/// A month's service report, for one partner or for the whole service: what its service owner reads each month
/// under the Silver tier's monthly reporting.
///
/// It is plain data, worked out once by ``ServiceReport/compile(_:)`` and kept as an edition: a report that has
/// been sent never changes, and a later correction makes a new edition (see ``ServiceReportEdition``). Every
/// figure is in ``figures``, which the CSV and the comparison of two editions both read.
public struct ServiceReport: Sendable, Hashable, Codable {
    /// Whom the report is about.
    public struct Scope: Sendable, Hashable, Codable {
        /// The partner's code, or `nil` for the whole service.
        public var partnerCode: String?
        /// The partner's name, or the service's.
        public var name: String

        public init(partnerCode: String?, name: String) {
            self.partnerCode = partnerCode
            self.name = name
        }

        /// The whole service, under the name the reports give it.
        public static let wholeService = Scope(partnerCode: nil, name: "The whole service")
    }

    public var month: ReportingMonth
    public var scope: Scope
    /// The tier the targets come from (the partner's, or the platform's for the whole service).
    public var tierName: String
    /// When the figures were worked out.
    public var compiledAt: Date
    public var incidents: IncidentFigures
    /// Every incident whose resolution target was missed: resolved late in the month, or still open past its
    /// target when the month ended.
    public var breaches: [Breach]
    public var hssis: [HSSIRecord]
    public var problems: [ProblemRecord]
    public var availability: AvailabilityFigures
    public var releases: [ReleaseRecord]
    public var maintenance: [MaintenanceRecord]
    /// Service requests against the tier's maximum; nil in editions issued before requests were reported.
    public var serviceRequests: ServiceRequestFigures?

    public init(
        month: ReportingMonth, scope: Scope, tierName: String, compiledAt: Date, incidents: IncidentFigures,
        breaches: [Breach], hssis: [HSSIRecord], problems: [ProblemRecord], availability: AvailabilityFigures,
        releases: [ReleaseRecord], maintenance: [MaintenanceRecord], serviceRequests: ServiceRequestFigures? = nil
    ) {
        self.month = month
        self.scope = scope
        self.tierName = tierName
        self.compiledAt = compiledAt
        self.incidents = incidents
        self.breaches = breaches
        self.hssis = hssis
        self.problems = problems
        self.availability = availability
        self.releases = releases
        self.maintenance = maintenance
        self.serviceRequests = serviceRequests
    }
}

extension ServiceReport {
    /// Incidents raised and resolved, by severity, with the resolution target's attainment and how long
    /// resolving took in business time.
    public struct IncidentFigures: Sendable, Hashable, Codable {
        /// One row per severity, 1 to 5.
        public var bySeverity: [SeverityRow]
        /// Every severity together.
        public var total: SeverityRow
        /// Raised in the month and not yet given a severity when it ended.
        public var awaitingSeverity: Int
    }

    /// One severity's figures (or all of them, with `severity` nil).
    public struct SeverityRow: Sendable, Hashable, Codable {
        public var severity: Int?
        /// The resolution target in business seconds (nil for the total row).
        public var targetSeconds: Int?
        /// Raised in the month (by the severity they had when it ended).
        public var raised: Int
        /// Whose clock stopped in the month: resolved, or handed to a problem record.
        public var resolved: Int
        /// Of those, resolved within their target.
        public var met: Int
        /// Of those, resolved after their target.
        public var breached: Int
        /// Business seconds from receipt to resolution, not counting pauses: the median and the 90th
        /// percentile of the incidents resolved in the month.
        public var medianSeconds: Int?
        public var percentile90Seconds: Int?

        /// The share of resolved incidents that met their target, in per cent; nil when none was resolved.
        public var attainmentPercent: Double? {
            resolved == 0 ? nil : Double(met) * 100 / Double(resolved)
        }
    }

    /// An incident that missed its resolution target, with the story of its clock.
    public struct Breach: Sendable, Hashable, Codable {
        public var reference: String
        public var partnerCode: String
        public var severity: Int
        public var targetSeconds: Int
        /// Business seconds counted: at resolution, or when the month ended for one still open.
        public var countedSeconds: Int
        /// When the target ran out.
        public var dueAt: Date?
        /// When the clock stopped; nil when it was still running (or paused) at the end of the month.
        public var resolvedAt: Date?
        /// What was done to the clock, in order: received with its target, paused and why, re-graded,
        /// resumed, resolved.
        public var steps: [SLAStoryEvent]

        /// Business seconds beyond the target.
        public var overSeconds: Int { max(0, countedSeconds - targetSeconds) }
    }

    /// A Higher Severity Service Incident that occurred in the month, and how its deadlines went.
    public struct HSSIRecord: Sendable, Hashable, Codable {
        public var reference: String
        public var title: String
        public var severity: Int?
        public var occurredAt: Date
        /// The primary partner's notification within 30 minutes of its hours of operation.
        public var notification: Timeliness
        /// How the invited partners (this partner, or every one for the whole service) joined the Multi-Party
        /// Intervention within 30 minutes; empty when none was convened.
        public var joins: [Timeliness]
        /// Status updates posted by the time they were due.
        public var updatesInTime: Int
        /// Status updates posted after they were due, or missed by the end of the month.
        public var updatesLate: Int
        public var resolved: Bool
    }

    /// How a deadline went, as the report can tell once the month is over.
    public enum Timeliness: String, Sendable, Hashable, Codable {
        case inTime = "in_time"
        case late = "late"
        case missed = "missed"
        /// Not yet due when the report was compiled.
        case pending = "pending"

        init(_ timeliness: HSSITimeliness) {
            switch timeliness {
            case .inTime: self = .inTime
            case .late: self = .late
            case .overdue: self = .missed
            case .pending: self = .pending
            }
        }

        public var label: String {
            switch self {
            case .inTime: "In time"
            case .late: "Late"
            case .missed: "Missed"
            case .pending: "Not yet due"
            }
        }
    }

    /// A problem record linked to the report's incidents, with its fix target as the month ended.
    public struct ProblemRecord: Sendable, Hashable, Codable {
        public var reference: String
        public var title: String
        public var severity: Int
        public var status: String
        /// The local date the fix is due, `YYYY-MM-DD`.
        public var fixDue: String
        /// The release agreed to carry the fix, when there is one.
        public var agreedRelease: String?
        public var fixTargetMissed: Bool
        /// How many of the report's incidents are linked to it.
        public var linkedIncidents: Int
    }

    /// Availability in business support hours against the tier's target.
    public struct AvailabilityFigures: Sendable, Hashable, Codable {
        public var percent: Double
        public var targetPercent: Double
        public var downtimeSeconds: Int
        public var allowanceSeconds: Int
        /// Downtime inside announced maintenance windows, which does not count.
        public var excusedMaintenanceSeconds: Int
        public var meetsTarget: Bool { percent >= targetPercent }

        public init(_ measure: AvailabilityMeasure) {
            percent = measure.percent
            targetPercent = measure.targetPercent
            downtimeSeconds = measure.downtimeSeconds
            allowanceSeconds = measure.allowanceSeconds
            excusedMaintenanceSeconds = measure.excusedMaintenanceSeconds
        }
    }

    /// A release that went live (or was planned) in the month.
    public struct ReleaseRecord: Sendable, Hashable, Codable {
        public var name: String
        public var summary: String
        public var at: Date
        /// `released`, `rolled_back` or what the release's status was at the end of the month.
        public var status: String
    }

    /// Service requests in the month, against the most months the tier allows one to take.
    public struct ServiceRequestFigures: Sendable, Hashable, Codable {
        public var maximumMonths: Int
        /// Made in the month.
        public var submitted: Int
        /// Fulfilled in the month.
        public var fulfilled: Int
        /// Of those, by their last day.
        public var fulfilledInTime: Int
        /// Still open when the month ended.
        public var openAtEnd: Int
        /// Every request fulfilled in the month after its last day, or open past it when the month ended.
        public var breaches: [ServiceRequestBreach]
    }

    /// A service request that missed its last day.
    public struct ServiceRequestBreach: Sendable, Hashable, Codable {
        public var reference: String
        public var partnerCode: String
        public var title: String
        /// The last day, `YYYY-MM-DD`.
        public var dueDate: String
        /// When it was fulfilled; nil when it was still open at the end of the month.
        public var fulfilledAt: Date?
    }

    /// Planned maintenance announced for the month.
    public struct MaintenanceRecord: Sendable, Hashable, Codable {
        public var reference: String
        public var summary: String
        public var startsAt: Date
        public var endsAt: Date
    }
}
