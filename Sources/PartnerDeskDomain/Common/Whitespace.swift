extension String {
    /// The text without the white space and line breaks around it: Foundation's `whitespacesAndNewlines`
    /// (the characters Unicode marks `White_Space`, and the zero-width space). Foundation's own trimming
    /// goes through `NSString`, which showed in profiles of every incident raised.
    var trimmingWhitespace: String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace || scalar == "\u{200B}" }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
