/// Finds people named by a title: "Mr Smith", "Mrs J Patel", "Dr. Ahmed", "Prof A. B. Okafor".
///
/// The name must start with a capital letter, so the everyday words that share a spelling with a title stay
/// usable ("we miss the button", "300 ms to load"); titles that are also ordinary words (Miss, Sir, Dame,
/// Lady, Lord) count only when capitalised themselves, and a capitalised article or conjunction after them
/// ("Dear Sir Or Madam") is not a name.
enum TitledNames {
    static func findings(_ scan: ScalarScan) -> [PatientDataFinding] {
        var findings: [PatientDataFinding] = []
        let scalars = scan.scalars
        var index = 0
        while index < scalars.count {
            guard isLetter(scan.classes[index]), index == 0 || !isWordPart(scan.classes[index - 1]) else {
                index += 1
                continue
            }
            var end = index
            while end + 1 < scalars.count, isLetter(scan.classes[end + 1]) { end += 1 }
            if isTitle(scalars[index...end]), let name = nameAfterTitle(scan, from: end + 1) {
                findings.append(scan.finding(.titledName, from: index, to: name))
                index = name + 1
            } else {
                index = end + 1
            }
        }
        return findings
    }

    /// Whether a word spells a title.
    private static func isTitle(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let key = WordKey(word) else { return false }
        return anyCase.contains(key) || capitalisedOnly.contains(key) && ("A"..."Z").contains(word[word.startIndex])
    }

    /// The position of the name's last scalar, when a name follows the title: an optional full stop, spaces,
    /// up to three initials (each with an optional full stop), then a capitalised word of two letters or more.
    private static func nameAfterTitle(_ scan: ScalarScan, from start: Int) -> Int? {
        let scalars = scan.scalars
        var index = start
        if index < scalars.count, scalars[index] == "." { index += 1 }
        for initial in 0...3 {
            let spaces = index
            while index < scalars.count, scalars[index] == " " || scalars[index] == "\u{A0}" { index += 1 }
            guard index > spaces, index < scalars.count, scalars[index].properties.isUppercase else { return nil }
            var end = index
            while end + 1 < scalars.count, isNamePart(scan, end + 1) { end += 1 }
            if end > index {
                return WordKey(scalars[index...end]).map(notNames.contains) == true ? nil : end
            }
            // A single capital: an initial, perhaps with a full stop.
            guard initial < 3 else { return nil }
            index = end + 1
            if index < scalars.count, scalars[index] == "." { index += 1 }
        }
        return nil
    }

    private static func isNamePart(_ scan: ScalarScan, _ index: Int) -> Bool {
        isLetter(scan.classes[index]) || scan.scalars[index] == "'" || scan.scalars[index] == "’"
            || scan.scalars[index] == "-" && index + 1 < scan.scalars.count && isLetter(scan.classes[index + 1])
    }

    private static func isLetter(_ kind: ScalarScan.Class) -> Bool {
        kind == .letter || kind == .lookalike(0) || kind == .lookalike(1)
    }

    private static func isWordPart(_ kind: ScalarScan.Class) -> Bool {
        if case .digit = kind { return true }
        return isLetter(kind)
    }

    /// Abbreviations nobody writes for anything but a title.
    private static let anyCase = Set(["mr", "mrs", "mx", "dr", "prof", "revd"].map(WordKey.init))
    /// Titles that are also words (or units: ms): only a capital makes them a title.
    private static let capitalisedOnly = Set(
        ["ms", "miss", "mister", "missus", "doctor", "professor", "sir", "dame", "lady", "lord", "rev", "reverend"]
            .map(WordKey.init))
    /// Capitalised words that follow a title without being a name: "Dear Sir Or Madam", "Dr On call".
    private static let notNames = Set(
        ["or", "and", "the", "an", "of", "to", "in", "on", "at", "is", "was", "for", "who", "madam"].map(WordKey.init))
}
