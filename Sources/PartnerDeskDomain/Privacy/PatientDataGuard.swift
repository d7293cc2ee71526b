/// Refuses text that carries patient-identifiable data: patient numbers of the three UK schemes in any
/// spelling, names introduced by a title or a label, and dates of birth.
///
/// Partners must never send such data with an incident. Every text field on every path (create, update,
/// comment, attachment file name) passes through ``check(_:)``. A refusal names the field and the characters
/// where the problem is, and never repeats the identifier itself.
///
/// What counts as a patient number: ten digits that one of the UK schemes could have issued (see
/// ``PatientNumberScheme``: its ranges and check digits), in any spelling: digits from any script (ASCII,
/// full-width, Arabic-Indic, …) or written as English words ("four oh one", "double seven", "forty-one"), with
/// O typed for 0 and I or l for 1 inside a group of digits, in groups joined by spaces, line breaks, hyphens,
/// dots or slashes (at most three between two groups), with invisible characters (zero-width, soft hyphen,
/// direction marks, combining marks) anywhere between digits. Numbers in the test range
/// 999 000 0000 – 999 999 9999 are allowed. Ten digits labelled as an NHS, CHI or H&C number are refused even
/// when no scheme could have issued them. To keep ordinary text usable, digits inside a word with other
/// letters (an API key, a hash, an error code), digit groups shaped like a calendar date (2026-11-26 14, or
/// 26/11/2026 14) or a dotted IPv4 address, UK telephone numbers in international form (+44 7700 900123),
/// and numbers labelled as a time or an order, invoice or payment reference are not read as an unlabelled
/// patient number.
///
/// ```swift
/// let refusals = PatientDataGuard().refusals(for: [("description", "User 401 023 2137 cannot sign in")])
/// // [ValidationIssue(field: "description", code: "patient_identifiable_data", message: "…characters 6–17…")]
/// ```
public struct PatientDataGuard: Sendable {
    /// The stable code of every refusal.
    public static let refusalCode = "patient_identifiable_data"

    public init() {}

    /// Every piece of patient-identifiable data found in the text, in order of position.
    public func findings(in text: String) -> [PatientDataFinding] {
        let scan = ScalarScan(text)
        var findings = patientNumberFindings(scan)
        findings += TitledNames.findings(scan)
        findings += labelledFindings(text, scan: scan)
        return findings.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// One refusal per finding, for each named field.
    public func refusals(for fields: [(field: String, text: String)]) -> [ValidationIssue] {
        fields.flatMap { field, text in
            findings(in: text).map { finding in
                ValidationIssue(field: field, code: Self.refusalCode, message: finding.message)
            }
        }
    }

    /// Throws every refusal at once when any field carries patient-identifiable data.
    public func check(_ fields: [(field: String, text: String)]) throws(ValidationFailure) {
        let issues = refusals(for: fields)
        if !issues.isEmpty { throw ValidationFailure(issues) }
    }

    // MARK: Patient numbers

    private func patientNumberFindings(_ scan: ScalarScan) -> [PatientDataFinding] {
        var findings: [PatientDataFinding] = []
        for chain in scan.chains() {
            for first in chain.indices {
                var count = 0
                for last in first..<chain.count {
                    count += chain[last].digits.count
                    if count > 10 { break }
                    guard count == 10 else { continue }
                    let groups = Array(chain[first...last])
                    let digits = groups.flatMap(\.digits)
                    let start = groups[0].start
                    let end = groups[groups.count - 1].end
                    if NHSNumber.isTestNumber(digits) { continue }
                    if scan.isLabelledAsPatientNumber(before: start) {
                        findings.append(scan.finding(.labelledPatientNumber, from: start, to: end))
                    } else if let scheme = PatientNumberScheme.issuer(of: digits),
                        !Self.looksLikeDateOrAddress(groups, scan: scan),
                        !Self.isTelephoneNumber(chain, from: first, scan: scan),
                        !scan.isLabelledAsOtherNumber(before: start)
                    {
                        findings.append(scan.finding(PatientDataFinding.Kind(scheme), from: start, to: end))
                    }
                }
            }
        }
        return findings
    }

    /// Whether the groups from `first` on follow a +44 or 0044 country code, or a "(0)" trunk prefix.
    private static func isTelephoneNumber(_ chain: [DigitGroup], from first: Int, scan: ScalarScan) -> Bool {
        if first > 0 {
            let previous = chain[first - 1]
            return previous.digits == [0, 0, 4, 4]
                || previous.digits == [4, 4] && scan.scalar(before: previous.start) == "+"
        }
        return scan.followsTrunkPrefix(chain[first].start)
    }

    private static func looksLikeDateOrAddress(_ groups: [DigitGroup], scan: ScalarScan) -> Bool {
        let sizes = groups.map(\.digits.count)
        let values = groups.map { $0.digits.reduce(0) { $0 * 10 + $1 } }
        if sizes == [4, 2, 2, 2], (1900...2099).contains(values[0]), (1...12).contains(values[1]),
            (1...31).contains(values[2])
        {
            return true
        }
        if sizes == [2, 2, 4, 2], (1...31).contains(values[0]), (1...12).contains(values[1]),
            (1900...2099).contains(values[2])
        {
            return true
        }
        if sizes.count == 4, values.allSatisfy({ $0 <= 255 }),
            zip(groups, groups.dropFirst()).allSatisfy({ scan.gap(between: $0, and: $1) == ["."] })
        {
            return true
        }
        return false
    }

    // MARK: Labelled names and dates of birth

    private func labelledFindings(_ text: String, scan: ScalarScan) -> [PatientDataFinding] {
        var findings: [PatientDataFinding] = []
        // A pattern costs far more than comparing bytes, so each runs only where its label phrase is written,
        // anchored there; most texts have none and skip the patterns altogether.
        let bytes = Array(text.utf8)
        let ascii = bytes.allSatisfy { $0 < 0x80 }
        let lowercased = bytes.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
        let wordStarts = lowercased.indices.filter { offset in
            (0x61...0x7A).contains(lowercased[offset]) && (offset == 0 || !Self.isWordByte(lowercased[offset - 1]))
        }
        for (kind, pattern, phrases) in Self.labelPatterns {
            let starts = wordStarts.filter { offset in
                phrases.contains { phrase in
                    Self.phrase(phrase, isWrittenAt: offset, in: lowercased).map {
                        Self.mayGiveAValue(after: $0, in: lowercased)
                    } ?? false
                }
            }
            guard !starts.isEmpty else { continue }
            var matches: [Range<String.Index>] = []
            if ascii {
                for offset in starts {
                    let start = text.utf8.index(text.startIndex, offsetBy: offset)
                    if let match = text[start...].prefixMatch(of: pattern) { matches.append(match.range) }
                }
            } else {
                matches = text.matches(of: pattern).map(\.range)
            }
            for range in matches {
                let start = text.unicodeScalars.distance(from: text.startIndex, to: range.lowerBound)
                let end = text.unicodeScalars.distance(from: text.startIndex, to: range.upperBound)
                findings.append(scan.finding(kind, from: start, to: end - 1))
            }
        }
        return findings
    }

    /// Each pattern with the label phrases it begins with (a space stands for any run of white space, a tilde
    /// for an optional space, underscore or hyphen).
    nonisolated(unsafe) private static let labelPatterns: [(PatientDataFinding.Kind, Regex<Substring>, [[UInt8]])] = [
        (.labelledLastName, lastName, ["last~name", "family~name", "sur~name"]),
        (.labelledDateOfBirth, dateOfBirth, ["date of birth", "birth~date", "dob", "d.ob", "do.b", "d.o.b"]),
        (.labelledDateOfBirth, bornOn, ["born", "birthday", "bday", "b-day", "b'day", "b’day"]),
    ].map { ($0, $1, $2.map { Array($0.utf8) }) }

    /// Whether what follows a label (a last name's or a date of birth's) could give a value: a digit, a
    /// separator (":", "=", "-"), or a word that can begin a date or say what the value is ("March", "the",
    /// "third", "is", "on"). "Birthday offer" and "surname box" give nothing, so their patterns need not run.
    private static func mayGiveAValue(after end: Int, in bytes: [UInt8]) -> Bool {
        var index = end
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x2E || (0x09...0x0D).contains(bytes[index])
        {
            index += 1
        }
        guard index < bytes.count else { return false }
        if (0x30...0x39).contains(bytes[index]) || ":=-".utf8.contains(bytes[index]) || bytes[index] >= 0x80 {
            return true
        }
        return valueWords.contains { word in
            index + word.count <= bytes.count && bytes[index..<index + word.count].elementsEqual(word)
        }
    }

    private static let valueWords = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "the", "on", "in", "is",
        "was", "fir", "sec", "thi", "fou", "fif", "six", "sev", "eig", "nin", "ten", "ele", "twe",
    ].map { Array($0.utf8) }

    /// Where a label phrase written at an offset of lower-cased bytes ends, if it is written there and ends
    /// where a word ends.
    private static func phrase(_ phrase: [UInt8], isWrittenAt offset: Int, in bytes: [UInt8]) -> Int? {
        let isSpace = { (byte: UInt8) in byte == 0x20 || (0x09...0x0D).contains(byte) }
        var index = offset
        for expected in phrase {
            switch expected {
            case UInt8(ascii: " "):
                guard index < bytes.count, isSpace(bytes[index]) else { return nil }
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            case UInt8(ascii: "~"):
                if index < bytes.count, isSpace(bytes[index]) || bytes[index] == 0x5F || bytes[index] == 0x2D {
                    index += 1
                }
            default:
                guard index < bytes.count, bytes[index] == expected else { return nil }
                index += 1
            }
        }
        return index == bytes.count || !(0x61...0x7A).contains(bytes[index]) ? index : nil
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) || byte >= 0x80
    }

    /// "Last name: …", "surname is …", "family-name = …".
    // Built once: a computed property re-parsed and re-compiled both patterns for every text field of every
    // request. Regex is not marked Sendable, but matching never mutates it; its lazily compiled program is
    // initialised atomically by the standard library.
    nonisolated(unsafe) private static let lastName: Regex<Substring> =
        #/(?i)\b(?:last|family|sur)[ _-]?name\s*(?::|=|-|\bis\b|\bwas\b)\s*[\p{L}\p{N}]/#
    /// "DOB 01/02/1980", "date of birth: 1 March 1980", "D.O.B. the third of May".
    nonisolated(unsafe) private static let dateOfBirth: Regex<Substring> =
        #/
        (?ix) \b (?: date \s+ of \s+ birth | birth \s* date | d\.?o\.?b\.? ) \s*
        (?: (?: : | = | - | \bis\b | \bwas\b ) \s* [\p{L}\p{N}]
          | (?: (?:on|in) \s+ )? (?: the \s+ )?
            (?: \p{N}
              | (?:twenty|thirty)?[\s-]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b
              | (?:tenth|eleventh|twelfth|\p{L}+teenth|twentieth|thirtieth)\b
              | (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}* \s* (?:the\s+)? [\p{N}]
            )
        )
        /#
    /// "born on 3 March 1980", "born in 1980", "birthday is the first of May", "b'day: 03/03".
    nonisolated(unsafe) private static let bornOn: Regex<Substring> =
        #/
        (?ix) \b (?: born | birthday | b[-'’]?day ) \b \s*
        (?: (?: : | = | - | \bis\b | \bwas\b | \bon\b | \bin\b ) \s* )? (?: the \s+ )?
        (?: \p{N}
          | (?:twenty|thirty)?[\s-]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b
          | (?:tenth|eleventh|twelfth|\p{L}+teenth|twentieth|thirtieth)\b
          | (?:january|february|march|april|june|july|august|september|october|november|december)\b
          | (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\b \.? \s* (?:the\s+)? \p{N}
        )
        /#
}

/// One piece of patient-identifiable data, located by character positions (1-based, inclusive) so a person
/// can find it without the guard repeating it.
public struct PatientDataFinding: Hashable, Sendable {
    /// What was found.
    public enum Kind: String, Hashable, Sendable {
        case nhsNumber = "nhs_number"
        case chiNumber = "chi_number"
        case healthAndCareNumber = "hc_number"
        case labelledPatientNumber = "labelled_patient_number"
        case labelledLastName = "last_name"
        case titledName = "titled_name"
        case labelledDateOfBirth = "date_of_birth"

        init(_ scheme: PatientNumberScheme) {
            switch scheme {
            case .nhsEnglandAndWales: self = .nhsNumber
            case .chiScotland: self = .chiNumber
            case .healthAndCareNorthernIreland: self = .healthAndCareNumber
            }
        }
    }

    public var kind: Kind
    /// Position of the first character, counting from 1.
    public var start: Int
    /// Position of the last character, counting from 1.
    public var end: Int

    /// A sentence for the person who wrote the text.
    public var message: String {
        let place = start == end ? "character \(start)" : "characters \(start)–\(end)"
        let what =
            switch kind {
            case .nhsNumber: "This looks like an NHS number"
            case .chiNumber: "This looks like a CHI number"
            case .healthAndCareNumber: "This looks like a Health and Care number"
            case .labelledPatientNumber: "This is labelled as a patient's NHS, CHI or H&C number"
            case .labelledLastName: "This gives a person's last name"
            case .titledName: "This names a person by their title"
            case .labelledDateOfBirth: "This gives a date of birth"
            }
        let remedy =
            switch kind {
            case .nhsNumber, .chiNumber, .healthAndCareNumber:
                " If it is a timestamp or an order or invoice number, say so just before it (\"timestamp …\", "
                    + "\"order number …\")."
            default: ""
            }
        return "\(what) (\(place)). Remove it: PartnerDesk must never hold patient-identifiable data. "
            + "Describe the user by the e-mail address they sign in with instead.\(remedy)"
    }
}
