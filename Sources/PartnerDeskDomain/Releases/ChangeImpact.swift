/// How much a feature changes things for partners.
public enum ChangeImpact: String, CaseIterable, Hashable, Sendable, Codable {
    /// Nothing partners see or must do.
    case none
    /// Partners may notice it; nothing breaks.
    case minor
    /// Partners' services are affected: they are told when it reaches the integration environment, and it
    /// needs the assurance levels for major changes and the affected partners' approval.
    case major

    public var label: String {
        switch self {
        case .none: "No impact"
        case .minor: "Minor"
        case .major: "Major"
        }
    }
}
