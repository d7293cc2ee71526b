/// The reference people quote for an incident: `INC-` and at least six digits (INC-000123).
public struct IncidentReference: SequencedReference {
    public static let prefix = "INC"
    public static let kind = "an incident"
    public let number: Int

    public init(validNumber number: Int) { self.number = number }
}
