import Testing

@testable import PartnerDeskDomain

/// The patient-data guard's view of text as classified scalars with character positions.
@Suite struct ScalarScanTests {
    @Test func asciiShortcut_givesTheAnswersOfTheUnicodeProperties() {
        for value in UInt8(0)..<0x80 {
            let scalar = Unicode.Scalar(value)
            #expect(ScalarScan.classify(scalar) == ScalarScan.classifyByProperties(scalar), "U+\(value)")
        }
    }

    @Test func positions_countCharacters_withCRLFAsOne_inASCIIAndOtherText() {
        // "1" is the 4th character after "a", CR LF, "b" in both spellings; the second adds an accent.
        for text in ["a\r\nb1", "a\r\nb\u{301}1"] {
            let scan = ScalarScan(text)
            let digit = scan.classes.firstIndex(of: .digit(1))!
            #expect(scan.finding(.nhsNumber, from: digit, to: digit).start == 4, "\(text.debugDescription)")
        }
    }
}
