import Foundation

/// How many users an HSSI affects: a count, or an honest "unknown".
///
/// Early in an HSSI nobody may know the number, and a guess dressed as a figure misleads, so "unknown" is an
/// answer of its own rather than a missing value: leaving the field out is refused, saying "unknown" is not.
/// Encoded as a JSON number, or as the string `"unknown"`.
public enum HSSIUsersAffected: Hashable, Sendable, Codable, CustomStringConvertible {
    /// This many users (0 or more).
    case count(Int)
    /// Not known yet.
    case unknown

    /// Reads `unknown` (any case) or a whole number of 0 or more; `nil` for anything else.
    public init?(text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "unknown" {
            self = .unknown
        } else if let number = Int(trimmed), number >= 0 {
            self = .count(number)
        } else {
            return nil
        }
    }

    /// The count, or `unknown`.
    public var description: String {
        switch self {
        case .count(let number): String(number)
        case .unknown: "unknown"
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self), number >= 0 {
            self = .count(number)
        } else if let text = try? container.decode(String.self), text == "unknown" {
            self = .unknown
        } else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath, debugDescription: "Expected a count of 0 or more, or \"unknown\".")
            )
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .count(let number): try container.encode(number)
        case .unknown: try container.encode("unknown")
        }
    }
}
