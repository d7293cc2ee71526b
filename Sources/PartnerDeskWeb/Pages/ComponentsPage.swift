import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// The platform's components: what each is, the ones a partner uses (which decide the outage and maintenance
/// notices it receives), every partner's choice for administrators, and the administrators' form that keeps the
/// list and the monitoring labels that map alerts to each component.
struct ComponentsPage: Encodable {
    struct Row: Encodable {
        var code: String
        var name: String
        var description: String
        var labels: String
    }

    struct Choice: Encodable {
        var code: String
        var name: String
        var checked: Bool
    }

    struct PartnerChoice: Encodable {
        var partner: String
        var components: String
    }

    /// One row of the editing form: an existing component or a blank one to add.
    struct EditRow: Encodable {
        var index: Int
        /// The row's number as people count, for its labels.
        var number: Int
        var code: String
        var name: String
        var description: String
        var labels: String
        var remove: Bool
    }

    var title = "Components"
    var signedIn: SignedInHeader
    var csrf: String
    var components: [Row]
    var showLabels: Bool
    var canChoose: Bool
    /// Administrators choose for any partner; a partner's administrators for their own.
    var choosesForOthers: Bool
    var partnerOptions: [SelectOption]
    var choices: [Choice]
    var everyPartner: [PartnerChoice]
    var canEdit: Bool
    var edit: [EditRow]
    var notice: String?
    var errors: [PageError]
    var hasErrors: Bool

    /// How many blank rows the editing form offers for new components.
    static let blankRows = 2

    init(
        components: [ServiceComponent], choices partnerChoices: [PartnerComponents], principal: Principal,
        csrf: String, values: [String: String], notice: String?, errors: [PageError]
    ) {
        signedIn = SignedInHeader(principal, csrf: csrf)
        self.csrf = csrf
        showLabels = !principal.role.isPartnerRole
        self.components = components.map {
            Row(code: $0.code, name: $0.name, description: $0.description, labels: Self.labelText($0.alertLabels))
        }
        canChoose = AccessPolicy.permits(principal, .chooseComponents)
        choosesForOthers = canChoose && !principal.role.isPartnerRole
        let shownPartner =
            values["partner"] ?? (principal.role.isPartnerRole ? partnerChoices.first?.partner.code.value : nil) ?? ""
        partnerOptions = SelectOption.partners(
            partnerChoices.map(\.partner), none: "Choose a partner", selected: shownPartner)
        let current = partnerChoices.first { $0.partner.code.value == shownPartner }
        let refused = !errors.isEmpty && values["partner"] != nil
        choices = components.map { component in
            Choice(
                code: component.code, name: component.name,
                checked: refused
                    ? values["choose-\(component.code)"] == "on"
                    : current?.chosen.contains { $0.code == component.code } ?? false)
        }
        everyPartner =
            choosesForOthers
            ? partnerChoices.map {
                PartnerChoice(
                    partner: $0.partner.name,
                    components: $0.isEveryComponent ? "Every component" : $0.chosen.map(\.name).joined(separator: ", "))
            } : []
        canEdit = AccessPolicy.permits(principal, .manageComponents)
        let typed = !errors.isEmpty && values["rows"] != nil
        let rowCount = typed ? Int(values["rows"] ?? "") ?? 0 : components.count + Self.blankRows
        edit = (0..<min(rowCount, ServiceComponentDraft.limit + Self.blankRows)).map { index in
            if typed {
                return EditRow(
                    index: index, number: index + 1, code: values["code-\(index)"] ?? "",
                    name: values["name-\(index)"] ?? "",
                    description: values["description-\(index)"] ?? "", labels: values["labels-\(index)"] ?? "",
                    remove: values["remove-\(index)"] == "on")
            }
            let component = components.indices.contains(index) ? components[index] : nil
            return EditRow(
                index: index, number: index + 1, code: component?.code ?? "", name: component?.name ?? "",
                description: component?.description ?? "", labels: Self.labelText(component?.alertLabels ?? [:]),
                remove: false)
        }
        self.notice = notice
        self.errors = errors
        hasErrors = !errors.isEmpty
    }

    /// `job=auth, env=prod`.
    static func labelText(_ labels: [String: String]) -> String {
        labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
    }

    /// The editing form's rows as drafts (blank and removed rows left out), with the form row each draft came
    /// from, and the rows whose labels are not written as `name=value`.
    static func drafts(from values: [String: String]) -> (
        drafts: [ServiceComponentDraft], rows: [Int], badLabels: [Int]
    ) {
        let count = min(Int(values["rows"] ?? "") ?? 0, ServiceComponentDraft.limit + blankRows)
        var drafts: [ServiceComponentDraft] = []
        var rows: [Int] = []
        var badLabels: [Int] = []
        for index in 0..<max(count, 0) {
            let text = { (name: String) in (values["\(name)-\(index)"] ?? "").trimmingCharacters(in: .whitespaces) }
            let fields = ["code", "name", "description", "labels"].map(text)
            guard values["remove-\(index)"] != "on", fields.contains(where: { !$0.isEmpty }) else { continue }
            var labels: [String: String] = [:]
            for pair in fields[3].split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1).map {
                    String($0).trimmingCharacters(in: .whitespaces)
                }
                guard parts.count == 2, !parts[0].isEmpty else {
                    badLabels.append(index)
                    break
                }
                labels[parts[0]] = parts[1]
            }
            drafts.append(
                ServiceComponentDraft(code: fields[0], name: fields[1], description: fields[2], alertLabels: labels))
            rows.append(index)
        }
        return (drafts, rows, badLabels)
    }
}
