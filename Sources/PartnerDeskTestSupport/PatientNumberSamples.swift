import PartnerDeskDomain

/// Generated patient numbers of every UK scheme in every spelling the guard must see through, and generated
/// ordinary support text it must let pass: the two sides of the guard's property tests and of the false-alarm
/// rate that the benchmark prints.
public enum PatientNumberSamples {
    /// Ten digits the scheme could have issued, drawn from its allocated range with a valid check digit.
    public static func number(_ scheme: PatientNumberScheme, using random: inout SeededRandom) -> [Int] {
        while true {
            var nine: Int
            switch scheme {
            case .nhsEnglandAndWales:
                nine = [
                    Int.random(in: 400_000_000...499_999_999, using: &random),
                    Int.random(in: 600_000_000...799_999_999, using: &random),
                    Int.random(in: 300_000_000...320_000_000, using: &random),
                ].randomElement(using: &random)!
            case .healthAndCareNorthernIreland:
                nine = Int.random(in: 320_000_001...399_999_999, using: &random)
            case .chiScotland:
                let day = Int.random(in: 1...28, using: &random)
                let month = Int.random(in: 1...12, using: &random)
                let year = Int.random(in: 0...99, using: &random)
                nine = ((day * 100 + month) * 100 + year) * 1_000 + Int.random(in: 0...999, using: &random)
            }
            let digits = (0..<9).reversed().map { nine / power(10, $0) % 10 }
            let checks =
                [NHSNumber.checkDigit(digits)] + (scheme == .chiScotland ? [CHINumber.luhnCheckDigit(digits)] : [])
            guard let check = checks.compactMap({ $0 }).randomElement(using: &random) else { continue }
            let number = digits + [check]
            if PatientNumberScheme.issuer(of: number) == scheme { return number }
        }
    }

    /// One way of writing the digits: a script, groups and separators (line breaks included), invisible and
    /// combining characters, look-alike letters, or English words.
    public static func spelling(of digits: [Int], using random: inout SeededRandom) -> String {
        if Int.random(in: 0..<4, using: &random) == 0 { return words(for: digits, using: &random) }
        let script = scripts.randomElement(using: &random)!
        let breaks = groupings.randomElement(using: &random)!
        let lookalikes = script == 0x30 && Bool.random(using: &random)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if breaks.contains(index) { text += separators.randomElement(using: &random)! }
            if lookalikes, digit <= 1, Bool.random(using: &random) {
                text +=
                    digit == 0 ? ["O", "o"].randomElement(using: &random)! : ["I", "l"].randomElement(using: &random)!
            } else {
                text.unicodeScalars.append(Unicode.Scalar(script + UInt32(digit))!)
            }
            if index < 9, Int.random(in: 0..<6, using: &random) == 0 { text += hidden.randomElement(using: &random)! }
        }
        return text
    }

    /// The digits read aloud: each digit a word, pairs as "forty-one" or "nineteen", runs as "double seven".
    public static func words(for digits: [Int], using random: inout SeededRandom) -> String {
        var spoken: [String] = []
        var index = 0
        while index < digits.count {
            let digit = digits[index]
            let next = index + 1 < digits.count ? digits[index + 1] : nil
            switch (next, Int.random(in: 0..<3, using: &random)) {
            case (let next?, 0) where next == digit:
                spoken.append("double " + units[digit])
                index += 2
            case (let next?, 1) where digit == 1:
                spoken.append(teens[next])
                index += 2
            case (let next?, 1) where digit >= 2 && next != 0:
                spoken.append(tens[digit - 2] + ["-", " "].randomElement(using: &random)! + units[next])
                index += 2
            default:
                spoken.append(digit == 0 ? ["zero", "oh", "nought"].randomElement(using: &random)! : units[digit])
                index += 1
            }
        }
        return spoken.joined(separator: " ")
    }

    /// A sentence around a spelling, as a partner might write it.
    public static func sentence(around spelling: String, using random: inout SeededRandom) -> String {
        ["Reported by", "The user", "Ref:", "(", "see", "Patient"].randomElement(using: &random)! + " " + spelling
            + [" cannot sign in", ".", ")", "", " - please check", "\nThanks"].randomElement(using: &random)!
    }

    /// Ordinary support text of one kind, with no patient data in it.
    public static func ordinaryText(_ kind: OrdinaryText, using random: inout SeededRandom) -> String {
        func digits(_ count: Int) -> String {
            String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
        }
        func number(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
        func pick(_ choices: [String]) -> String { choices.randomElement(using: &random)! }
        let hex = Array("0123456789abcdef")
        let base64 = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        func characters(_ alphabet: [Character], _ count: Int) -> String {
            String((0..<count).map { _ in alphabet.randomElement(using: &random)! })
        }
        let two = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        switch kind {
        case .logLine:
            let stamp =
                "20\(number(20...35))-\(two(number(1...12)))-\(two(number(1...28)))T\(two(number(0...23))):"
                + "\(two(number(0...59))):\(two(number(0...59))).\(digits(3))Z"
            return "\(stamp) \(pick(["INFO", "WARN", "ERROR"])) request \(digits(8)) \(pick(["GET", "POST"])) "
                + "/api/v\(number(1...3))/\(pick(["session", "token", "userinfo"])) \(pick(["200", "401", "500"])) "
                + "in \(number(1...2_000)) ms"
        case .unixTimestamp:
            let stamp = number(946_684_800...2_147_483_647)
            return pick([
                "timestamp=\(stamp)", "\"iat\": \(stamp), \"exp\": \(stamp + 3_600)",
                "ts \(stamp)", "created_at: \(stamp)", "epoch \(stamp)", "unix time \(stamp)",
            ])
        case .version:
            return "Seen on \(pick(["iOS", "Android", "app"])) \(number(1...19)).\(number(0...9)).\(number(0...20)) "
                + "build \(number(1_000...99_999)) and version \(number(2020...2026)).\(number(1...12)).\(number(1...9))"
        case .telephone:
            return pick([
                "Call the desk on 0\(number(113...199)) \(digits(3)) \(digits(4))",
                "Ring 07\(digits(3)) \(digits(6))", "+44 7\(digits(3)) \(digits(6)) is the user's number on file",
                "Phone +44 (0)20 \(digits(4)) \(digits(4))", "Tel: 0044 7\(digits(3)) \(digits(6))",
                "helpline 0\(number(300...399)) \(digits(3)) \(digits(4))",
            ])
        case .key:
            return pick([
                "api key \(characters(hex, 32))", "token \(characters(base64, 40))",
                "sk_live_\(characters(base64, 24))",
                "request \(characters(hex, 8))-\(characters(hex, 4))-"
                    + "\(characters(hex, 4))-\(characters(hex, 4))-\(characters(hex, 12))",
                "client \(characters(base64, 16))\(digits(10))", "sha \(characters(hex, 40))",
            ])
        case .reference:
            return pick([
                "order number \(digits(10))", "Invoice #\(digits(10))", "transaction id \(digits(10))",
                "ticket INC-\(digits(6)) and PRB-\(digits(6))", "booking ref \(digits(10))",
                "error codes P\(digits(4)), E\(digits(3)) and \(digits(5))",
            ])
        case .amountsAndSizes:
            return "Paid £\(number(1...9)),\(digits(3)).\(digits(2)) for \(number(1...500)) MB in "
                + "\(number(1...59)) min \(number(1...59)) s at \(number(1...100)).\(digits(1)) % CPU"
        case .addresses:
            return "From \(number(1...223)).\(number(0...255)).\(number(0...255)).\(number(1...254)) and "
                + "2001:db8::\(characters(hex, 4)) port \(number(1_024...65_535))"
        case .prose:
            return pick([
                "Dear Sir or Madam, the user could not sign in and we miss the confirmation e-mail.",
                "The date of birth field is greyed out and the surname box is missing on the form.",
                "Dr appointment booking fails for a few users since the release; we see 300 ms to load.",
                "Born in a hurry, this release missed the consent screen.",
                "It took one or two tries, then three more; nine users out of ten got through.",
            ])
        }
    }

    /// The kinds of ordinary text ``ordinaryText(_:using:)`` writes.
    public enum OrdinaryText: String, CaseIterable, Sendable {
        case logLine = "log lines with ISO timestamps"
        case unixTimestamp = "labelled Unix timestamps"
        case version = "versions and build numbers"
        case telephone = "UK telephone numbers"
        case key = "API keys, hashes and ids"
        case reference = "order, invoice and ticket references"
        case amountsAndSizes = "amounts, sizes and durations"
        case addresses = "IP addresses and ports"
        case prose = "prose with titles and label words"
    }

    private static func power(_ base: Int, _ exponent: Int) -> Int {
        (0..<exponent).reduce(1) { value, _ in value * base }
    }

    private static let scripts: [UInt32] = [0x30, 0x30, 0x30, 0xFF10, 0x660, 0x6F0, 0x966, 0x9E6, 0xE50, 0x1D7CE]
    /// Where groups break, as digit positions: 3 3 4, 2 2 2 2 2, DDMMYY-NNNN, one by one, none.
    private static let groupings: [Set<Int>] = [[], [3, 6], [3, 6], [2, 4, 6, 8], [6], [5], Set(1...9), [3, 7]]
    private static let separators = [
        " ", "-", ".", "/", " - ", "\u{00A0}", "\u{2013}", " / ", "  ", "\n", "\r\n", " \n", "\u{2028}",
    ]
    private static let hidden = [
        "\u{200B}", "\u{00AD}", "\u{200E}", "\u{200F}", "\u{2060}", "\u{FEFF}", "\u{200D}", "\u{0301}", "\u{0336}",
        "\u{20E3}", "\u{FE0F}", "\u{202E}",
    ]
    private static let units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    private static let teens = [
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ]
    private static let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
}
