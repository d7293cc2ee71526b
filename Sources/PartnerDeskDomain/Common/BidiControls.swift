/// Neutralises the Unicode controls that reorder text on screen (embeddings and overrides U+202A–U+202E,
/// isolates U+2066–U+2069), so text a person sent cannot make a page or an e-mail show something other than
/// what it holds ("Trojan Source"). Each is replaced by a visible marker naming it, such as "[U+202E]";
/// the stored text keeps them, so nothing a partner sent is lost.
public enum BidiControls {
    /// The text with every reordering control shown as its marker.
    public static func neutralised(_ text: String) -> String {
        guard let bytes = neutralised(Array(text.utf8)) else { return text }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The UTF-8 bytes with every reordering control shown as its marker, or `nil` when there is none (the
    /// usual case, which costs one pass and no copy).
    public static func neutralised<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> [UInt8]? {
        // U+202A–U+202E are E2 80 AA–AE in UTF-8, U+2066–U+2069 are E2 81 A6–A9.
        func control(at index: Bytes.Index) -> UInt32? {
            guard bytes[index] == 0xE2 else { return nil }
            let second = bytes.index(after: index)
            guard second != bytes.endIndex else { return nil }
            let third = bytes.index(after: second)
            guard third != bytes.endIndex else { return nil }
            switch (bytes[second], bytes[third]) {
            case (0x80, 0xAA...0xAE): return 0x2000 + UInt32(bytes[third] - 0x80)
            case (0x81, 0xA6...0xA9): return 0x2040 + UInt32(bytes[third] - 0x80)
            default: return nil
            }
        }
        guard bytes.indices.contains(where: { control(at: $0) != nil }) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            if let value = control(at: index) {
                output += Array("[U+\(String(value, radix: 16, uppercase: true))]".utf8)
                index = bytes.index(index, offsetBy: 3)
            } else {
                output.append(bytes[index])
                index = bytes.index(after: index)
            }
        }
        return output
    }
}
