/// An IPv4 or IPv6 address held as numbers, so ranges can be compared without going through text again.
///
/// Parsing accepts only the canonical spellings: IPv4 as four dotted decimal parts from 0 to 255 without
/// leading zeros, IPv6 as RFC 4291 text (with `::` and an optional dotted IPv4 tail, without a zone). The
/// looser spellings that resolvers also accept (`127.1`, `0x7f.0.0.1`, `2130706433`) are not addresses here;
/// the webhook target policy refuses them as hosts.
///
/// ```swift
/// IPAddress("192.168.0.1")  // .v4(0xC0A8_0001)
/// IPAddress("::ffff:127.0.0.1")?.description  // "::ffff:127.0.0.1"
/// IPAddress("127.1")  // nil
/// ```
public enum IPAddress: Sendable, Hashable, CustomStringConvertible {
    /// An IPv4 address, most significant byte first (`127.0.0.1` is `0x7F00_0001`).
    case v4(UInt32)
    /// An IPv6 address as two 64-bit halves, most significant first.
    case v6(high: UInt64, low: UInt64)

    /// Reads an address in its canonical text form, or returns `nil`.
    public init?(_ text: some StringProtocol) {
        let text = Substring(text)
        if text.contains(":") {
            guard let (high, low) = Self.parseIPv6(text) else { return nil }
            self = .v6(high: high, low: low)
        } else {
            guard let value = Self.parseIPv4(text) else { return nil }
            self = .v4(value)
        }
    }

    /// Makes an address from its 4 or 16 bytes in network order, or returns `nil` for any other length.
    public init?(bytes: some Collection<UInt8>) {
        switch bytes.count {
        case 4:
            self = .v4(bytes.reduce(0) { $0 << 8 | UInt32($1) })
        case 16:
            let high = bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            let low = bytes.dropFirst(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            self = .v6(high: high, low: low)
        default:
            return nil
        }
    }

    /// The address's bytes in network order: 4 for IPv4, 16 for IPv6.
    public var bytes: [UInt8] {
        switch self {
        case .v4(let value):
            return (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) }
        case .v6(let high, let low):
            return (0..<8).map { UInt8(truncatingIfNeeded: high >> (56 - 8 * $0)) }
                + (0..<8).map { UInt8(truncatingIfNeeded: low >> (56 - 8 * $0)) }
        }
    }

    /// The IPv4 address carried in an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`), which the operating
    /// system connects to over IPv4.
    public var ipv4Mapped: UInt32? {
        guard case .v6(let high, let low) = self, high == 0, low >> 32 == 0xFFFF else { return nil }
        return UInt32(truncatingIfNeeded: low)
    }

    /// The canonical text: dotted decimal for IPv4, RFC 5952 for IPv6 (lower case, the longest run of zero
    /// groups shortened to `::`, IPv4-mapped addresses with a dotted tail).
    public var description: String {
        switch self {
        case .v4(let value):
            return Self.dottedDecimal(value)
        case .v6(let high, let low):
            if let mapped = ipv4Mapped {
                return "::ffff:" + Self.dottedDecimal(mapped)
            }
            let groups =
                (0..<4).map { UInt16(truncatingIfNeeded: high >> (48 - 16 * $0)) }
                + (0..<4).map { UInt16(truncatingIfNeeded: low >> (48 - 16 * $0)) }
            return Self.compressedText(groups)
        }
    }

    var bitWidth: Int {
        switch self {
        case .v4: 32
        case .v6: 128
        }
    }

    /// The address with every bit after the first `length` bits cleared.
    func masked(to length: Int) -> IPAddress {
        switch self {
        case .v4(let value):
            return .v4(length == 0 ? 0 : value & ~(UInt32.max >> length))
        case .v6(let high, let low):
            let highMask: UInt64 = length >= 64 ? .max : (length == 0 ? 0 : ~(UInt64.max >> length))
            let lowMask: UInt64 = length <= 64 ? 0 : (length == 128 ? .max : ~(UInt64.max >> (length - 64)))
            return .v6(high: high & highMask, low: low & lowMask)
        }
    }

    private static func dottedDecimal(_ value: UInt32) -> String {
        (0..<4).map { String((value >> (24 - 8 * UInt32($0))) & 0xFF) }.joined(separator: ".")
    }

    /// RFC 5952 section 4.2: shorten the longest run of two or more zero groups (the first one on a tie).
    private static func compressedText(_ groups: [UInt16]) -> String {
        var bestStart = -1
        var bestLength = 1
        var index = 0
        while index < groups.count {
            guard groups[index] == 0 else {
                index += 1
                continue
            }
            let start = index
            while index < groups.count, groups[index] == 0 { index += 1 }
            if index - start > bestLength {
                bestStart = start
                bestLength = index - start
            }
        }
        let hex = groups.map { String($0, radix: 16) }
        guard bestStart >= 0 else { return hex.joined(separator: ":") }
        let head = hex[..<bestStart].joined(separator: ":")
        let tail = hex[(bestStart + bestLength)...].joined(separator: ":")
        return head + "::" + tail
    }

    static func parseIPv4(_ text: Substring) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }),
                part == "0" || part.first != "0", let byte = UInt8(part)
            else { return nil }
            value = value << 8 | UInt32(byte)
        }
        return value
    }

    private static func parseIPv6(_ text: Substring) -> (UInt64, UInt64)? {
        let elided = text.ranges(of: "::")
        let groups: [UInt16]
        switch elided.count {
        case 0:
            guard let all = hexGroups(text, allowsIPv4Tail: true), all.count == 8 else { return nil }
            groups = all
        case 1:
            let range = elided[0]
            guard let head = hexGroups(text[..<range.lowerBound], allowsIPv4Tail: false),
                let tail = hexGroups(text[range.upperBound...], allowsIPv4Tail: true),
                head.count + tail.count <= 7
            else { return nil }
            groups = head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        default:
            return nil
        }
        let high = groups[..<4].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        let low = groups[4...].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        return (high, low)
    }

    /// Colon-separated groups of one to four hex digits; the last may be a dotted IPv4 address (two groups).
    private static func hexGroups(_ text: Substring, allowsIPv4Tail: Bool) -> [UInt16]? {
        guard !text.isEmpty else { return [] }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        var groups: [UInt16] = []
        for (index, part) in parts.enumerated() {
            if allowsIPv4Tail, index == parts.count - 1, part.contains(".") {
                guard let ipv4 = parseIPv4(part) else { return nil }
                groups += [UInt16(ipv4 >> 16), UInt16(truncatingIfNeeded: ipv4)]
            } else {
                guard (1...4).contains(part.count), part.allSatisfy(\.isHexDigit), part.allSatisfy(\.isASCII),
                    let group = UInt16(part, radix: 16)
                else { return nil }
                groups.append(group)
            }
        }
        return groups
    }
}
