/// Refuses text that carries patient-identifiable data: NHS numbers in any spelling, and values labelled
/// as a last name, surname or date of birth.
///
/// Partners must never send such data with an incident. Every text field on every path (create, update,
/// comment, attachment file name) passes through ``check(_:)``. A refusal names the field and the characters
/// where the problem is, and never repeats the identifier itself.
///
/// What counts as an NHS number: ten decimal digits, from any script (ASCII, full-width, Arabic-Indic, …),
/// written in groups joined by spaces, hyphens, dots or slashes (any mixture, at most three between two
/// groups), with invisible characters (zero-width, soft hyphen, direction marks) allowed anywhere between
/// digits, that pass the modulus-11 check. Numbers in the test range 999 000 0000 – 999 999 9999 are allowed.
/// Ten digits labelled as an NHS number ("NHS no", "NHS number", "NHS#", …) are refused even when the check
/// digit fails. To keep ordinary text usable, digit groups shaped like a calendar date (2026-11-26 14, or
/// 26/11/2026 14) or a dotted IPv4 address are not read as an unlabelled NHS number.
///
/// ```swift
/// let refusals = PatientDataGuard().refusals(for: [("description", "User 943 476 5919 cannot sign in")])
/// // [ValidationIssue(field: "description", code: "patient_identifiable_data", message: "…characters 6–17…")]
/// ```
public struct PatientDataGuard: Sendable {
    /// The stable code of every refusal.
    public static let refusalCode = "patient_identifiable_data"

    public init() {}

    /// Every piece of patient-identifiable data found in the text, in order of position.
    public func findings(in text: String) -> [PatientDataFinding] {
        let scan = ScalarScan(text)
        var findings = nhsNumberFindings(scan)
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

    // MARK: NHS numbers

    private func nhsNumberFindings(_ scan: ScalarScan) -> [PatientDataFinding] {
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
                    let labelled = scan.isLabelledAsNHSNumber(before: start)
                    if NHSNumber.isTestNumber(digits) { continue }
                    if labelled {
                        findings.append(scan.finding(.labelledNHSNumber, from: start, to: end))
                    } else if NHSNumber.isValid(digits), !Self.looksLikeDateOrAddress(groups, scan: scan) {
                        findings.append(scan.finding(.nhsNumber, from: start, to: end))
                    }
                }
            }
        }
        return findings
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
        // Each pattern can only match text containing one of its label words, and matching costs far more
        // than looking for them, so most ordinary texts skip the patterns altogether.
        let lowercased = Array(text.lowercased().utf8)
        for (kind, pattern, words) in [
            (PatientDataFinding.Kind.labelledLastName, Self.lastName, ["name"]),
            (.labelledDateOfBirth, Self.dateOfBirth, ["birth", "dob", "d.ob", "do.b", "d.o.b"]),
        ] where words.contains(where: { Self.occurs(Array($0.utf8), in: lowercased) }) {
            for match in text.matches(of: pattern) {
                let start = text.unicodeScalars.distance(from: text.startIndex, to: match.range.lowerBound)
                let end = text.unicodeScalars.distance(from: text.startIndex, to: match.range.upperBound)
                findings.append(scan.finding(kind, from: start, to: end - 1))
            }
        }
        return findings
    }

    /// Whether the bytes of `word` appear in `bytes`. A plain loop: Foundation's `String.contains` goes
    /// through `NSString`, and the standard library's generic collection search cost several times more.
    private static func occurs(_ word: [UInt8], in bytes: [UInt8]) -> Bool {
        guard !word.isEmpty, word.count <= bytes.count else { return word.isEmpty }
        return (0...bytes.count - word.count).contains { bytes[$0..<$0 + word.count].elementsEqual(word) }
    }

    /// "Last name: …", "surname is …", "family-name = …".
    // Built once: a computed property re-parsed and re-compiled both patterns for every text field of every
    // request. Regex is not marked Sendable, but matching never mutates it; its lazily compiled program is
    // initialised atomically by the standard library.
    nonisolated(unsafe) private static let lastName: Regex<Substring> =
        #/(?i)\b(?:last|family|sur)[ _-]?name\s*(?::|=|-|\bis\b|\bwas\b)\s*[\p{L}\p{N}]/#
    /// "DOB 01/02/1980", "date of birth: 1 March 1980", "born"-style wording is not matched.
    nonisolated(unsafe) private static let dateOfBirth: Regex<Substring> =
        #/(?i)\b(?:date\s+of\s+birth|birth\s*date|d\.?o\.?b\.?)\s*(?:(?::|=|-|\bis\b|\bwas\b)\s*[\p{L}\p{N}]|\p{N})/#
}

/// One piece of patient-identifiable data, located by character positions (1-based, inclusive) so a person
/// can find it without the guard repeating it.
public struct PatientDataFinding: Hashable, Sendable {
    /// What was found.
    public enum Kind: String, Hashable, Sendable {
        case nhsNumber = "nhs_number"
        case labelledNHSNumber = "labelled_nhs_number"
        case labelledLastName = "last_name"
        case labelledDateOfBirth = "date_of_birth"
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
            case .labelledNHSNumber: "This is labelled as an NHS number"
            case .labelledLastName: "This gives a person's last name"
            case .labelledDateOfBirth: "This gives a date of birth"
            }
        return "\(what) (\(place)). Remove it: PartnerDesk must never hold patient-identifiable data. "
            + "Describe the user by the e-mail address they sign in with instead."
    }
}
