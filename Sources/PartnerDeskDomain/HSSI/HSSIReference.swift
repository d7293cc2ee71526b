/// The reference people quote for a Higher Severity Service Incident: `HSSI-` and at least six digits
/// (HSSI-000001).
///
/// HSSIs are numbered in their own sequence, apart from incidents and problems, so the prefix alone tells a
/// reader on a bridge call which kind of record is meant.
public struct HSSIReference: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// The sequence number behind the reference.
    public let number: Int

    /// The reference for a sequence number (1 or more).
    public init?(number: Int) {
        guard number > 0 else { return nil }
        self.number = number
    }

    /// Parses `HSSI-000001` (case-insensitive); `nil` for anything else.
    public init?(_ text: String) {
        guard let number = SequenceReference.parse(prefix: "HSSI", text) else { return nil }
        self.init(number: number)
    }

    public var description: String { SequenceReference.format(prefix: "HSSI", number: number) }

    public static func < (lhs: HSSIReference, rhs: HSSIReference) -> Bool { lhs.number < rhs.number }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let reference = HSSIReference(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "Not an HSSI reference.")
            )
        }
        self = reference
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
