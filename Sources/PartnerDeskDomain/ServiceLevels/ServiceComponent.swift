/// A part of the platform whose availability is measured on its own, such as sign-in. Components are data: a
/// code, a name partners recognise, and the monitoring labels that say an alert is about it.
public struct ServiceComponent: Hashable, Sendable, Identifiable, Codable {
    /// Lower-case letters, digits and hyphens, such as `sign-in`.
    public var code: String
    public var name: String
    /// What it does, in partners' words.
    public var description: String
    /// The labels an alert must carry, each with this value, to be about this component (besides the
    /// `component` label naming its code, which always does).
    public var alertLabels: [String: String]

    public init(code: String, name: String, description: String, alertLabels: [String: String] = [:]) {
        self.code = code
        self.name = name
        self.description = description
        self.alertLabels = alertLabels
    }

    public var id: String { code }

    /// The components a new installation starts with.
    public static let defaults: [ServiceComponent] = [
        ServiceComponent(
            code: "sign-in", name: "Sign-in",
            description: "People signing in to partner services, and the tokens partner services receive."),
        ServiceComponent(
            code: "identity-verification", name: "Identity verification",
            description: "People proving who they are, with a photo ID and a video or a face scan."),
        ServiceComponent(
            code: "user-info", name: "User information",
            description: "The details partner services ask for about a signed-in person (claims and UserInfo)."),
        ServiceComponent(
            code: "account-settings", name: "Account settings",
            description: "People changing their e-mail address, phone number, password or security settings."),
    ]

    /// Whether a code is well formed: 1 to 40 lower-case letters, digits and single hyphens, not at the ends.
    public static func isValidCode(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
        guard (1...40).contains(bytes.count), bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-")
        else { return false }
        return !code.contains("--")
            && bytes.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == UInt8(ascii: "-") }
    }

    /// Whether an alert with these labels is about this component.
    public func matches(labels: [String: String]) -> Bool {
        if labels["component"] == code { return true }
        return !alertLabels.isEmpty && alertLabels.allSatisfy { labels[$0.key] == $0.value }
    }
}

/// A component as an administrator sent it, before it has been checked.
public struct ServiceComponentDraft: Hashable, Sendable {
    public var code: String?
    public var name: String?
    public var description: String?
    public var alertLabels: [String: String]?

    public init(
        code: String? = nil, name: String? = nil, description: String? = nil, alertLabels: [String: String]? = nil
    ) {
        self.code = code
        self.name = name
        self.description = description
        self.alertLabels = alertLabels
    }

    /// The most components a platform lists.
    public static let limit = 50

    /// Checks a whole list and names every problem at once: at least one component, codes well formed and
    /// unique, names and descriptions given, label names Prometheus would accept.
    public static func validated(_ drafts: [ServiceComponentDraft]) throws(ValidationFailure) -> [ServiceComponent] {
        var check = ValidationCollector()
        if drafts.isEmpty { check.add("components", "required", "Keep at least one component.") }
        if drafts.count > limit { check.add("components", "too_many", "List at most \(limit) components.") }
        var seen: Set<String> = []
        var components: [ServiceComponent] = []
        for (index, draft) in drafts.prefix(limit).enumerated() {
            let field = "components[\(index)]"
            let code = draft.code?.trimmingWhitespace ?? ""
            if !ServiceComponent.isValidCode(code) {
                check.add(
                    "\(field).code", code.isEmpty ? "required" : "invalid_format",
                    "Give a code of lower-case letters, digits and single hyphens, such as sign-in.")
            } else if !seen.insert(code).inserted {
                check.add("\(field).code", "duplicate", "\(code) is listed twice.")
            }
            let name = check.guardedText("\(field).name", draft.name ?? "", label: "name", maxLength: TextLimits.title)
            let description = check.guardedText(
                "\(field).description", draft.description ?? "", label: "description", maxLength: TextLimits.text)
            for (label, value) in (draft.alertLabels ?? [:]).sorted(by: { $0.key < $1.key }) {
                let valid =
                    !label.isEmpty && label.utf8.count <= 100 && value.utf8.count <= 200
                    && label.utf8.allSatisfy {
                        ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95
                    }
                    && !(label.utf8.first.map { $0 >= 48 && $0 <= 57 } ?? true)
                if !valid {
                    check.add(
                        "\(field).alertLabels", "invalid_value",
                        "'\(label)' is not a label name monitoring uses (letters, digits and underscores).")
                }
            }
            if let name, let description {
                components.append(
                    ServiceComponent(
                        code: code, name: name, description: description, alertLabels: draft.alertLabels ?? [:]))
            }
        }
        try check.finish()
        return components
    }
}

/// The components a partner's services use, as the partner chose them: notices of outages and maintenance on
/// other components are not sent to it. A partner that never chose, or whose chosen components have all since
/// been taken off the list, hears of every component, so a change to the list never silences anyone.
public struct ComponentChoice: Hashable, Sendable {
    /// The chosen codes; empty for every component.
    public var codes: Set<String>

    public init(codes: Set<String> = []) {
        self.codes = codes
    }

    /// Every component.
    public static let every = ComponentChoice()

    /// The chosen codes still on the platform's list, in the list's order (empty for every component).
    public func current(in components: [ServiceComponent]) -> [String] {
        components.map(\.code).filter(codes.contains)
    }

    /// Whether a notice about any of `affected` reaches this partner, given the components listed now.
    public func covers(_ affected: some Sequence<String>, listed components: [ServiceComponent]) -> Bool {
        let chosen = Set(current(in: components))
        return chosen.isEmpty || affected.contains(where: chosen.contains)
    }

    /// Checks codes a partner sent against the components listed now; an empty list chooses every component.
    public static func validated(_ codes: [String], listed components: [ServiceComponent])
        throws(ValidationFailure) -> ComponentChoice
    {
        var check = ValidationCollector()
        let known = Set(components.map(\.code))
        for code in codes where !known.contains(code) {
            check.add("components", "unknown_value", "'\(code)' is not one of the platform's components.")
        }
        try check.finish()
        return ComponentChoice(codes: Set(codes))
    }
}
