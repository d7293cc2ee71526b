/// The reference people quote for a problem record: `PRB-` and at least six digits (PRB-000045).
public struct ProblemReference: SequencedReference {
    public static let prefix = "PRB"
    public static let kind = "a problem"
    public let number: Int

    public init(validNumber number: Int) { self.number = number }
}
