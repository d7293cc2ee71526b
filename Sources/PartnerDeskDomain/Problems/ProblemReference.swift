/// The reference people quote for a problem record: `PRB-` and at least six digits (PRB-000045).
public struct ProblemReference: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// The sequence number behind the reference.
    public let number: Int

    /// The reference for a sequence number (1 or more).
    public init?(number: Int) {
        guard number > 0 else { return nil }
        self.number = number
    }

    /// Parses `PRB-000045` (case-insensitive); `nil` for anything else.
    public init?(_ text: String) {
        guard let number = SequenceReference.parse(prefix: "PRB", text) else { return nil }
        self.init(number: number)
    }

    public var description: String { SequenceReference.format(prefix: "PRB", number: number) }

    public static func < (lhs: ProblemReference, rhs: ProblemReference) -> Bool { lhs.number < rhs.number }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let reference = ProblemReference(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "Not a problem reference.")
            )
        }
        self = reference
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
