/// The reference people quote for an incident: `INC-` and at least six digits (INC-000123).
public struct IncidentReference: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// The sequence number behind the reference.
    public let number: Int

    /// The reference for a sequence number (1 or more).
    public init?(number: Int) {
        guard number > 0 else { return nil }
        self.number = number
    }

    /// Parses `INC-000123` (case-insensitive); `nil` for anything else.
    public init?(_ text: String) {
        guard let number = SequenceReference.parse(prefix: "INC", text) else { return nil }
        self.init(number: number)
    }

    public var description: String { SequenceReference.format(prefix: "INC", number: number) }

    public static func < (lhs: IncidentReference, rhs: IncidentReference) -> Bool { lhs.number < rhs.number }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let reference = IncidentReference(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "Not an incident reference.")
            )
        }
        self = reference
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
