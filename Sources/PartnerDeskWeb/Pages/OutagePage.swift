import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// One outage: what partners read about it, for staff its notes, the records behind it and its history, and for
/// those who keep outages the form that corrects it (filled with what it says now, or with what was typed when a
/// correction is refused).
struct OutagePage: Encodable {
    struct HistoryRow: Encodable {
        var when: String
        var who: String
        var what: String
    }

    var title: String
    var signedIn: SignedInHeader
    var csrf: String
    var id: String
    var reference: String
    var facts: [LabelledValue]
    var summary: String
    var notes: String?
    var open: Bool
    var version: Int
    var canManage: Bool
    var history: [HistoryRow]
    var componentOptions: [SelectOption]
    var values: [String: String]
    var notice: String?
    var errors: [PageError]
    var hasErrors: Bool

    /// What each audited step on an outage is called on the page.
    private static let actions = [
        "outage.record": "Recorded", "outage.monitoring_open": "Opened by monitoring", "outage.correct": "Corrected",
        "outage.close": "Ended", "outage.monitoring_close": "Closed by monitoring",
    ]

    /// The audit fields that name records by id: a change to them is said, not spelled out.
    private static let identifierFields: Set<String> = ["partners", "incidents", "hssis", "maintenance"]

    init(
        detail: OutageDetail, components: [ServiceComponent], principal: Principal, csrf: String,
        values typed: [String: String], notice: String?, errors: [PageError]
    ) {
        let outage = detail.outage
        title = outage.reference
        signedIn = SignedInHeader(principal, csrf: csrf)
        self.csrf = csrf
        id = outage.id.description
        reference = outage.reference
        let component = components.first { $0.code == outage.component }?.name ?? outage.component
        let isStaff = !principal.role.isPartnerRole
        facts =
            [
                LabelledValue(label: "Component", value: component),
                LabelledValue(label: "Impact", value: outage.impact.label),
                LabelledValue(label: "Started", value: PageFormat.londonTime(outage.startedAt)),
                LabelledValue(
                    label: "Ended", value: outage.endedAt.map(PageFormat.londonTime) ?? "Not yet: still going on"),
                LabelledValue(
                    label: "Kind",
                    value: detail.maintenance.map { "Planned: the work of maintenance \($0)" } ?? "Unplanned"),
            ]
            + (isStaff
                ? [
                    LabelledValue(
                        label: "Partners affected",
                        value: detail.partners.isEmpty ? "Every partner" : detail.partners.joined(separator: ", ")),
                    LabelledValue(
                        label: "Incidents and HSSIs",
                        value: (detail.incidents + detail.hssis).isEmpty
                            ? "None linked" : (detail.incidents + detail.hssis).joined(separator: ", ")),
                    LabelledValue(
                        label: "Opened by", value: outage.alertKey == nil ? "Hand" : "Monitoring (an alert)"),
                ] : [])
        summary = outage.publicSummary
        notes = outage.internalNotes
        open = outage.endedAt == nil
        version = outage.version
        canManage = AccessPolicy.permits(principal, .manageOutages)
        history = detail.history.map { entry in
            // A creation lists every field; the page above says what it holds now.
            let isCreation = entry.changes.allSatisfy { $0.before == nil }
            let changes =
                isCreation
                ? []
                : entry.changes.map { change in
                    Self.identifierFields.contains(change.field)
                        ? "\(change.field) changed"
                        : "\(change.field): \(change.before ?? "(none)") → \(change.after ?? "(none)")"
                }
            return HistoryRow(
                when: PageFormat.londonTime(entry.at), who: entry.actorName,
                what: ([Self.actions[entry.action] ?? entry.action] + changes).joined(separator: "; "))
        }
        let values =
            errors.isEmpty
            ? [
                "component": outage.component, "impact": outage.impact.rawValue,
                "startedAt": PageFormat.londonInput(outage.startedAt),
                "endedAt": outage.endedAt.map(PageFormat.londonInput) ?? "",
                "partners": detail.partners.joined(separator: ", "),
                "incidents": detail.incidents.joined(separator: ", "), "hssis": detail.hssis.joined(separator: ", "),
                "maintenance": detail.maintenance ?? "", "publicSummary": outage.publicSummary,
                "internalNotes": outage.internalNotes ?? "",
            ] : typed
        componentOptions = components.map {
            SelectOption(value: $0.code, label: $0.name, selected: values["component"] == $0.code)
        }
        self.values = values
        self.notice = notice
        self.errors = errors
        hasErrors = !errors.isEmpty
    }
}
