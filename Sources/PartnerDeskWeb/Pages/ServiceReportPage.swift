import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// A month's service report as a page that prints well: the edition and what it changed, resolution-target
/// attainment as a bar chart with the numbers in a table beside it, every breach with its clock's steps, HSSIs,
/// problems, availability, releases and maintenance; links to the CSV and the PDF.
struct ServiceReportPage: Encodable {
    struct SeverityRow: Encodable {
        var label: String
        var target: String
        var raised: Int
        var resolved: Int
        var met: Int
        var missed: Int
        var attainment: String
        var median: String
        var percentile90: String
        /// The attainment bar's width out of 100, and where it sits in the chart.
        var barWidth: Int
        var barY: Int
        var textY: Int
        var hasResolved: Bool
    }

    struct BreachRow: Encodable {
        var reference: String
        var partner: String
        var severity: Int
        var target: String
        var counted: String
        var over: String
        var due: String
        var outcome: String
        var steps: [LabelledValue]
    }

    struct RequestBreachRow: Encodable {
        var reference: String
        var partner: String
        var title: String
        var due: String
        var outcome: String
    }

    struct HSSIRow: Encodable {
        var reference: String
        var title: String
        var severity: String
        var occurred: String
        var notification: String
        var joins: String
        var updates: String
        var resolved: String
    }

    struct ProblemRow: Encodable {
        var reference: String
        var title: String
        var status: String
        var fixDue: String
        var target: String
        var linked: Int
    }

    struct ChangeRow: Encodable {
        var what: String
        var before: String
        var after: String
    }

    struct EditionLink: Encodable {
        var label: String
        var link: String
        var current: Bool
    }

    var title: String
    var signedIn: SignedInHeader
    var heading: String
    var month: String
    var partnerCode: String
    var partnerOptions: [SelectOption]
    var hasReport: Bool
    var editionWords: String
    var provisional: Bool
    var editions: [EditionLink]
    var changes: [ChangeRow]
    var csvLink: String
    var pdfLink: String?
    var pdfMissing: String?
    var severities: [SeverityRow]
    var total: SeverityRow?
    var chartHeight: Int
    var chartWords: String
    var awaiting: Int
    var breaches: [BreachRow]
    var hssis: [HSSIRow]
    var problems: [ProblemRow]
    var availability: [LabelledValue]
    var availabilityMet: Bool
    var usedWidth: Int
    var usedWords: String
    var releases: [LabelledValue]
    var maintenance: [LabelledValue]
    /// Service requests against the tier's maximum; empty for editions issued before they were reported.
    var requests: [LabelledValue]
    var requestBreaches: [RequestBreachRow]
    var requestsReported: Bool
    var requestMaximum: String
    var values: [String: String]
    var errors: [PageError]
    var hasErrors: Bool
    /// Set when the page is printed to PDF: the stylesheet is read from beside the document.
    var stylesheetHref: String?

    /// The address of a report (page, CSV or PDF) with its month, partner and edition.
    static func link(_ url: SiteURL, month: String, partner: String?, edition: Int?) -> String {
        var query = [("month", month)]
        if let partner, !partner.isEmpty { query.append(("partner", partner)) }
        if let edition { query.append(("edition", "\(edition)")) }
        return url.path(query: query)
    }

    init(
        view: ServiceReportView?, partners: [Partner], principal: Principal, csrf: String, pdfMissing: String?,
        values: [String: String], errors: [PageError]
    ) {
        signedIn = SignedInHeader(principal, csrf: csrf)
        month = values["month"] ?? view?.report.month.description ?? ""
        partnerCode = values["partner"] ?? view?.partner?.code.value ?? ""
        partnerOptions =
            principal.role.isPartnerRole
            ? [] : SelectOption.partners(partners, none: "The whole service", selected: partnerCode)
        self.values = values
        self.errors = errors
        hasErrors = !errors.isEmpty
        self.pdfMissing = pdfMissing
        guard let view else {
            title = "Service report"
            heading = "Service report"
            hasReport = false
            editionWords = ""
            provisional = false
            (editions, changes, severities, breaches, hssis, problems) = ([], [], [], [], [], [])
            (availability, releases, maintenance, requests, requestBreaches) = ([], [], [], [], [])
            (requestsReported, requestMaximum) = (false, "")
            (csvLink, pdfLink, total, chartHeight, chartWords, awaiting) = ("", nil, nil, 0, "", 0)
            (availabilityMet, usedWidth, usedWords) = (true, 0, "")
            return
        }
        let report = view.report
        let code = view.partner?.code.value
        let shown = view.edition?.number
        hasReport = true
        title = "Service report, \(report.month.longName)"
        heading = "\(report.scope.name): service report for \(report.month.longName)"
        provisional = view.edition == nil
        if let edition = view.edition {
            editionWords =
                "Edition \(edition.number), issued \(PageFormat.londonTime(edition.issuedAt))"
                + (edition.isRevision ? ": it revises edition \(edition.number - 1), as listed below." : ".")
        } else {
            editionWords =
                "Provisional: these are the figures as they stand. The first edition is issued on "
                + "\(PageFormat.londonTime(view.issuesAt)) and sent to the partner's contacts."
        }
        let month = report.month.description
        editions = view.editions.map { edition in
            EditionLink(
                label: "Edition \(edition.number), \(PageFormat.londonTime(edition.issuedAt))"
                    + (edition.number > 1 ? ", \(edition.changes) figures changed" : ""),
                link: Self.link(.serviceReports, month: month, partner: code, edition: edition.number),
                current: edition.number == (shown ?? view.editions.last?.number))
        }
        changes = (view.edition?.changes ?? []).map {
            ChangeRow(
                what: "\($0.section): \($0.item), \($0.measure)", before: $0.before ?? "none", after: $0.after ?? "none"
            )
        }
        csvLink = Self.link(.serviceReportCSV, month: month, partner: code, edition: shown)
        pdfLink = pdfMissing == nil ? Self.link(.serviceReportPDF, month: month, partner: code, edition: shown) : nil

        func row(_ row: ServiceReport.SeverityRow, index: Int) -> SeverityRow {
            let attainment = row.attainmentPercent
            return SeverityRow(
                label: row.severity.map { "Severity \($0)" } ?? "All severities",
                target: row.targetSeconds.map(PageFormat.duration) ?? "",
                raised: row.raised, resolved: row.resolved, met: row.met, missed: row.breached,
                attainment: attainment.map { String(format: "%.1f %%", $0) } ?? "none resolved",
                median: row.medianSeconds.map(PageFormat.duration) ?? "–",
                percentile90: row.percentile90Seconds.map(PageFormat.duration) ?? "–",
                barWidth: Int((attainment ?? 0).rounded()), barY: index * 24 + 4, textY: index * 24 + 17,
                hasResolved: attainment != nil)
        }
        severities = report.incidents.bySeverity.enumerated().map { row($1, index: $0) }
        total = row(report.incidents.total, index: severities.count)
        chartHeight = severities.count * 24 + 8
        chartWords =
            "Share of incidents resolved within target, by severity: "
            + severities.map { "\($0.label) \($0.attainment)" }.joined(separator: "; ") + "."
        awaiting = report.incidents.awaitingSeverity

        breaches = report.breaches.map { breach in
            BreachRow(
                reference: breach.reference, partner: breach.partnerCode,
                severity: breach.severity, target: PageFormat.duration(breach.targetSeconds),
                counted: PageFormat.duration(breach.countedSeconds), over: PageFormat.duration(breach.overSeconds),
                due: breach.dueAt.map(PageFormat.londonTime) ?? "–",
                outcome: breach.resolvedAt.map { "Resolved \(PageFormat.londonTime($0))" }
                    ?? "Still open when the month ended",
                steps: breach.steps.map {
                    LabelledValue(label: PageFormat.londonTime($0.at), value: IncidentPage.eventWords($0))
                })
        }
        hssis = report.hssis.map { hssi in
            HSSIRow(
                reference: hssi.reference, title: hssi.title, severity: hssi.severity.map { "\($0)" } ?? "–",
                occurred: PageFormat.londonTime(hssi.occurredAt), notification: hssi.notification.label,
                joins: hssi.joins.isEmpty
                    ? "No intervention" : "\(hssi.joins.filter { $0 == .inTime }.count) of \(hssi.joins.count) in time",
                updates: "\(hssi.updatesInTime) in time, \(hssi.updatesLate) late",
                resolved: hssi.resolved ? "Yes" : "No")
        }
        problems = report.problems.map { problem in
            ProblemRow(
                reference: problem.reference, title: problem.title, status: problem.status,
                fixDue: (LocalDate(problem.fixDue).map(PageFormat.longDate) ?? problem.fixDue)
                    + (problem.agreedRelease.map { " (release \($0))" } ?? ""),
                target: problem.fixTargetMissed ? "Missed" : "On track or met", linked: problem.linkedIncidents)
        }
        let figures = report.serviceRequests
        requestsReported = figures != nil
        requestMaximum = figures.map { PageFormat.months($0.maximumMonths) } ?? ""
        requests =
            figures.map { figures in
                [
                    LabelledValue(label: "Made", value: "\(figures.submitted)"),
                    LabelledValue(
                        label: "Fulfilled", value: "\(figures.fulfilled), \(figures.fulfilledInTime) by their last day"),
                    LabelledValue(label: "Open when the month ended", value: "\(figures.openAtEnd)"),
                ]
            } ?? []
        requestBreaches = (figures?.breaches ?? []).map { breach in
            RequestBreachRow(
                reference: breach.reference, partner: breach.partnerCode, title: breach.title,
                due: LocalDate(breach.dueDate).map(PageFormat.longDate) ?? breach.dueDate,
                outcome: breach.fulfilledAt.map { "Fulfilled \(PageFormat.londonTime($0))" }
                    ?? "Still open when the month ended")
        }
        let measured = report.availability
        availabilityMet = measured.meetsTarget
        availability = [
            LabelledValue(
                label: "Availability",
                value: String(format: "%.3f %% (target %.1f %%)", measured.percent, measured.targetPercent)),
            LabelledValue(
                label: "Downtime",
                value:
                    "\(ServiceReport.minutes(measured.downtimeSeconds)) of \(ServiceReport.minutes(measured.allowanceSeconds)) minutes allowed"
            ),
            LabelledValue(
                label: "Excused by planned maintenance",
                value: "\(ServiceReport.minutes(measured.excusedMaintenanceSeconds)) minutes"),
        ]
        let used = measured.allowanceSeconds == 0 ? 0 : measured.downtimeSeconds * 100 / measured.allowanceSeconds
        usedWidth = min(100, used)
        usedWords = "\(used) % of the month's downtime allowance used"
        releases = report.releases.map {
            LabelledValue(label: "\($0.name), \(PageFormat.londonTime($0.at))", value: "\($0.summary) (\($0.status))")
        }
        maintenance = report.maintenance.map {
            LabelledValue(
                label: "\($0.reference), \(PageFormat.londonTime($0.startsAt)) to \(PageFormat.londonTime($0.endsAt))",
                value: $0.summary)
        }
    }
}
