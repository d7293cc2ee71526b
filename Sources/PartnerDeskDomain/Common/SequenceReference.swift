/// How references made of a prefix and a sequence number read and parse: `INC-000123`, `PRB-000045` — the
/// prefix, a hyphen, and the number padded to at least six digits.
enum SequenceReference {
    static func format(prefix: String, number: Int) -> String {
        let digits = String(number)
        return prefix + "-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// The number in `PREFIX-000123` (case-insensitive, at least six digits); `nil` for anything else.
    static func parse(prefix: String, _ text: String) -> Int? {
        let upper = text.uppercased()
        let head = prefix + "-"
        guard upper.hasPrefix(head), upper.count >= head.count + 6, let number = Int(upper.dropFirst(head.count)),
            number > 0
        else { return nil }
        return number
    }
}
/// A reference people quote for a record: a prefix, a hyphen and the record's sequence number padded to at
/// least six digits (`INC-000123`, `PRB-000045`, `HSSI-000001`, `SRQ-000012`). Parsing ignores case. Each kind
/// of record numbers its own sequence, so the prefix alone says which kind is meant.
public protocol SequencedReference: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// The letters before the hyphen.
    static var prefix: String { get }
    /// The kind of reference with its article, for decoding errors ("an incident").
    static var kind: String { get }
    /// The sequence number behind the reference.
    var number: Int { get }
    /// Wraps a number already checked to be 1 or more (use ``init(number:)`` otherwise).
    init(validNumber: Int)
}

extension SequencedReference {
    /// The reference for a sequence number (1 or more).
    public init?(number: Int) {
        guard number > 0 else { return nil }
        self.init(validNumber: number)
    }

    /// Parses `PREFIX-000123` (case-insensitive, at least six digits); `nil` for anything else.
    public init?(_ text: String) {
        guard let number = SequenceReference.parse(prefix: Self.prefix, text) else { return nil }
        self.init(validNumber: number)
    }

    public var description: String { SequenceReference.format(prefix: Self.prefix, number: number) }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.number < rhs.number }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let reference = Self(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "Not \(Self.kind) reference."))
        }
        self = reference
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
