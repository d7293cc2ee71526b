import PartnerDeskDomain
import PartnerDeskTestSupport
import Testing

@Suite struct PatientDataGuardTests {
    let guardian = PatientDataGuard()

    func kinds(_ text: String) -> [PatientDataFinding.Kind] {
        guardian.findings(in: text).map(\.kind)
    }

    @Test func checkDigit_followsModulus11() {
        #expect(NHSNumber.isValid([9, 4, 3, 4, 7, 6, 5, 9, 1, 9]))
        #expect(!NHSNumber.isValid([9, 4, 3, 4, 7, 6, 5, 9, 1, 8]))
        #expect(NHSNumber.checkDigit([4, 0, 1, 0, 2, 3, 2, 1, 3]) == 7)
        #expect(NHSNumber.checkDigit([1, 0, 0, 0, 0, 0, 0, 0, 1]) == nil)
    }

    @Test(arguments: [
        "9434765919", "943 476 5919", "943-476-5919", "943.476.5919", "943/476/5919", "94 34 76 59 19",
        "9 4 3 4 7 6 5 9 1 9", "943 - 476 - 5919", "943-476 5919", "943 476.59/19", "９４３４７６５９１９",
        "٩٤٣٤٧٦٥٩١٩", "943\u{200B}476\u{200B}5919", "94\u{00AD}34\u{200D}76\u{200E}5919", "943\u{00A0}476\u{2009}5919",
        "943\u{2013}476\u{2013}5919", "９４３ ４７６ ５９１９", "94３4-7６59 1９", "९४३४७६५९१९",
    ])
    func validNumbers_inEverySpelling_areRefused(_ spelling: String) {
        #expect(kinds("The user \(spelling) cannot sign in") == [.nhsNumber])
    }

    @Test func refusal_locatesTheNumber_withoutRepeatingIt() throws {
        let issues = guardian.refusals(for: [("description", "User 943 476 5919 cannot sign in")])
        let issue = try #require(issues.first)
        #expect(issues.count == 1)
        #expect(issue.field == "description")
        #expect(issue.code == "patient_identifiable_data")
        #expect(issue.message.contains("characters 6–17"))
        #expect(!issue.message.contains("5919") && !issue.message.contains("943"))
    }

    @Test(arguments: ["999 000 0000", "9990000018", "999-123-4567"])
    func testRangeNumbers_areAllowed(_ number: String) {
        #expect(kinds("Reproduced with test patient \(number) in the sandbox").isEmpty)
        #expect(kinds("NHS number: \(number)").isEmpty)
    }

    @Test(arguments: [
        "NHS no 1234567890", "NHS number: 123 456 7890", "NHS#1234567890", "nhs no. 123-456-7890",
        "NHS No:1234567890", "nhs number is 1234567890", "NHS-number = 123 456 7890",
    ])
    func labelledNumbers_areRefused_evenWithABadCheckDigit(_ text: String) {
        #expect(kinds("Patient details: \(text)") == [.labelledNHSNumber])
    }

    @Test(arguments: [
        "Surname: Smith", "last name is Jones", "Family name = Patel", "LAST NAME: o'Brien", "surname-Nguyen",
    ])
    func labelledLastNames_areRefused(_ text: String) {
        #expect(kinds("User reports: \(text), cannot log in") == [.labelledLastName])
    }

    @Test(arguments: ["DOB 01/02/1980", "date of birth: 1 March 1980", "D.O.B. 1980-02-01", "Birth date is 01.02.1980"])
    func labelledDatesOfBirth_areRefused(_ text: String) {
        #expect(kinds("Details \(text) given") == [.labelledDateOfBirth])
    }

    @Test(arguments: [
        "User cannot sign in since 2026-11-26 14:30 on iOS 17.4.1, error code P0042.",
        "Call the desk on 0113 496 0000 or 07700 900123.",
        "Error 500 at 26/11/2026 14:05 from 192.168.100.200 (client id wellpath-gp-appointments).",
        "Timestamp 20261126143000123 and request 5B073F9B-5B2E-4CDE-AAB7-5E58D2A15858.",
        "The last name field is missing from the form and the surname box is greyed out.",
        "They forgot which date of birth format to use.",
        "Build 2026.11.3, version 12.4, ticket INC-000123 and PRB-000045.",
        "Dates 2026-11-26 14 and 26/11/2026 14 look like numbers but are dates.",
        "Server 192.168.1.100 was unreachable.",
    ])
    func ordinaryIncidentText_isAccepted(_ text: String) {
        #expect(kinds(text).isEmpty, "\(guardian.findings(in: text))")
    }

    @Test func property_validNumbersInRandomSpellings_areAllRefused() {
        var random = SeededRandom(seed: 20_261_126)
        let scripts: [UInt32] = [0x30, 0xFF10, 0x660, 0x6F0, 0x966, 0x9E6, 0xE50, 0x1D7CE]
        let separators = [" ", "-", ".", "/", " - ", "\u{00A0}", "\u{2013}", " / ", "  "]
        let invisibles = ["\u{200B}", "\u{00AD}", "\u{200E}", "\u{200F}", "\u{2060}", "\u{FEFF}", "\u{200D}"]
        var checked = 0
        while checked < 2_000 {
            var digits = (0..<9).map { _ in Int.random(in: 0...9, using: &random) }
            guard let check = NHSNumber.checkDigit(digits), digits.prefix(3) != [9, 9, 9] else { continue }
            digits.append(check)
            var spelling = ""
            for (index, digit) in digits.enumerated() {
                let script = scripts.randomElement(using: &random)!
                spelling.unicodeScalars.append(Unicode.Scalar(script + UInt32(digit))!)
                guard index < 9 else { continue }
                switch Int.random(in: 0..<10, using: &random) {
                case 0...1: spelling += separators.randomElement(using: &random)!
                case 2: spelling += invisibles.randomElement(using: &random)!
                default: break
                }
            }
            let text =
                ["Reported by", "User", "Ref:", "(", "see"].randomElement(using: &random)! + " " + spelling
                + [" cannot sign in", ".", ")", "", " - please check"].randomElement(using: &random)!
            #expect(
                !guardian.findings(in: text).isEmpty,
                "missed: \(text.unicodeScalars.map { String($0.value, radix: 16) })")
            checked += 1
        }
    }

    @Test func check_throwsEveryRefusalAcrossFields() {
        #expect {
            try guardian.check([("description", "NHS no 1234567890"), ("errorType", "fine"), ("os", "Surname: Lee")])
        } throws: { error in
            (error as? ValidationFailure)?.issues.map(\.field) == ["description", "os"]
        }
    }
}
