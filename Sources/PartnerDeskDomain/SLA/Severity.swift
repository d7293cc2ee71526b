/// How serious an incident or problem is, from 1 (most severe) to 5 (least).
///
/// The rule: only 1...5 exist; ``init(_:)`` refuses anything else, and decoding refuses it too. Encoded as a bare
/// integer. Ordering follows the number, so sorting ascending puts the most severe first.
public struct Severity: Sendable, Hashable, Comparable, Codable, CaseIterable, CustomStringConvertible {
    /// The level, 1 to 5.
    public let level: Int

    /// The severity with that level; `nil` outside 1...5.
    public init?(_ level: Int) {
        guard (1...5).contains(level) else { return nil }
        self.level = level
    }

    private init(checked level: Int) {
        self.level = level
    }

    /// Severity 1, the most severe.
    public static let one = Severity(checked: 1)
    /// Severity 2.
    public static let two = Severity(checked: 2)
    /// Severity 3.
    public static let three = Severity(checked: 3)
    /// Severity 4.
    public static let four = Severity(checked: 4)
    /// Severity 5, the least severe.
    public static let five = Severity(checked: 5)

    /// All severities, most severe first.
    public static let allCases: [Severity] = [.one, .two, .three, .four, .five]

    /// `severity N`.
    public var description: String { "severity \(level)" }

    /// Orders by level: severity 1 sorts first.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.level < rhs.level }

    /// Decodes an integer 1...5.
    public init(from decoder: any Decoder) throws {
        let level = try decoder.singleValueContainer().decode(Int.self)
        guard let severity = Severity(level) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "Severity must be 1 to 5 (got \(level))."))
        }
        self = severity
    }

    /// Encodes the level as an integer.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(level)
    }
}
