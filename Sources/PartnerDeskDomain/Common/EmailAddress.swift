import Foundation

/// An e-mail address, checked for a plausible shape and stored in lower case.
///
/// The check is deliberately modest (one `@`, a dotted domain, no spaces, at most 254 characters):
/// the only real proof that an address works is a message that arrives.
public struct EmailAddress: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The normalised address.
    public let value: String

    /// Validates and normalises an address; `nil` when it does not look like one.
    public init?(_ text: String) {
        // Printable ASCII without spaces is nearly every address: it needs no trimming, and lengths in
        // characters are lengths in bytes, so the checks run on bytes (addresses are read back on every
        // incident of every list, where the general path showed up in profiles).
        let ascii = text.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
        let trimmed =
            ascii
            ? (text.utf8.contains { (0x41...0x5A).contains($0) } ? text.lowercased() : text)
            : text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard ascii || !trimmed.contains(where: \.isWhitespace) else { return nil }
        func length(_ part: Substring) -> Int { ascii ? part.utf8.count : part.count }
        guard length(trimmed[...]) <= 254 else { return nil }
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, length(parts[0]) <= 64 else { return nil }
        let domainLabels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard domainLabels.count >= 2, domainLabels.allSatisfy({ !$0.isEmpty }) else { return nil }
        self.value = trimmed
    }

    public var description: String { value }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let address = EmailAddress(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "Not an e-mail address.")
            )
        }
        self = address
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
