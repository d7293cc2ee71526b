import PartnerDeskDomain
import Testing

/// Text is refused, never cut short or silently changed, when it carries control characters or (in a
/// single-line field) line breaks; it is kept in NFC and measured in Unicode scalars.
@Suite struct TextInputTests {
    func issue(_ text: String, _ lines: TextInput.Lines = .single) -> ValidationIssue? {
        if case .failure(let issue) = TextInput.clean(text, field: "f", label: "title", lines: lines) { return issue }
        return nil
    }

    @Test(arguments: ["\u{0}", "\u{1}", "\u{7}", "\u{1B}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "\u{0B}", "\u{0C}"])
    func controlCharacters_areRefused_inEveryKindOfField(_ control: String) {
        for lines in [TextInput.Lines.single, .multiple] {
            let refusal = issue("abc\(control)def", lines)
            #expect(refusal?.code == "control_character")
            #expect(refusal?.message.contains("at character 4") == true)
        }
    }

    @Test(arguments: ["\n", "\r", "\r\n", "\u{2028}", "\u{2029}"])
    func lineBreaks_areRefusedInSingleLineFields_only(_ lineBreak: String) {
        #expect(issue("Sign-in\(lineBreak)loop")?.code == "line_break")
        #expect(issue("Sign-in\(lineBreak)loop", .multiple) == nil)
    }

    @Test func tabs_areForMultiLineText() {
        #expect(issue("a\tb")?.code == "control_character")
        #expect(issue("a\tb", .multiple) == nil)
    }

    @Test func text_isKeptInNFC() throws {
        let decomposed = "Cafe\u{301} ﬁ"
        guard case .success(let clean) = TextInput.clean(decomposed, field: "f", label: "l", lines: .single) else {
            Issue.record("refused")
            return
        }
        #expect(clean.unicodeScalars.map(\.value) == "Café ﬁ".unicodeScalars.map(\.value))
    }

    @Test func limits_countUnicodeScalars_soStackedMarksCannotHide() {
        let zalgo = "a" + String(repeating: "\u{301}", count: 6_000)
        #expect(zalgo.count == 1)
        var check = ValidationCollector()
        #expect(check.requiredText("d", zalgo, label: "description", maxLength: 5_000, lines: .multiple) == nil)
        #expect(check.issues.map(\.code) == ["too_long"])
    }
}

/// Controls that reorder text are shown as markers wherever a person reads the text.
@Suite struct BidiControlsTests {
    @Test func everyEmbeddingOverrideAndIsolate_isShownAsAMarker() {
        let controls = (0x202A...0x202E).map { $0 } + (0x2066...0x2069).map { $0 }
        for value in controls {
            let text = "abc\(Character(Unicode.Scalar(UInt32(value))!))fdp.exe"
            let shown = BidiControls.neutralised(text)
            #expect(shown == "abc[U+\(String(value, radix: 16, uppercase: true))]fdp.exe")
        }
    }

    @Test func textWithoutThem_isUntouched_includingOtherMarks() {
        for text in ["plain", "Café – “quotes” ₤", "\u{200F}mark\u{200E}", "€\u{2029}"] {
            #expect(BidiControls.neutralised(text) == text)
        }
    }
}
