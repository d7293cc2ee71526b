/// The service extensions a server announced in its reply to EHLO (RFC 5321 section 4.1.1.1).
struct SMTPCapabilities: Sendable, Hashable {
    /// Extension keywords, upper-cased, without parameters: `STARTTLS`, `SMTPUTF8`, `AUTH`, ...
    var keywords: Set<String>
    /// The SASL mechanisms listed after `AUTH` (or the older `AUTH=`), upper-cased.
    var authMechanisms: Set<String>

    /// No extensions at all: what a server that only understands HELO offers.
    static let none = SMTPCapabilities(keywords: [], authMechanisms: [])

    init(keywords: Set<String>, authMechanisms: Set<String>) {
        self.keywords = keywords
        self.authMechanisms = authMechanisms
    }

    /// Reads the capabilities from a positive EHLO reply; the first line is the server's greeting.
    init(ehloReply reply: SMTPReply) {
        var keywords: Set<String> = []
        var mechanisms: Set<String> = []
        for line in reply.lines.dropFirst() {
            let words = line.split(separator: " ").map { $0.uppercased() }
            guard let first = words.first else { continue }
            if first == "AUTH" {
                keywords.insert("AUTH")
                mechanisms.formUnion(words.dropFirst())
            } else if first.hasPrefix("AUTH=") {
                // Announced by some older servers next to (or instead of) the standard form.
                keywords.insert("AUTH")
                mechanisms.insert(String(first.dropFirst("AUTH=".count)))
                mechanisms.formUnion(words.dropFirst())
            } else {
                keywords.insert(first)
            }
        }
        self.init(keywords: keywords, authMechanisms: mechanisms)
    }

    /// Whether the server offers to upgrade the connection to TLS (RFC 3207).
    var supportsSTARTTLS: Bool { keywords.contains("STARTTLS") }
    /// Whether the server takes UTF-8 addresses and headers (RFC 6531).
    var supportsSMTPUTF8: Bool { keywords.contains("SMTPUTF8") }
}
