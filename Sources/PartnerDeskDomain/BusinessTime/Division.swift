/// A part of the United Kingdom with its own set of bank holidays.
///
/// Raw values are the keys the GOV.UK bank-holidays feed uses.
public enum Division: String, Sendable, Hashable, CaseIterable, Codable {
    /// England and Wales.
    case englandAndWales = "england-and-wales"
    /// Scotland.
    case scotland
    /// Northern Ireland.
    case northernIreland = "northern-ireland"

    /// The division's name for people.
    public var label: String {
        switch self {
        case .englandAndWales: "England and Wales"
        case .scotland: "Scotland"
        case .northernIreland: "Northern Ireland"
        }
    }
}
