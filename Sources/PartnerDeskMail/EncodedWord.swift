import Foundation

/// Header text in RFC 2047 encoded-words (`=?UTF-8?B?...?=`), for subjects that are not plain ASCII.
enum EncodedWord {
    /// UTF-8 bytes per encoded-word: a multiple of three, so the base64 needs no padding, and small enough
    /// that `Subject: ` and one word stay within the recommended 78 characters per header line.
    static let maximumBytesPerWord = 42

    /// The header value for the text: the text itself when it is printable ASCII that cannot be mistaken
    /// for an encoded-word and fits on one header line; otherwise encoded-words folded onto several lines.
    static func headerValue(_ text: String, headerName: String) -> String {
        let isPlain = text.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }
        if isPlain, !text.contains("=?"), headerName.utf8.count + 2 + text.utf8.count <= 998 {
            return text
        }
        return words(for: text).joined(separator: "\r\n ")
    }

    /// Splits the text on character boundaries into encoded-words of at most ``maximumBytesPerWord`` bytes.
    /// Line breaks and other control characters are encoded, never sent raw, so the text cannot add headers.
    static func words(for text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > maximumBytesPerWord {
                words.append(word(chunk))
                chunk.removeAll(keepingCapacity: true)
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty {
            words.append(word(chunk))
        }
        return words
    }

    private static func word(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?\(Data(bytes).base64EncodedString())?="
    }
}
