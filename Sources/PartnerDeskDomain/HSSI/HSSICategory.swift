/// What kind of harm a Higher Severity Service Incident threatens.
public enum HSSICategory: String, CaseIterable, Hashable, Sendable, Codable {
    /// Personal data may have reached someone who should not have it.
    case potentialDataBreach = "potential_data_breach"
    /// Users were shown information that is not theirs, or not true.
    case wrongInformationShown = "wrong_information_shown"
    /// Any other incident grave enough to be handled as an HSSI.
    case other = "other"

    /// A short label for pages and exports.
    public var label: String {
        switch self {
        case .potentialDataBreach: "Potential data breach"
        case .wrongInformationShown: "Wrong information shown"
        case .other: "Other higher severity incident"
        }
    }
}
