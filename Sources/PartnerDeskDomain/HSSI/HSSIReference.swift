/// The reference people quote for a Higher Severity Service Incident: `HSSI-` and at least six digits
/// (HSSI-000001).
///
/// HSSIs are numbered in their own sequence, apart from incidents and problems, so the prefix alone tells a
/// reader on a bridge call which kind of record is meant.
public struct HSSIReference: SequencedReference {
    public static let prefix = "HSSI"
    public static let kind = "an HSSI"
    public let number: Int

    public init(validNumber number: Int) { self.number = number }
}
