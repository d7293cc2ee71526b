import Foundation

/// One figure of a report: what it is about (a section, the item within it, the measure) and its value as
/// written in the CSV. Durations of business time are in hours to two decimals, downtime in minutes, shares
/// in per cent to three decimals, instants in UTC (ISO 8601).
public struct ReportFigure: Sendable, Hashable, Codable {
    public var section: String
    public var item: String
    public var measure: String
    public var value: String

    public init(_ section: String, _ item: String, _ measure: String, _ value: String) {
        self.section = section
        self.item = item
        self.measure = measure
        self.value = value
    }

    /// What the figure is, without its value: the key two editions are compared by.
    public var key: String { "\(section) · \(item) · \(measure)" }
}

/// A difference between two editions of a report: a figure whose value changed, appeared or went.
public struct ReportChange: Sendable, Hashable, Codable {
    public var section: String
    public var item: String
    public var measure: String
    /// The value in the earlier edition; nil when the figure is new.
    public var before: String?
    /// The value in this edition; nil when the figure is gone.
    public var after: String?

    public init(section: String, item: String, measure: String, before: String?, after: String?) {
        self.section = section
        self.item = item
        self.measure = measure
        self.before = before
        self.after = after
    }
}

extension ServiceReport {
    /// Every figure of the report, in the order the page shows them.
    public var figures: [ReportFigure] {
        var rows: [ReportFigure] = []
        for row in incidents.bySeverity + [incidents.total] {
            let item = row.severity.map { "Severity \($0)" } ?? "All severities"
            let section = "Incidents"
            if let target = row.targetSeconds {
                rows.append(ReportFigure(section, item, "Target (business hours)", Self.hours(target)))
            }
            rows += [
                ReportFigure(section, item, "Raised", "\(row.raised)"),
                ReportFigure(section, item, "Resolved", "\(row.resolved)"),
                ReportFigure(section, item, "Met target", "\(row.met)"),
                ReportFigure(section, item, "Missed target", "\(row.breached)"),
                ReportFigure(section, item, "Attainment (%)", row.attainmentPercent.map { Self.percent($0) } ?? ""),
                ReportFigure(
                    section, item, "Median resolution (business hours)", row.medianSeconds.map(Self.hours) ?? ""),
                ReportFigure(
                    section, item, "90th percentile resolution (business hours)",
                    row.percentile90Seconds.map(Self.hours) ?? ""),
            ]
        }
        rows.append(ReportFigure("Incidents", "Not yet graded", "Raised", "\(incidents.awaitingSeverity)"))
        for breach in breaches {
            let section = "Breaches"
            let item = breach.reference
            rows += [
                ReportFigure(section, item, "Partner", breach.partnerCode),
                ReportFigure(section, item, "Severity", "\(breach.severity)"),
                ReportFigure(section, item, "Target (business hours)", Self.hours(breach.targetSeconds)),
                ReportFigure(section, item, "Counted (business hours)", Self.hours(breach.countedSeconds)),
                ReportFigure(section, item, "Due", breach.dueAt.map(ISO8601Instant.string(from:)) ?? ""),
                ReportFigure(
                    section, item, "Resolved", breach.resolvedAt.map(ISO8601Instant.string(from:)) ?? "still open"),
            ]
        }
        for hssi in hssis {
            let section = "HSSIs"
            let item = hssi.reference
            rows += [
                ReportFigure(section, item, "Severity", hssi.severity.map { "\($0)" } ?? ""),
                ReportFigure(section, item, "Occurred", ISO8601Instant.string(from: hssi.occurredAt)),
                ReportFigure(section, item, "Notification", hssi.notification.label),
                ReportFigure(
                    section, item, "Joined the intervention in time",
                    "\(hssi.joins.filter { $0 == .inTime }.count) of \(hssi.joins.count)"),
                ReportFigure(section, item, "Updates in time", "\(hssi.updatesInTime)"),
                ReportFigure(section, item, "Updates late", "\(hssi.updatesLate)"),
                ReportFigure(section, item, "Resolved", hssi.resolved ? "yes" : "no"),
            ]
        }
        for problem in problems {
            let section = "Problems"
            let item = problem.reference
            rows += [
                ReportFigure(section, item, "Status", problem.status),
                ReportFigure(section, item, "Fix due", problem.fixDue),
                ReportFigure(section, item, "Agreed release", problem.agreedRelease ?? ""),
                ReportFigure(section, item, "Fix target missed", problem.fixTargetMissed ? "yes" : "no"),
                ReportFigure(section, item, "Linked incidents", "\(problem.linkedIncidents)"),
            ]
        }
        let section = "Availability"
        rows += [
            ReportFigure(section, "Business support hours", "Availability (%)", Self.percent(availability.percent)),
            ReportFigure(section, "Business support hours", "Target (%)", Self.percent(availability.targetPercent)),
            ReportFigure(
                section, "Business support hours", "Downtime (minutes)", Self.minutes(availability.downtimeSeconds)),
            ReportFigure(
                section, "Business support hours", "Allowance (minutes)", Self.minutes(availability.allowanceSeconds)),
            ReportFigure(
                section, "Business support hours", "Excused by planned maintenance (minutes)",
                Self.minutes(availability.excusedMaintenanceSeconds)),
        ]
        if let requests = serviceRequests {
            let section = Self.requestSection
            let item = "Within \(requests.maximumMonths) months"
            rows += [
                ReportFigure(section, item, "Made", "\(requests.submitted)"),
                ReportFigure(section, item, "Fulfilled", "\(requests.fulfilled)"),
                ReportFigure(section, item, "Fulfilled by their last day", "\(requests.fulfilledInTime)"),
                ReportFigure(section, item, "Open at the end of the month", "\(requests.openAtEnd)"),
            ]
            for breach in requests.breaches {
                rows += [
                    ReportFigure(section, breach.reference, "Partner", breach.partnerCode),
                    ReportFigure(section, breach.reference, "Last day", breach.dueDate),
                    ReportFigure(
                        section, breach.reference, "Fulfilled",
                        breach.fulfilledAt.map(ISO8601Instant.string(from:)) ?? "still open"),
                ]
            }
        }
        for release in releases {
            rows.append(ReportFigure("Releases", release.name, "Status", release.status))
            rows.append(ReportFigure("Releases", release.name, "At", ISO8601Instant.string(from: release.at)))
        }
        for window in maintenance {
            rows.append(
                ReportFigure("Maintenance", window.reference, "Starts", ISO8601Instant.string(from: window.startsAt)))
            rows.append(
                ReportFigure("Maintenance", window.reference, "Ends", ISO8601Instant.string(from: window.endsAt)))
        }
        return rows
    }

    /// The report as CSV (RFC 4180): a header, then one line per figure.
    public var csv: String {
        CSVText.document(
            header: ["month", "scope", "section", "item", "measure", "value"],
            rows: figures.map {
                [month.description, scope.partnerCode ?? "all", $0.section, $0.item, $0.measure, $0.value]
            })
    }

    /// What differs from an earlier edition, figure by figure, in this report's order (figures that went
    /// last).
    /// An edition issued before service requests were reported is compared without them, so their figures
    /// appearing is no revision.
    public func changes(since earlier: ServiceReport) -> [ReportChange] {
        let before = Dictionary(earlier.figures.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let now =
            earlier.serviceRequests == nil ? figures.filter { $0.section != Self.requestSection } : figures
        let keys = Set(now.map(\.key))
        var changes = now.compactMap { figure -> ReportChange? in
            let old = before[figure.key]
            guard old?.value != figure.value else { return nil }
            return ReportChange(
                section: figure.section, item: figure.item, measure: figure.measure, before: old?.value,
                after: figure.value)
        }
        changes += earlier.figures.filter { !keys.contains($0.key) }.map {
            ReportChange(section: $0.section, item: $0.item, measure: $0.measure, before: $0.value, after: nil)
        }
        return changes
    }

    /// The section service requests' figures are under.
    static let requestSection = "Service requests"

    /// Business seconds as hours to two decimals.
    public static func hours(_ seconds: Int) -> String {
        String(format: "%.2f", Double(seconds) / 3600)
    }

    /// Seconds as whole minutes, rounded up (a part-minute of downtime is a minute used).
    public static func minutes(_ seconds: Int) -> String {
        "\((seconds + 59) / 60)"
    }

    /// A share in per cent to three decimals.
    public static func percent(_ value: Double) -> String {
        String(format: "%.3f", value)
    }
}
