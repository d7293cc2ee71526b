/// Host names as the policy compares them: lower case, without the trailing dot that makes a name absolute,
/// and only in the letters, digits, hyphens and underscores that DNS names use.
enum WebhookHostName {
    /// The name with ASCII letters in lower case and without one trailing dot. Only ASCII is folded, so a
    /// look-alike such as the Kelvin sign stays what it is and fails ``validated(_:)``.
    static func normalised(_ name: some StringProtocol) -> String {
        var bytes = name.utf8.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 | 0x20 : $0 }
        if bytes.last == UInt8(ascii: ".") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The normalised name, or `nil` when it is empty, longer than 253 characters, has an empty label or a
    /// label longer than 63 characters, or holds anything but ASCII letters, digits, `-` and `_`.
    static func validated(_ name: some StringProtocol) -> String? {
        let normalised = normalised(name)
        guard !normalised.isEmpty, normalised.utf8.count <= 253 else { return nil }
        let labels = normalised.split(separator: ".", omittingEmptySubsequences: false)
        let valid = labels.allSatisfy { label in
            (1...63).contains(label.utf8.count)
                && label.utf8.allSatisfy { byte in
                    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                        || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                }
        }
        return valid ? normalised : nil
    }
}
