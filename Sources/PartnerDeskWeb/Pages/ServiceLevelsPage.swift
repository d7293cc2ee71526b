import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// A month's availability for the service (or a partner's own), the allowance used as a bar with the numbers
/// beside it, each partner's month for staff, the outages and maintenance behind it, and for the desk the forms
/// that record outages and plan maintenance.
struct ServiceLevelsPage: Encodable {
    struct PartnerRow: Encodable {
        var name: String
        var link: String
        var availability: String
        var downtime: String
        var meets: String
    }

    struct OutageRow: Encodable {
        var id: String
        var reference: String
        var component: String
        var impact: String
        var when: String
        var partners: String
        var summary: String
        var notes: String?
        var open: Bool
        var version: Int
    }

    struct WindowRow: Encodable {
        var id: String
        var reference: String
        var components: String
        var when: String
        var announcement: String
        var flagged: Bool
        var announced: Bool
        var version: Int
    }

    var title = "Service levels"
    var signedIn: SignedInHeader
    var csrf: String
    var heading: String
    var month: String
    var partnerCode: String
    var facts: [LabelledValue]
    var meetsTarget: Bool
    /// The allowance used, as the bar's width out of 100 and in words.
    var usedWidth: Int
    var usedWords: String
    var partners: [PartnerRow]
    var partnerOptions: [SelectOption]
    var outages: [OutageRow]
    var maintenance: [WindowRow]
    var canManage: Bool
    /// Whether the caller chooses the components its organisation hears about (linked from the page).
    var canChoose: Bool
    var componentOptions: [SelectOption]
    var values: [String: String]
    var notice: String?
    var errors: [PageError]
    var hasErrors: Bool

    init(
        view: AvailabilityView, partners: [PartnerAvailability],
        allPartners: [Partner], components: [ServiceComponent], principal: Principal, csrf: String,
        values: [String: String], notice: String?, errors: [PageError]
    ) {
        let measure = view.measure
        signedIn = SignedInHeader(principal, csrf: csrf)
        self.csrf = csrf
        month = measure.month.description
        partnerCode = view.partner?.code.description ?? ""
        heading =
            "\(view.partner?.name ?? "The whole service"), \(measure.month)" + (view.isComplete ? "" : " (so far)")
        let minutes = { (seconds: Int) in "\(seconds / 60) min" + (seconds % 60 == 0 ? "" : " \(seconds % 60) s") }
        facts = [
            LabelledValue(
                label: "Availability",
                value: String(format: "%.3f %%", measure.percent)
                    + String(format: " (target %.1f %%, %@)", measure.targetPercent, view.tierName)),
            LabelledValue(label: "Downtime in business support hours", value: minutes(measure.downtimeSeconds)),
            LabelledValue(
                label: "Allowance left",
                value: measure.budgetLeftSeconds >= 0
                    ? "\(minutes(measure.budgetLeftSeconds)) of \(minutes(measure.allowanceSeconds))"
                    : "None: \(minutes(-measure.budgetLeftSeconds)) over the \(minutes(measure.allowanceSeconds))"),
            LabelledValue(label: "Degraded (not counted)", value: minutes(measure.degradedSeconds)),
            LabelledValue(
                label: "Announced maintenance (not counted)", value: minutes(measure.excusedMaintenanceSeconds)),
            LabelledValue(
                label: "Business support time measured",
                value: "\(measure.measuredBusinessSeconds / 3_600) h of \(measure.monthBusinessSeconds / 3_600) h"),
        ]
        meetsTarget = measure.meetsTarget
        usedWidth = Int((min(measure.budgetUsed, 1) * 100).rounded())
        usedWords = "\(Int((measure.budgetUsed * 100).rounded())) % of the downtime allowance used"
        let shown = measure.month.description
        self.partners = partners.map { row in
            PartnerRow(
                name: row.partner.name,
                link: SiteURL.serviceLevels.path(query: [("month", shown), ("partner", row.partner.code.description)]),
                availability: String(format: "%.3f %%", row.measure.percent),
                downtime: minutes(row.measure.downtimeSeconds), meets: row.measure.meetsTarget ? "Met" : "Missed")
        }
        partnerOptions = SelectOption.partners(allPartners, none: "The whole service", selected: partnerCode)
        let names = Dictionary(components.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let codes = Dictionary(
            allPartners.map { ($0.id, $0.code.description) }, uniquingKeysWith: { first, _ in first })
        outages = view.outages.map { outage in
            OutageRow(
                id: outage.id.description, reference: outage.reference,
                component: names[outage.component] ?? outage.component, impact: outage.impact.label,
                when: "\(PageFormat.londonTime(outage.startedAt)) to "
                    + (outage.endedAt.map(PageFormat.londonTime) ?? "now (still going on)"),
                partners: outage.affectedPartners.isEmpty
                    ? "Every partner" : outage.affectedPartners.map { codes[$0] ?? "?" }.joined(separator: ", "),
                summary: outage.publicSummary, notes: outage.internalNotes, open: outage.endedAt == nil,
                version: outage.version)
        }
        maintenance = view.maintenance.map { view in
            let window = view.window
            let announcement: String =
                switch view.announcement {
                case .due(let by): "Not announced yet: due by \(PageFormat.londonTime(by))"
                case .inTime(let at): "Announced \(PageFormat.londonTime(at))"
                case .late(let at, let by):
                    "Announced late, \(PageFormat.londonTime(at)) (due by \(PageFormat.londonTime(by)))"
                case .overdue(let by): "Not announced, and overdue since \(PageFormat.londonTime(by))"
                }
            return WindowRow(
                id: window.id.description, reference: window.reference,
                components: window.components.map { names[$0] ?? $0 }.joined(separator: ", "),
                when: "\(PageFormat.londonTime(window.startsAt)) to \(PageFormat.londonTime(window.endsAt))",
                announcement: announcement, flagged: view.announcement.isFlagged, announced: window.announcedAt != nil,
                version: window.version)
        }
        canManage = AccessPolicy.permits(principal, .manageOutages)
        canChoose = principal.role.isPartnerRole && AccessPolicy.permits(principal, .chooseComponents)
        componentOptions = components.map {
            SelectOption(value: $0.code, label: $0.name, selected: values["component"] == $0.code)
        }
        self.values = values
        self.notice = notice
        self.errors = errors
        hasErrors = !errors.isEmpty
    }
}
