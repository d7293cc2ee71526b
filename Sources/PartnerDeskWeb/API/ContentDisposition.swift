/// `Content-Disposition` for a download (RFC 6266): an ASCII `filename` for old clients, and `filename*` with
/// the name in UTF-8 (RFC 8187) whenever the name is not plain ASCII, so "Écran d’accueil.png" arrives as
/// written. Quotes, backslashes and control characters never reach the header.
enum ContentDisposition {
    static func attachment(fileName: String) -> String {
        let fallback = String(
            fileName.unicodeScalars.map { scalar -> Character in
                (0x20...0x7E).contains(scalar.value) && scalar != "\"" && scalar != "\\" ? Character(scalar) : "_"
            })
        var value = "attachment; filename=\"\(fallback)\""
        if fallback != fileName {
            let encoded = fileName.utf8.map { byte -> String in
                let unreserved =
                    "!#$&+-.^_`|~".utf8.contains(byte) || (0x30...0x39).contains(byte)
                    || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                return unreserved
                    ? String(UnicodeScalar(byte)) : "%" + String(byte, radix: 16, uppercase: true).leftPadded
            }
            value += "; filename*=UTF-8''" + encoded.joined()
        }
        return value
    }
}

extension String {
    /// Two hex digits.
    fileprivate var leftPadded: String { count == 1 ? "0" + self : self }
}
