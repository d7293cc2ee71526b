/// The loose numeric host spellings that C resolvers (`inet_aton`) and browsers (the WHATWG URL standard)
/// read as IPv4 addresses: one to four parts, each decimal, octal (leading `0`) or hexadecimal (`0x`), the
/// last part filling the remaining bytes. `2130706433`, `0x7f.1`, `017700000001` and `127.1` all mean
/// 127.0.0.1.
///
/// The policy refuses every host whose last label is numeric unless it is a canonical dotted-decimal
/// address, so such spellings cannot hide a refused address; this type only says which address they mean,
/// for the refusal message.
enum NumericHostSpelling {
    /// Whether the host's last label is a number (decimal, or hexadecimal with `0x`), which makes resolvers
    /// and browsers treat the whole host as an IPv4 address rather than a name.
    static func looksNumeric(_ host: Substring) -> Bool {
        guard let last = host.split(separator: ".", omittingEmptySubsequences: false).last, !last.isEmpty
        else { return false }
        if last.allSatisfy(isASCIIDigit) { return true }
        let lowered = last.lowercased()
        return lowered.hasPrefix("0x") && lowered.dropFirst(2).allSatisfy { $0.isASCII && $0.isHexDigit }
    }

    /// The address a numeric spelling stands for, or `nil` when resolvers would not read it as one.
    static func address(of host: Substring) -> IPAddress? {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...4).contains(parts.count) else { return nil }
        var values: [UInt64] = []
        for part in parts {
            guard let value = number(part) else { return nil }
            values.append(value)
        }
        var result: UInt64 = 0
        for value in values.dropLast() {
            guard value <= 0xFF else { return nil }
            result = result << 8 | value
        }
        let remainingBits = 8 * (5 - values.count)
        guard let last = values.last, last < (UInt64(1) << remainingBits) else { return nil }
        result = result << remainingBits | last
        return .v4(UInt32(truncatingIfNeeded: result))
    }

    private static func number(_ part: Substring) -> UInt64? {
        let lowered = part.lowercased()
        guard !lowered.isEmpty, lowered.count <= 34 else { return nil }
        if lowered.hasPrefix("0x") {
            let digits = lowered.dropFirst(2)
            return digits.isEmpty ? 0 : UInt64(digits, radix: 16)
        }
        guard lowered.allSatisfy(isASCIIDigit) else { return nil }
        if lowered.count > 1, lowered.hasPrefix("0") {
            return UInt64(lowered.dropFirst(), radix: 8)
        }
        return UInt64(lowered, radix: 10)
    }

    private static func isASCIIDigit(_ character: Character) -> Bool {
        character.isASCII && character.isWholeNumber
    }
}
