/// Text seen as Unicode scalars, with each scalar classified and the text cut into digit groups for the
/// patient-number search.
///
/// Scalars rather than characters: a zero-width joiner or a combining mark would otherwise fuse with the
/// digit before it into one character and hide it.
struct ScalarScan {
    enum Class: Equatable {
        case digit(Int)
        /// A letter people type for a digit: O for 0, I or l for 1. It counts as the digit only inside a word
        /// of digits ("4O1 O23 2l37"), never on its own or in an ordinary word.
        case lookalike(Int)
        case letter
        /// Characters people put between groups of digits: spaces, line breaks, commas, hyphens and dashes,
        /// dots, slashes.
        case separator
        /// Characters nobody sees: zero-width spaces and joiners, soft hyphens, direction marks, combining
        /// marks and other format characters.
        case invisible
        case other
    }

    let scalars: [Unicode.Scalar]
    let classes: [Class]
    /// For each scalar, the 1-based position of the character it belongs to.
    private let characterPositions: [Int]

    init(_ text: String) {
        var scalars: [Unicode.Scalar] = []
        var positions: [Int] = []
        var position = 0
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // Most text is ASCII, where every scalar is a character of its own except the line feed of a
            // CR LF pair: counting them so skips splitting the text into grapheme clusters.
            scalars.reserveCapacity(text.utf8.count)
            positions.reserveCapacity(text.utf8.count)
            var previous: UInt8 = 0
            for byte in text.utf8 {
                if byte != 0x0A || previous != 0x0D { position += 1 }
                scalars.append(Unicode.Scalar(byte))
                positions.append(position)
                previous = byte
            }
        } else {
            for character in text {
                position += 1
                for scalar in character.unicodeScalars {
                    scalars.append(scalar)
                    positions.append(position)
                }
            }
        }
        self.scalars = scalars
        self.characterPositions = positions
        self.classes = scalars.map(Self.classify)
    }

    static func classify(_ scalar: Unicode.Scalar) -> Class {
        guard scalar.isASCII else { return classifyByProperties(scalar) }
        // The answers of `classifyByProperties`, without looking up Unicode properties.
        switch scalar.value {
        case 0x30...0x39: return .digit(Int(scalar.value - 0x30))
        case 0x4F, 0x6F: return .lookalike(0)
        case 0x49, 0x6C, 0x7C: return .lookalike(1)
        case 0x41...0x5A, 0x61...0x7A: return .letter
        case 0x09...0x0D, 0x20, 0x2C, 0x2D, 0x2E, 0x2F: return .separator
        default: return .other
        }
    }

    static func classifyByProperties(_ scalar: Unicode.Scalar) -> Class {
        let properties = scalar.properties
        if properties.numericType == .decimal, let value = properties.numericValue {
            return .digit(Int(value))
        }
        switch scalar.value {
        // O and o, Greek omicrons, Cyrillic O and o; I, l, |, Latin dental click, Greek iota, Cyrillic
        // Byelorussian-Ukrainian I and palochka.
        case 0x4F, 0x6F, 0x39F, 0x3BF, 0x41E, 0x43E: return .lookalike(0)
        case 0x49, 0x6C, 0x7C, 0x1C0, 0x399, 0x406, 0x4C0, 0x4CF: return .lookalike(1)
        case 0x09...0x0D, 0x85, 0x2028, 0x2029: return .separator
        case 0x2C, 0x2D, 0x2E, 0x2F, 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D, 0xFF0E, 0xFF0F, 0x2044, 0x2215,
            0x30FB,
            0xB7:
            return .separator
        default:
            break
        }
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark, .format: return .invisible
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return .letter
        default: return properties.isWhitespace ? .separator : .other
        }
    }

    /// The text cut into digit groups, separators and breaks. A word (letters, digits and invisible
    /// characters) gives a digit group when it holds digits and look-alike letters only, when it is a
    /// number written in English ("four", "forty", "double"), or when a patient-number label is glued to
    /// the digits ("NHS4010232137"); any other word, such as an API key or a hash, breaks the chain.
    func tokens() -> [Token] {
        var tokens: [Token] = []
        var index = 0
        while index < classes.count {
            switch classes[index] {
            case .separator:
                tokens.append(.separator)
                index += 1
            case .other:
                tokens.append(.breaker)
                index += 1
            case .digit, .lookalike, .letter, .invisible:
                var end = index
                while end + 1 < classes.count, classes[end + 1].isWordPart { end += 1 }
                if let word = word(from: index, to: end) { tokens.append(word) }
                index = end + 1
            }
        }
        return NumberWords.combine(tokens)
    }

    /// The token for a word, or `nil` for one made only of invisible characters, which changes nothing.
    private func word(from start: Int, to end: Int) -> Token? {
        var letters = 0
        var lookalikes = 0
        var firstDigit: Int?
        var lastDigit = start
        var lookalikesAfterFirstDigit = false
        for index in start...end {
            switch classes[index] {
            case .digit:
                if firstDigit == nil { firstDigit = index }
                lastDigit = index
            case .lookalike:
                lookalikes += 1
                if firstDigit != nil { lookalikesAfterFirstDigit = true }
            case .letter:
                letters += 1
            case .separator, .other, .invisible:
                continue
            }
        }
        if letters == 0 {
            if lookalikes == 0, firstDigit == nil { return nil }
            // Digits and look-alike letters only: the letters stand for digits. Without a digit ("O", "Il") they
            // do so only beside digits: a run of such words alone is no number.
            let digitIndices = (start...end).filter { classes[$0].digitValue != nil }
            let digits = digitIndices.compactMap { classes[$0].digitValue }
            let group = DigitGroup(
                digits: digits, start: digitIndices[0], end: digitIndices[digitIndices.count - 1],
                isLookalikesOnly: firstDigit == nil)
            return .group(group)
        }
        guard let firstDigit else { return NumberWords.token(for: scalars[start...end], start: start, end: end) }
        // Letters and digits: a code, a key or a hash, unless a label is glued to the front of the digits.
        guard !lookalikesAfterFirstDigit, isGluedLabel(from: start, to: firstDigit),
            (firstDigit...end).allSatisfy({ classes[$0] != .letter })
        else { return .breaker }
        let digits = (firstDigit...lastDigit).compactMap { classes[$0].digitValue }
        return .group(DigitGroup(digits: digits, start: firstDigit, end: lastDigit))
    }

    /// Whether the letters before a word's first digit are a patient-number label ("NHS", "CHI", "no").
    private func isGluedLabel(from start: Int, to digit: Int) -> Bool {
        WordKey(scalars[start..<digit]).map(Self.gluedLabels.contains) == true
    }

    private static let gluedLabels = Set(["nhs", "nhsno", "no", "chi", "chino", "hc", "hcn"].map(WordKey.init))

    /// Finds runs of digit groups that could be one number written with separators: groups joined by at
    /// most three separators, with anything else (a word, a colon, a comma) ending the run.
    func chains() -> [[DigitGroup]] {
        var chains: [[DigitGroup]] = []
        var current: [DigitGroup] = []
        var separatorsSinceGroup = 0
        func close() {
            if current.contains(where: { !$0.isLookalikesOnly }) { chains.append(current) }
            current = []
        }
        for token in tokens() {
            switch token {
            case .group(let group):
                if separatorsSinceGroup > 3 { close() }
                current.append(group)
                separatorsSinceGroup = 0
            case .separator:
                separatorsSinceGroup += 1
            case .breaker, .repeated:
                close()
                separatorsSinceGroup = 0
            }
        }
        close()
        return chains
    }

    /// The visible separator scalars between two groups of one chain.
    func gap(between first: DigitGroup, and second: DigitGroup) -> [String] {
        (first.end + 1..<second.start).filter { classes[$0] == .separator }.map { String(scalars[$0]) }
    }

    /// Whether the scalars just before a position, skipping spaces, read "(0)": the trunk prefix of a UK
    /// telephone number written in international form.
    func followsTrunkPrefix(_ start: Int) -> Bool {
        var index = start - 1
        while index >= 0, scalars[index] == " " { index -= 1 }
        return index >= 2 && scalars[index] == ")" && scalars[index - 1] == "0" && scalars[index - 2] == "("
    }

    /// The scalar just before a position, if any.
    func scalar(before position: Int) -> Unicode.Scalar? {
        position > 0 ? scalars[position - 1] : nil
    }

    /// Whether the words just before a scalar label what follows as a patient number ("NHS no:", "CHI",
    /// "H&C number", …).
    func isLabelledAsPatientNumber(before start: Int) -> Bool {
        label(Self.patientNumberLabel, startingWith: Self.patientNumberWords, endsAt: start, within: 40)
    }

    /// Whether the words just before a scalar say what follows is a time or an order, invoice or payment
    /// reference ("timestamp=", "\"iat\": ", "Order no "), which are not patient numbers.
    func isLabelledAsOtherNumber(before start: Int) -> Bool {
        label(Self.otherNumberLabel, startingWith: Self.otherNumberWords, endsAt: start, within: 32)
    }

    /// Whether a label ends just before a position: its pattern matches everything from one of its first
    /// words, within `within` scalars, up to the position. The pattern runs only where such a word starts
    /// (in any case), since it costs far more than comparing bytes.
    private func label(
        _ pattern: Regex<Substring>, startingWith words: [[UInt8]], endsAt end: Int, within: Int
    ) -> Bool {
        let range = max(0, end - within)..<end
        let bytes = scalars[range].map { scalar -> UInt8 in
            guard scalar.isASCII else { return 0xFF }
            let byte = UInt8(scalar.value)
            return (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
        }
        let starts = bytes.indices.filter { offset in
            (offset == 0 || !(0x61...0x7A).contains(bytes[offset - 1]))
                && words.contains { word in
                    offset + word.count <= bytes.count && bytes[offset..<offset + word.count].elementsEqual(word)
                }
        }
        return starts.contains { offset in
            let window = String(String.UnicodeScalarView(scalars[range.lowerBound + offset..<end]))
            return window.wholeMatch(of: pattern) != nil
        }
    }

    private static let otherNumberWords = [
        "time", "ts", "epoch", "unix", "iat", "exp", "nbf", "created", "updated", "modified", "issued", "sent",
        "received", "order", "invoice", "transaction", "txn", "booking", "confirmation", "tracking", "receipt",
        "payment",
    ].map { Array($0.utf8) }
    private static let patientNumberWords = ["nhs", "chi", "h", "health"].map { Array($0.utf8) }

    // Built once (see PatientDataGuard): compiling a regex per call dominated request time.
    nonisolated(unsafe) private static let otherNumberLabel: Regex<Substring> =
        #/
        (?isx)
        (?: time (?:stamp)? | ts | epoch | unix (?:\s+time)? | iat | exp | nbf | auth_time
          | (?:created|updated|modified|issued|expires|expiry|sent|received) (?:[_\s-]?(?:at|on))?
          | order | invoice | transaction | txn | booking | confirmation | tracking | receipt | payment )
        \b (?: [\s._-]* (?: no\b\.? | number\b | id\b | ref\b | \# ) )? ["']? \s* [:=\#]? \s* ["']? \s*
        /#

    nonisolated(unsafe) private static let patientNumberLabel: Regex<Substring> =
        #/(?is)(?:nhs|chi|h\s*(?:&|and)\s*c|hcn?|health\s+(?:&|and)\s+care)[\s._-]*(?:no\b\.?|nbr\b\.?|num\b\.?|number\b|#|id\b)?[\s.:=#-]*(?:is\s*|was\s*)?/#

    func finding(_ kind: PatientDataFinding.Kind, from start: Int, to end: Int) -> PatientDataFinding {
        PatientDataFinding(kind: kind, start: characterPositions[start], end: characterPositions[end])
    }
}

extension ScalarScan.Class {
    fileprivate var digitValue: Int? {
        switch self {
        case .digit(let value), .lookalike(let value): value
        case .letter, .separator, .invisible, .other: nil
        }
    }

    fileprivate var isWordPart: Bool {
        switch self {
        case .digit, .lookalike, .letter, .invisible: true
        case .separator, .other: false
        }
    }
}

/// A piece of scanned text, as the digit-group search sees it.
enum Token: Equatable {
    case group(DigitGroup)
    /// "double" or "triple" (also "treble"): the next number word is said that many times.
    case repeated(Int, start: Int)
    case separator
    case breaker
}

/// Consecutive digits (invisible characters allowed between them), by scalar positions.
struct DigitGroup: Equatable {
    var digits: [Int]
    var start: Int
    var end: Int
    /// Written as "twenty" … "ninety", which a following unit word completes.
    var isSpokenTens = false
    /// Look-alike letters with no digit among them ("O", "Il"), which count only beside other digits.
    var isLookalikesOnly = false
}
