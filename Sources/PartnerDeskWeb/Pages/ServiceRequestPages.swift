import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// `/service-requests`: a partner's own requests, or the desk's queue of every partner's.
struct ServiceRequestListPage: Encodable {
    struct Row: Encodable {
        var id: String
        var reference: String
        var title: String
        var kind: String
        var partner: String
        var status: String
        var due: String
        var overdue: Bool
        var submitted: String
    }

    var title = "Service requests"
    var signedIn: SignedInHeader
    var rows: [Row]
    var hasRows: Bool
    var isStaff: Bool
    var canMake: Bool
    var showingFinished: Bool
    /// The tier's maximum, "3 months".
    var maximumMonths: String

    init(principal: Principal, csrf: String, views: [ServiceRequestView], showingFinished: Bool, maximumMonths: Int) {
        signedIn = SignedInHeader(principal, csrf: csrf)
        rows = views.map { view in
            let request = view.request
            return Row(
                id: request.id.description, reference: request.reference.description, title: request.title,
                kind: request.type.name, partner: view.partnerCode, status: request.status.label,
                due: request.target.map { PageFormat.longDate($0.dueDate) } ?? "From acceptance",
                overdue: view.isOverdue, submitted: PageFormat.londonTime(request.submittedAt))
        }
        hasRows = !rows.isEmpty
        isStaff = !principal.role.isPartnerRole
        canMake = AccessPolicy.permits(principal, .raiseServiceRequests)
        self.showingFinished = showingFinished
        self.maximumMonths = PageFormat.months(maximumMonths)
    }
}

/// `/service-requests/new`: choose a kind, then give what it asks for.
struct NewServiceRequestPage: Encodable {
    struct Kind: Encodable {
        var id: String
        var name: String
        var summary: String
        /// "1 month", "3 months".
        var months: String
    }

    struct Field: Encodable {
        /// The form field's name and id: `answers.NAME`.
        var key: String
        var label: String
        var hint: String?
        var required: Bool
        var isLines: Bool
        var isChoice: Bool
        var inputType: String
        var options: [SelectOption]
        var value: String
        /// Why the answer was refused, shown beside it.
        var error: String?
        /// The hint's and the error's ids.
        var describedBy: String?
    }

    var title = "Make a service request"
    var signedIn: SignedInHeader
    var csrf: String
    var kinds: [Kind]
    var chosen: Kind?
    var fields: [Field]
    var values: [String: String]
    var titleError: String?
    var errors: [PageError]
    var hasErrors: Bool

    init(
        principal: Principal, csrf: String, catalogue: ServiceRequestCatalogue, chosen: String?,
        values: [String: String] = [:], errors: [PageError] = []
    ) {
        signedIn = SignedInHeader(principal, csrf: csrf)
        self.csrf = csrf
        kinds = catalogue.types.map {
            Kind(id: $0.id, name: $0.name, summary: $0.summary, months: PageFormat.months($0.targetMonths))
        }
        let type = chosen.flatMap(catalogue.type)
        self.chosen = type.map {
            Kind(id: $0.id, name: $0.name, summary: $0.summary, months: PageFormat.months($0.targetMonths))
        }
        fields = (type?.fields ?? []).map { field in
            let key = "answers.\(field.name)"
            let value = values[key] ?? ""
            let error = errors.first { $0.field == key }?.message
            let describedBy = [field.hint.map { _ in "\(key)-hint" }, error.map { _ in "\(key)-error" }]
                .compactMap { $0 }.joined(separator: " ")
            return Field(
                key: key, label: field.label + (field.required ? "" : " (optional)"), hint: field.hint,
                required: field.required, isLines: field.kind == .lines, isChoice: field.kind == .choice,
                inputType: Self.inputType(field.kind),
                options: [SelectOption(value: "", label: "Choose one")]
                    + (field.choices ?? []).map { SelectOption(value: $0, label: $0, selected: $0 == value) },
                value: value, error: error, describedBy: describedBy.isEmpty ? nil : describedBy)
        }
        self.values = values
        titleError = errors.first { $0.field == "title" }?.message
        self.errors = errors
        hasErrors = !errors.isEmpty
    }

    /// The answers a submitted form gives, by field name.
    static func draft(_ values: [String: String]) -> ServiceRequestDraft {
        var answers: [String: String] = [:]
        for (key, value) in values where key.hasPrefix("answers.") { answers[String(key.dropFirst(8))] = value }
        return ServiceRequestDraft(type: values["type"], title: values["title"], answers: answers)
    }

    private static func inputType(_ kind: ServiceRequestField.Kind) -> String {
        switch kind {
        case .url: "url"
        case .date: "date"
        case .number: "number"
        case .text, .lines, .choice: "text"
        }
    }
}

/// `/service-requests/:id`: one request, its history, and what the reader may do next.
struct ServiceRequestPage: Encodable {
    struct Step: Encodable {
        var at: String
        var by: String
        var what: String
        var note: String?
        var isInternal: Bool
    }

    struct Action: Encodable {
        var value: String
        var label: String
        var needsNote: Bool
    }

    var title: String
    var signedIn: SignedInHeader
    var csrf: String
    var id: String
    var version: Int
    var heading: String
    var facts: [LabelledValue]
    var answers: [LabelledValue]
    var steps: [Step]
    var actions: [Action]
    var hasActions: Bool
    var canComment: Bool
    var canKeepInternal: Bool
    var values: [String: String]
    /// Why the action, its note or a note was refused, shown beside the field.
    var actionError: String?
    var noteError: String?
    var commentError: String?
    var errors: [PageError]
    var hasErrors: Bool

    init(
        principal: Principal, csrf: String, view: ServiceRequestView, values: [String: String] = [:],
        errors: [PageError] = []
    ) {
        let request = view.request
        title = "\(request.reference): \(request.title)"
        signedIn = SignedInHeader(principal, csrf: csrf)
        self.csrf = csrf
        id = request.id.description
        version = request.version
        heading = request.title
        var facts = [
            LabelledValue(label: "Reference", value: request.reference.description),
            LabelledValue(label: "Kind", value: request.type.name),
            LabelledValue(label: "Partner", value: view.partnerCode),
            LabelledValue(label: "Status", value: request.status.label),
            LabelledValue(
                label: "Submitted", value: "\(PageFormat.londonTime(request.submittedAt)) by \(request.submittedBy)"),
        ]
        if let target = request.target {
            facts.append(
                LabelledValue(
                    label: "Due by",
                    value:
                        "\(PageFormat.longDate(target.dueDate)) (\(PageFormat.months(target.months)) from acceptance)"
                        + (view.isOverdue ? ": overdue" : "")))
        } else {
            facts.append(LabelledValue(label: "Due by", value: "Set when the service desk accepts the request"))
        }
        if let finished = request.finishedAt {
            facts.append(LabelledValue(label: "Finished", value: PageFormat.londonTime(finished)))
        }
        self.facts = facts
        answers = request.answers.map { LabelledValue(label: $0.label, value: $0.value) }
        steps = request.steps.map { step in
            Step(
                at: PageFormat.londonTime(step.at), by: step.by.withRole,
                what: step.action.map { "\($0.label): now \(step.to.label.lowercased())" }
                    ?? (step.to == .submitted && step.note == nil ? "Submitted" : "Note"),
                note: step.note, isInternal: step.isInternal)
        }
        let isPartner = principal.role.isPartnerRole
        let permitted = AccessPolicy.permits(principal, ServiceRequestAction.permission(for: principal.role))
        actions =
            permitted
            ? ServiceRequestAction.allCases.filter {
                $0.from.contains(request.status) && (isPartner ? $0.isPartners : $0.isDesks)
            }.map { Action(value: $0.rawValue, label: $0.label, needsNote: $0.needsNote) } : []
        hasActions = !actions.isEmpty
        canComment = permitted && !request.status.isFinished
        canKeepInternal = permitted && !isPartner
        self.values = values
        func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
        actionError = error("action")
        noteError = error("note")
        commentError = error("comment")
        self.errors = errors
        hasErrors = !errors.isEmpty
    }
}
