import PartnerDeskDomain
import PartnerDeskTestSupport
import Testing

@Suite struct PatientDataGuardTests {
    let guardian = PatientDataGuard()

    func kinds(_ text: String) -> [PatientDataFinding.Kind] {
        guardian.findings(in: text).map(\.kind)
    }

    @Test func checkDigits_followModulus11AndLuhn() {
        #expect(NHSNumber.isValid([4, 0, 1, 0, 2, 3, 2, 1, 3, 7]))
        #expect(!NHSNumber.isValid([4, 0, 1, 0, 2, 3, 2, 1, 3, 8]))
        #expect(NHSNumber.checkDigit([1, 0, 0, 0, 0, 0, 0, 0, 1]) == nil)
        #expect(CHINumber.hasLuhnCheckDigit([1, 5, 0, 6, 9, 2, 3, 4, 5, 5]))
        #expect(!CHINumber.hasLuhnCheckDigit([1, 5, 0, 6, 9, 2, 3, 4, 5, 3]))
        #expect(CHINumber.hasBirthDatePrefix([2, 9, 0, 2, 0, 4]))
        #expect(!CHINumber.hasBirthDatePrefix([2, 9, 0, 2, 0, 3]))
        #expect(!CHINumber.hasBirthDatePrefix([3, 1, 0, 4, 8, 0]))
    }

    @Test(arguments: [
        ("4010232137", PatientNumberScheme.nhsEnglandAndWales), ("6123456784", .nhsEnglandAndWales),
        ("7123456785", .nhsEnglandAndWales), ("3012345671", .nhsEnglandAndWales),
        ("3212345675", .healthAndCareNorthernIreland), ("0203801237", .chiScotland), ("1506923455", .chiScotland),
    ])
    func issuer_followsTheAllocatedRanges(_ number: String, _ scheme: PatientNumberScheme) {
        #expect(PatientNumberScheme.issuer(of: number.compactMap(\.wholeNumberValue)) == scheme)
    }

    @Test(arguments: [
        // Outside every range, or a valid check in the wrong place: 943 476 5919 is in no allocated range,
        // 999 is the test range, 5xx and 8xx are unallocated, 29/02/81 is no date, and a Luhn digit is CHI's only.
        "9434765919", "9990000018", "5123456780", "8123456789", "2902811233", "4010232132", "1767225600",
    ])
    func issuer_refusesNoOne_outsideTheRanges(_ number: String) {
        #expect(PatientNumberScheme.issuer(of: number.compactMap(\.wholeNumberValue)) == nil)
    }

    @Test(arguments: [
        "4010232137", "401 023 2137", "401-023-2137", "401.023.2137", "401/023/2137", "40 10 23 21 37",
        "4 0 1 0 2 3 2 1 3 7", "401 - 023 - 2137", "401-023 2137", "401 023.21/37", "４０１０２３２１３７",
        "٤٠١٠٢٣٢١٣٧", "401\u{200B}023\u{200B}2137", "40\u{00AD}10\u{200D}23\u{200E}2137", "401\u{00A0}023\u{2009}2137",
        "401\u{2013}023\u{2013}2137", "४०१०२३२१३७",
        // Look-alike letters, combining and other invisible marks, line breaks.
        "4O1 O23 2l37", "4o1o232I37", "4\u{0301}0\u{0336}1 0\u{20E3}23 2137\u{FE0F}", "401 023\n2137", "401023\r\n2137",
        "401\u{2028}023 2137", "401 023 \u{202E}2137", "401,023,2137", "401, 023, 2137",
        // Words.
        "four oh one oh two three two one three seven", "four zero one, zero two three two one three seven",
        "four oh one oh twenty-three twenty-one thirty-seven", "four nought one nought two three two one three seven",
        "NHS4010232137",
    ])
    func validNumbers_inEverySpelling_areRefused(_ spelling: String) {
        #expect(!kinds("The user \(spelling) cannot sign in").isEmpty, "\(spelling.debugDescription)")
    }

    @Test func ordinaryCounting_isNotANumber() {
        #expect(kinds("We saw one, two, then three errors and four warnings").isEmpty)
    }

    @Test func eachScheme_isNamed() {
        #expect(kinds("User 612 345 6784 cannot sign in") == [.nhsNumber])
        #expect(kinds("User 321 234 5675 cannot sign in") == [.healthAndCareNumber])
        #expect(kinds("User 020380 1237 cannot sign in") == [.chiNumber])
        #expect(kinds("User 1506923455 cannot sign in") == [.chiNumber])
    }

    @Test func refusal_locatesTheNumber_withoutRepeatingIt() throws {
        let issues = guardian.refusals(for: [("description", "User 401 023 2137 cannot sign in")])
        let issue = try #require(issues.first)
        #expect(issues.count == 1)
        #expect(issue.field == "description")
        #expect(issue.code == "patient_identifiable_data")
        #expect(issue.message.contains("characters 6–17"))
        #expect(!issue.message.contains("2137") && !issue.message.contains("401"))
    }

    @Test(arguments: ["999 000 0000", "9990000018", "999-123-4567"])
    func testRangeNumbers_areAllowed(_ number: String) {
        #expect(kinds("Reproduced with test patient \(number) in the sandbox").isEmpty)
        #expect(kinds("NHS number: \(number)").isEmpty)
    }

    @Test(arguments: [
        "NHS no 1234567890", "NHS number: 123 456 7890", "NHS#1234567890", "nhs no. 123-456-7890",
        "NHS No:1234567890", "nhs number is 1234567890", "NHS-number = 123 456 7890", "CHI 1234567890",
        "CHI number: 9434765919", "H&C no 1234567890", "health and care number 1234567890",
    ])
    func labelledNumbers_areRefused_evenOutsideTheRanges(_ text: String) {
        #expect(kinds("Patient details: \(text)") == [.labelledPatientNumber])
    }

    @Test(arguments: [
        "Surname: Smith", "last name is Jones", "Family name = Patel", "LAST NAME: o'Brien", "surname-Nguyen",
    ])
    func labelledLastNames_areRefused(_ text: String) {
        #expect(kinds("User reports: \(text), cannot log in") == [.labelledLastName])
    }

    @Test(arguments: [
        "Mr Smith", "Mrs J Patel", "Dr Ahmed", "Dr. Ahmed", "Ms O'Neill", "Miss Nguyen-Tran", "Prof A. B. Okafor",
        "mr Smith", "MR SMITH", "Mx Taylor", "Sir Lancelot", "Dr Özdemir",
    ])
    func namesIntroducedByATitle_areRefused(_ text: String) {
        #expect(kinds("Call from \(text) about signing in") == [.titledName], "\(text)")
    }

    @Test(arguments: [
        "DOB 01/02/1980", "date of birth: 1 March 1980", "D.O.B. 1980-02-01", "Birth date is 01.02.1980",
        "date of birth the third of March", "DOB March 3rd", "born on 3 March 1980", "born 1980-03-03",
        "born in 1980", "birthday is the first of May", "birthday: 03/03", "born on the twenty-first of June",
        "b'day 12 May", "born in March 1980",
    ])
    func datesOfBirth_areRefused(_ text: String) {
        #expect(kinds("Details \(text) given") == [.labelledDateOfBirth], "\(text)")
    }

    @Test(arguments: [
        "User cannot sign in since 2026-11-26 14:30 on iOS 17.4.1, error code P0042.",
        "Call the desk on 0113 496 0000 or 07700 900123.",
        "Error 500 at 26/11/2026 14:05 from 192.168.100.200 (client id wellpath-gp-appointments).",
        "Timestamp 20261126143000123 and request 5B073F9B-5B2E-4CDE-AAB7-5E58D2A15858.",
        "The last name field is missing from the form and the surname box is greyed out.",
        "They forgot which date of birth format to use; the date of birth may be wrong.",
        "Build 2026.11.3, version 12.4, ticket INC-000123 and PRB-000045.",
        "Dates 2026-11-26 14 and 26/11/2026 14 look like numbers but are dates.",
        "Server 192.168.1.100 was unreachable.",
        "timestamp=1712345678 and \"iat\": 1801123456, order number 4010232137",
        "The user's number is +44 7123 456785, or +44 (0)7123 456785, or 0044 7123 456785.",
        "API key sk_live_4010232137abc and hash 7123456785deadbeef",
        "Dear Sir or Madam, we miss the 300 ms target; Dr appointment booking is slow.",
        "The app was born out of the old portal; happy birthday banner shows twice.",
        "Released on 1 March; born-again flow retired.",
    ])
    func ordinaryIncidentText_isAccepted(_ text: String) {
        #expect(kinds(text).isEmpty, "\(guardian.findings(in: text))")
    }

    @Test func property_everySchemeInEverySpelling_isRefused() {
        var random = SeededRandom(seed: 20_261_201)
        for scheme in PatientNumberScheme.allCases {
            for _ in 0..<1_500 {
                let number = PatientNumberSamples.number(scheme, using: &random)
                let spelling = PatientNumberSamples.spelling(of: number, using: &random)
                let text = PatientNumberSamples.sentence(around: spelling, using: &random)
                #expect(
                    !guardian.findings(in: text).isEmpty,
                    "missed \(scheme): \(text.debugDescription) \(text.unicodeScalars.map { String($0.value, radix: 16) })"
                )
            }
        }
    }

    @Test func property_ordinarySupportText_isAccepted() {
        var random = SeededRandom(seed: 20_261_202)
        for kind in PatientNumberSamples.OrdinaryText.allCases {
            for _ in 0..<1_000 {
                let text = PatientNumberSamples.ordinaryText(kind, using: &random)
                #expect(guardian.findings(in: text).isEmpty, "\(kind.rawValue): \(text)")
            }
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
