import Foundation

/// An e-mail address, checked for a plausible shape, compared in lower case and shown as given.
///
/// The check is deliberately modest, since the only real proof that an address works is a message that
/// arrives: one `@`, at most 254 characters, a local part of at most 64 without spaces or markup
/// (`<>()[]\,;:"`), and a domain of two or more labels, each letters, digits and inner hyphens. Refused too:
/// domains written as an address (`[192.0.2.1]`, `192.0.2.1`), and labels that mix writing systems or are
/// written wholly in letters that look Latin (Cyrillic `аррӏе`), which would pass for another domain.
public struct EmailAddress: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The normalised address (lower case): what addresses are compared and looked up by.
    public let value: String
    /// The address as the person wrote it (trimmed), for showing it back.
    public let display: String

    /// Validates and normalises an address; `nil` when it does not look like one.
    public init?(_ text: String) {
        // Printable ASCII without spaces is nearly every address: it needs no trimming, and lengths in
        // characters are lengths in bytes, so the checks run on bytes (addresses are read back on every
        // incident of every list, where the general path showed up in profiles).
        let ascii = text.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
        let given = ascii ? text : text.trimmingCharacters(in: .whitespacesAndNewlines)
        let trimmed =
            ascii ? (text.utf8.contains { (0x41...0x5A).contains($0) } ? text.lowercased() : text) : given.lowercased()
        guard ascii || !trimmed.contains(where: \.isWhitespace) else { return nil }
        func length(_ part: Substring) -> Int { ascii ? part.utf8.count : part.count }
        guard length(trimmed[...]) <= 254 else { return nil }
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, length(parts[0]) <= 64,
            !parts[0].unicodeScalars.contains(where: { "<>()[]\\,;:\"".unicodeScalars.contains($0) || $0.value < 0x20 })
        else { return nil }
        let domainLabels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard domainLabels.count >= 2, domainLabels.allSatisfy(Self.isHostLabel),
            !domainLabels.last!.allSatisfy(\.isNumber)
        else { return nil }
        self.value = trimmed
        self.display = given
    }

    public var description: String { value }

    /// Two addresses are the same whatever their case.
    public static func == (left: EmailAddress, right: EmailAddress) -> Bool { left.value == right.value }

    public func hash(into hasher: inout Hasher) { hasher.combine(value) }

    /// Letters, digits and hyphens, not at either end, at most 63, and in one writing system that does not
    /// merely imitate Latin letters.
    private static func isHostLabel(_ label: Substring) -> Bool {
        guard !label.isEmpty, label.utf8.count <= 63, label.first != "-", label.last != "-" else { return false }
        if label.utf8.allSatisfy({ $0 < 0x80 }) {
            return label.utf8.allSatisfy {
                (0x61...0x7A).contains($0) || (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D
            }
        }
        var scripts: Set<Script> = []
        var imitatesLatin = true
        for scalar in label.unicodeScalars {
            if scalar == "-" || (0x30...0x39).contains(scalar.value) { continue }
            guard scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark else {
                return false
            }
            scripts.insert(Script(scalar))
            if !latinLookalikes.contains(scalar.value) { imitatesLatin = false }
        }
        scripts.remove(.marks)
        guard scripts.count <= 1 else { return false }
        return scripts.first == .latin || scripts.isEmpty || !imitatesLatin
    }

    /// The writing systems look-alike domains mix, told apart by their blocks.
    private enum Script: Hashable {
        case latin, greek, cyrillic, armenian, marks, other

        init(_ scalar: Unicode.Scalar) {
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
                self = .latin
            case 0x300...0x36F: self = .marks
            case 0x370...0x3FF, 0x1F00...0x1FFF: self = .greek
            case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: self = .cyrillic
            case 0x530...0x58F: self = .armenian
            default: self = .other
            }
        }
    }

    /// Greek, Cyrillic and Armenian letters that look like Latin ones (a label made only of them imitates a
    /// Latin name).
    private static let latinLookalikes: Set<UInt32> = [
        0x430, 0x435, 0x43E, 0x440, 0x441, 0x443, 0x445, 0x456, 0x458, 0x4CF, 0x455, 0x501, 0x51B, 0x51D, 0x410,
        0x412, 0x415, 0x41A, 0x41C, 0x41D, 0x41E, 0x420, 0x421, 0x422, 0x425, 0x406, 0x408, 0x405, 0x3BF, 0x3B1,
        0x3BD, 0x3C1, 0x3C4, 0x3C5, 0x391, 0x392, 0x395, 0x396, 0x397, 0x399, 0x39A, 0x39C, 0x39D, 0x39F, 0x3A1,
        0x3A4, 0x3A5, 0x3A7, 0x585, 0x570, 0x578, 0x57D, 0x581,
    ]

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
        try container.encode(display)
    }
}
