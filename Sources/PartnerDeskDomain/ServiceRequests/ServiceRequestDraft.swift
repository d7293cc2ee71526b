import Foundation

/// A service request as a partner sent it, before any of it has been checked.
public struct ServiceRequestDraft: Hashable, Sendable {
    /// The kind's id in the catalogue.
    public var type: String?
    public var title: String?
    /// Each detail by its field's name.
    public var answers: [String: String]

    public init(type: String? = nil, title: String? = nil, answers: [String: String] = [:]) {
        self.type = type
        self.title = title
        self.answers = answers
    }

    /// The longest answers accepted, in characters, and the largest number.
    public enum Limits {
        public static let line = 500
        public static let lines = 5_000
        public static let number = 100_000
    }

    /// A checked request's kind, title and answers (in the kind's field order, blanks left out).
    public struct Checked: Hashable, Sendable {
        public var type: ServiceRequestType
        public var title: String
        public var answers: [ServiceRequestAnswer]
    }

    /// Checks the kind, the title and every answer against the kind's fields (every text through the
    /// patient-data guard), reporting every problem at once; answers are reported under `answers.NAME`.
    public func validated(in catalogue: ServiceRequestCatalogue) throws(ValidationFailure) -> Checked {
        var check = ValidationCollector()
        let type = self.type.flatMap(catalogue.type)
        if type == nil {
            let offered = catalogue.types.map(\.id).joined(separator: ", ")
            if let id = self.type, !id.isEmpty {
                check.add("type", "unknown_type", "'\(id)' is not a kind of request on offer (\(offered)).")
            } else {
                check.add("type", "required", "Choose the kind of request (\(offered)).")
            }
        }
        let title = check.guardedText("title", title ?? "", label: "title", maxLength: TextLimits.title)
        var answers: [ServiceRequestAnswer] = []
        if let type {
            for name in unknownFields(of: type).sorted() {
                check.add("answers.\(name)", "unknown_field", "\(type.name) asks for no '\(name)'.")
            }
            for field in type.fields {
                if let value = Self.answer(self.answers[field.name], to: field, check: &check) {
                    answers.append(ServiceRequestAnswer(field: field.name, label: field.label, value: value))
                }
            }
        }
        try check.finish()
        guard let type, let title else { throw ValidationFailure([]) }
        return Checked(type: type, title: title, answers: answers)
    }

    private func unknownFields(of type: ServiceRequestType) -> [String] {
        let known = Set(type.fields.map(\.name))
        return self.answers.keys.filter { !known.contains($0) }
    }

    /// A label as it reads inside a sentence: "Environment" becomes "environment", but "Client ID" keeps its
    /// capitals after the first ("client ID").
    static func inSentence(_ label: String) -> String {
        guard let first = label.first, label.dropFirst().first?.isLowercase ?? true else { return label }
        return first.lowercased() + label.dropFirst()
    }

    /// One answer checked against its field: nil when blank (after saying so if it is required) or refused.
    private static func answer(_ raw: String?, to field: ServiceRequestField, check: inout ValidationCollector)
        -> String?
    {
        let key = "answers.\(field.name)"
        let label = Self.inSentence(field.label)
        guard let raw, !raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            if field.required { check.add(key, "required", "Give the \(label).") }
            return nil
        }
        let limit = field.kind == .lines ? Limits.lines : Limits.line
        guard let text = check.guardedText(key, raw, label: label, maxLength: limit) else { return nil }
        switch field.kind {
        case .text, .lines:
            return text
        case .url:
            guard let url = URL(string: text), url.scheme == "https", url.host?.isEmpty == false else {
                check.add(key, "invalid_format", "The \(label) must be an https:// address.")
                return nil
            }
            return text
        case .number:
            guard let number = Int(text), (1...Limits.number).contains(number) else {
                check.add(key, "invalid_format", "The \(label) must be a whole number from 1 to \(Limits.number).")
                return nil
            }
            return String(number)
        case .date:
            guard let date = LocalDate(text) else {
                check.add(key, "invalid_format", "The \(label) must be a date written YYYY-MM-DD.")
                return nil
            }
            return date.description
        case .choice:
            let choices = field.choices ?? []
            guard choices.contains(text) else {
                check.add(key, "invalid_choice", "The \(label) must be one of: \(choices.joined(separator: ", ")).")
                return nil
            }
            return text
        }
    }
}
