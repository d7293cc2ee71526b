/// Masks secrets and other people's personal data pasted into free text, so that they are never stored:
/// private keys, JSON Web Tokens, cloud and service access keys, labelled secrets and passwords, bearer tokens,
/// and third parties' e-mail addresses, UK telephone numbers, postcodes and National Insurance numbers.
///
/// Each is replaced by a visible marker ("[private key removed]"); a labelled secret keeps its label
/// ("client_secret=[secret removed]"). Unlike patient-identifiable data, which ``PatientDataGuard`` refuses,
/// masked text still goes through: the sender is told what was masked and where, and the change is audited.
/// Run the guard first: a CHI number that starts with 0 looks like a telephone number, and must be refused,
/// not masked.
///
/// ```swift
/// let masked = SensitiveTextMasker().mask("Call her on 07700 900123", field: "description")
/// // masked.text == "Call her on [phone number removed]"; masked.maskings == [.init(field: "description", kind: .phoneNumber, count: 1)]
/// ```
public struct SensitiveTextMasker: Sendable {
    /// E-mail addresses that may stay, compared case-insensitively: the user the incident is about, the sender.
    public var allowedEmailAddresses: Set<String>

    public init(allowedEmailAddresses: [String] = []) {
        self.allowedEmailAddresses = Set(allowedEmailAddresses.map { $0.lowercased() })
    }

    /// The text with everything sensitive replaced, and what was replaced.
    public func mask(_ text: String, field: String) -> MaskedText {
        // Patterns cost far more than a pass over the bytes, so each runs only where its data could begin
        // (an "@", "-----BEGIN", a label word, a 0 that starts a word, …), anchored there.
        let bytes = Array(text.utf8)
        let lowercased = bytes.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
        var found: [(range: Range<Int>, kind: TextMasking.Kind, kept: Int)] = []
        for rule in Self.rules {
            for offset in rule.anchor.offsets(in: bytes, lowercased: lowercased)
            where !found.contains(where: { $0.range.contains(offset) }) {
                guard let (end, kept) = rule.match(text, bytes: bytes, at: offset) else { continue }
                if rule.kind == .emailAddress,
                    allowedEmailAddresses.contains(String(decoding: lowercased[offset..<end], as: UTF8.self))
                {
                    continue
                }
                if rule.kind == .phoneNumber, Self.isLabelledAsReference(lowercased[..<offset]) { continue }
                found.append((offset..<end, rule.kind, kept))
            }
        }
        guard !found.isEmpty else { return MaskedText(text: text, maskings: []) }
        found.sort { $0.range.lowerBound < $1.range.lowerBound }
        var masked: [UInt8] = []
        var position = 0
        var counts: [TextMasking.Kind: Int] = [:]
        for item in found {
            masked += bytes[position..<item.range.lowerBound + item.kept]
            masked += Array(item.kind.marker.utf8)
            position = item.range.upperBound
            counts[item.kind, default: 0] += 1
        }
        masked += bytes[position...]
        let maskings = TextMasking.Kind.allCases.compactMap { kind in
            counts[kind].map { TextMasking(field: field, kind: kind, count: $0) }
        }
        return MaskedText(text: String(decoding: masked, as: UTF8.self), maskings: maskings)
    }

    /// Whether the words just before a number say it is an order, invoice or other reference, not a telephone.
    private static func isLabelledAsReference(_ before: ArraySlice<UInt8>) -> Bool {
        let window = before.suffix(32)
        let mentioned = referenceWords.contains { word in
            window.count >= word.count
                && (window.startIndex...window.endIndex - word.count).contains {
                    window[$0..<$0 + word.count].elementsEqual(word)
                }
        }
        return mentioned && String(decoding: window, as: UTF8.self).wholeMatch(of: referenceLabel) != nil
    }

    private static let referenceWords = [
        "order", "invoice", "transaction", "booking", "ref", "ticket", "account", "tracking", "customer",
    ].map { Array($0.utf8) }

    /// A class, so that going through the rules for every field copies no regex.
    private final class Rule {
        let kind: TextMasking.Kind
        let anchor: Anchor
        /// The first capture, when there is one, is kept in front of the marker (the label of a secret); with
        /// no pattern, a UK telephone number is read byte by byte (a pattern took 25 µs a number).
        let pattern: Regex<AnyRegexOutput>?

        init<Output>(_ kind: TextMasking.Kind, at anchor: Anchor, _ pattern: Regex<Output>) {
            self.kind = kind
            self.anchor = anchor
            self.pattern = Regex<AnyRegexOutput>(pattern)
        }

        init(telephoneNumbersAt anchor: Anchor) {
            self.kind = .phoneNumber
            self.anchor = anchor
            self.pattern = nil
        }

        /// Where the data that begins at an offset ends, and how many of its first bytes stay.
        func match(_ text: String, bytes: [UInt8], at offset: Int) -> (end: Int, kept: Int)? {
            guard let pattern else { return Self.telephoneNumber(in: bytes, at: offset).map { ($0, 0) } }
            // A bounded slice: matching in the rest of a long text costs time in proportion to its length.
            var limit = kind == .privateKey ? bytes.count : min(bytes.count, offset + 512)
            while limit < bytes.count, bytes[limit] & 0xC0 == 0x80 { limit -= 1 }
            let start = text.utf8.index(text.startIndex, offsetBy: offset)
            let bound = text.utf8.index(text.startIndex, offsetBy: limit)
            guard let match = text[start..<bound].prefixMatch(of: pattern) else { return nil }
            let end = text.utf8.distance(from: text.startIndex, to: match.range.upperBound)
            return (end, match.output.count > 1 ? match.output[1].substring?.utf8.count ?? 0 : 0)
        }

        /// A UK number: +44 or 0044 (then perhaps "(0)"), or a 0; then a digit other than 0 and eight or nine
        /// more, each perhaps after one space or hyphen; no digit straight after it.
        static func telephoneNumber(in bytes: [UInt8], at offset: Int) -> Int? {
            func isDigit(_ index: Int) -> Bool { index < bytes.count && (0x30...0x39).contains(bytes[index]) }
            func skipping(_ text: String, at index: Int) -> Int {
                let expected = Array(text.utf8)
                let end = index + expected.count
                return end <= bytes.count && bytes[index..<end].elementsEqual(expected) ? end : index
            }
            func skippingSeparator(at index: Int) -> Int {
                index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x2D) ? index + 1 : index
            }
            var index = offset
            if bytes[index] == UInt8(ascii: "+") || skipping("0044", at: index) != index {
                let afterCode = max(skipping("+44", at: index), skipping("0044", at: index))
                guard afterCode != index else { return nil }
                index = skippingSeparator(at: afterCode)
                let afterTrunk = skipping("(0)", at: index)
                if afterTrunk != index { index = skippingSeparator(at: afterTrunk) }
            } else {
                index += 1
            }
            guard isDigit(index), bytes[index] != UInt8(ascii: "0") else { return nil }
            index += 1
            var digits = 0
            var end = index
            while digits < 10 {
                let next = skippingSeparator(at: index)
                guard isDigit(next) else { break }
                digits += 1
                index = next + 1
                end = index
            }
            guard (8...9).contains(digits), !isDigit(end) else { return nil }
            if end + 1 < bytes.count, ".,/-".utf8.contains(bytes[end]), isDigit(end + 1) { return nil }
            return end
        }
    }

    /// Where a rule's data can begin.
    private enum Anchor {
        /// Where one of these words (lower-case bytes) begins a word, in any case.
        case lowercaseWords([[UInt8]])
        /// Where one of these exact bytes begins a word.
        case exactPrefixes([[UInt8]])
        /// At the start of the local part before each "@".
        case emailAddress
        /// Where two capitals begin a word and a digit follows (AB 12 34 56 C).
        case twoCapitalsThenDigit
        /// Where a capital begins a word and, within eight characters, a digit is followed by two capitals
        /// (LS1 4AP).
        case postcodeShape
        /// Where "+44", "0044" or a 0 followed by another digit begins a number.
        case telephone

        static func words(_ words: [String]) -> Anchor { .lowercaseWords(words.map { Array($0.utf8) }) }

        static func prefixes(_ prefixes: [String]) -> Anchor { .exactPrefixes(prefixes.map { Array($0.utf8) }) }

        func offsets(in bytes: [UInt8], lowercased: [UInt8]) -> [Int] {
            let isWord = { (byte: UInt8) in
                (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte)
                    || byte == 0x5F || byte >= 0x80
            }
            let wordStart = { (offset: Int) in offset == 0 || !isWord(bytes[offset - 1]) }
            func starts(_ words: [[UInt8]], in source: [UInt8]) -> [Int] {
                (0..<source.count).filter { offset in
                    wordStart(offset)
                        && words.contains { word in
                            offset + word.count <= source.count && source[offset] == word[0]
                                && source[offset..<offset + word.count].elementsEqual(word)
                        }
                }
            }
            switch self {
            case .lowercaseWords(let words):
                return starts(words, in: lowercased)
            case .exactPrefixes(let prefixes):
                return starts(prefixes, in: bytes)
            case .emailAddress:
                return bytes.indices.filter { bytes[$0] == UInt8(ascii: "@") }.compactMap { at in
                    var start = at
                    while start > 0, Self.isLocalPart(bytes[start - 1]) { start -= 1 }
                    return start < at ? start : nil
                }
            case .twoCapitalsThenDigit:
                let isCapital = { (offset: Int) in offset < bytes.count && (0x41...0x5A).contains(bytes[offset]) }
                let isDigit = { (offset: Int) in offset < bytes.count && (0x30...0x39).contains(bytes[offset]) }
                let isSpace = { (offset: Int) in offset < bytes.count && bytes[offset] == 0x20 }
                return bytes.indices.filter { offset in
                    isCapital(offset) && wordStart(offset) && isCapital(offset + 1)
                        && (isDigit(offset + 2) || isSpace(offset + 2) && isDigit(offset + 3))
                }
            case .postcodeShape:
                return bytes.indices.filter { offset in
                    guard (0x41...0x5A).contains(bytes[offset]), wordStart(offset) else { return false }
                    let end = min(bytes.count - 2, offset + 8)
                    return end > offset + 1
                        && (offset + 1..<end).contains { index in
                            (0x30...0x39).contains(bytes[index]) && (0x41...0x5A).contains(bytes[index + 1])
                                && (0x41...0x5A).contains(bytes[index + 2])
                        }
                }
            case .telephone:
                return bytes.indices.filter { offset in
                    let next = offset + 1 < bytes.count ? bytes[offset + 1] : 0
                    switch bytes[offset] {
                    case UInt8(ascii: "+"): return next == UInt8(ascii: "4")
                    case UInt8(ascii: "0"):
                        let previous = offset > 0 ? bytes[offset - 1] : UInt8(ascii: " ")
                        return wordStart(offset) && !".,/-+:".utf8.contains(previous) && (0x30...0x39).contains(next)
                            && Self.digitsAhead(from: offset, in: bytes) >= 10
                    default: return false
                    }
                }
            }
        }

        /// How many digits follow from an offset, counting through spaces, hyphens and brackets.
        private static func digitsAhead(from offset: Int, in bytes: [UInt8]) -> Int {
            var digits = 0
            var index = offset
            while index < bytes.count, digits < 12 {
                let byte = bytes[index]
                if (0x30...0x39).contains(byte) {
                    digits += 1
                } else if !" -()".utf8.contains(byte) {
                    break
                }
                index += 1
            }
            return digits
        }

        private static func isLocalPart(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || "._%+-".utf8.contains(byte)
        }
    }

    // Regex is not marked Sendable, but matching never mutates it (see PatientDataGuard).
    nonisolated(unsafe) private static let rules: [Rule] = [
        Rule(
            .privateKey, at: .prefixes(["-----BEGIN"]),
            #/-----BEGIN[A-Z0-9 ]*PRIVATE KEY-----(?s:.*?)(?:-----END[A-Z0-9 ]*PRIVATE KEY-----|\z)/#),
        Rule(.jsonWebToken, at: .prefixes(["eyJ"]), #/eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/#),
        Rule(
            .accessKey, at: .prefixes(["AKIA", "ASIA", "ABIA", "ACCA", "AIza"]),
            #/(?:(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}|AIza[0-9A-Za-z_-]{35})\b/#),
        Rule(
            .accessKey, at: .prefixes(["gh", "github_pat_", "xox", "sk_", "rk_", "pdt_"]),
            #/(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,}|xox[abprs]-[A-Za-z0-9-]{10,}|[sr]k_(?:live|test)_[A-Za-z0-9]{16,}|pdt_[A-Za-z0-9_-]{20,})/#
        ),
        Rule(
            .secret,
            at: .words([
                "client", "secret", "aws_secret", "account", "password", "passwd", "pwd", "api", "access",
                "refresh", "id",
            ]),
            #/(?i)((?:client[_ -]?secret|secret(?:[_ -]?key)?|aws_secret_access_key|account[_ -]?key|password|passwd|pwd|api[_ -]?key|access[_ -]?token|refresh[_ -]?token|id[_ -]?token)["']?\s*[:=]\s*["']?)(?!\[)[^\s"',;]{6,}/#
        ),
        Rule(.secret, at: .words(["bearer"]), #/(?i)(bearer\s+)(?!\[)[A-Za-z0-9._~+\/-]{16,}=*/#),
        Rule(.emailAddress, at: .emailAddress, #/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/#),
        Rule(
            .nationalInsuranceNumber, at: .twoCapitalsThenDigit,
            #/(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D]\b/#),
        Rule(
            .postcode, at: .postcodeShape,
            #/(?:[A-PR-UWYZ][A-HK-Y]?[0-9][A-HJKPS-UW0-9]?|GIR) ?[0-9][ABD-HJLNP-UW-Z]{2}\b/#),
        Rule(telephoneNumbersAt: .telephone),
    ]

    nonisolated(unsafe) private static let referenceLabel: Regex<Substring> =
        #/
        (?isx) .* \b (?: order | invoice | transaction | booking | reference | ref | ticket | account | tracking
          | customer ) [\s._-]* (?: no\b\.? | number\b | id\b | \# )? [\s:\#=]*
        /#
}

/// Text after ``SensitiveTextMasker`` has replaced what must not be stored.
public struct MaskedText: Hashable, Sendable {
    public var text: String
    public var maskings: [TextMasking]
}

/// One kind of sensitive data masked in one field, without the data itself.
public struct TextMasking: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case privateKey = "private_key"
        case jsonWebToken = "json_web_token"
        case accessKey = "access_key"
        case secret
        case emailAddress = "email_address"
        case phoneNumber = "phone_number"
        case postcode
        case nationalInsuranceNumber = "national_insurance_number"

        /// What stands in the text where the data was.
        public var marker: String {
            "[\(name) removed]"
        }

        /// More than one, in words.
        public var pluralName: String {
            switch self {
            case .emailAddress: "e-mail addresses"
            case .phoneNumber: "phone numbers"
            case .nationalInsuranceNumber: "National Insurance numbers"
            default: name + "s"
            }
        }

        /// What it is, in words.
        public var name: String {
            switch self {
            case .privateKey: "private key"
            case .jsonWebToken: "token"
            case .accessKey: "access key"
            case .secret: "secret"
            case .emailAddress: "e-mail address"
            case .phoneNumber: "phone number"
            case .postcode: "postcode"
            case .nationalInsuranceNumber: "National Insurance number"
            }
        }
    }

    public var field: String
    public var kind: Kind
    public var count: Int

    public init(field: String, kind: Kind, count: Int) {
        self.field = field
        self.kind = kind
        self.count = count
    }

    /// A sentence for the sender, naming the field as `field` reads ("the description").
    public var message: String {
        let article = kind.name.first.map { "aeiou".contains($0) } == true ? "an" : "a"
        let what = count == 1 ? "\(article) \(kind.name)" : "\(count) \(kind.pluralName)"
        return "We removed \(what) from \(field) before saving it; it reads \(kind.marker) instead. "
            + "Never send secrets or other people's personal details."
    }
}
