import Foundation

/// A partner's short code: 2 to 16 capital letters, digits or hyphens, starting with a letter.
///
/// Codes appear in listings, on the command line and in API tokens' descriptions, so they are kept short
/// and unambiguous. Input is upper-cased before it is checked.
public struct PartnerCode: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    /// The normalised code.
    public let value: String

    /// Normalises and checks a code; `nil` when it breaks the rule.
    public init?(_ text: String) {
        let upper = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard (2...16).contains(upper.count), let first = upper.unicodeScalars.first,
            ("A"..."Z").contains(first),
            upper.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
        else { return nil }
        self.value = upper
    }

    public var description: String { value }

    public static func < (lhs: PartnerCode, rhs: PartnerCode) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = PartnerCode(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "Not a partner code.")
            )
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
