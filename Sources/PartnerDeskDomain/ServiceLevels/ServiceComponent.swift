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
