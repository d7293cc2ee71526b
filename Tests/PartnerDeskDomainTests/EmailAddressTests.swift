import PartnerDeskDomain
import Testing

@Suite struct EmailAddressTests {
    @Test(arguments: [
        ("user@example.org", "user@example.org"),
        ("User.Name@Example.ORG", "user.name@example.org"),
        ("  padded@example.org\n", "padded@example.org"),
        ("\u{00C9}lise@exemple.fr", "\u{00E9}lise@exemple.fr"),
        (String(repeating: "a", count: 64) + "@example.org", String(repeating: "a", count: 64) + "@example.org"),
        ("user@bücher.example", "user@bücher.example"), ("user@почта.рф", "user@почта.рф"),
        ("user@sub-domain.example.org", "user@sub-domain.example.org"),
        (
            "\u{00E9}" + String(repeating: "a", count: 63) + "@example.org",
            "\u{00E9}" + String(repeating: "a", count: 63) + "@example.org"
        ),
    ])
    func validAddresses_areNormalised(_ text: String, _ expected: String) {
        #expect(EmailAddress(text)?.value == expected)
    }

    @Test func addresses_areShownAsGiven_andComparedWhateverTheirCase() throws {
        let given = try #require(EmailAddress(" Jo.Bloggs@Example.ORG "))
        #expect(given.display == "Jo.Bloggs@Example.ORG" && given.value == "jo.bloggs@example.org")
        #expect(given == EmailAddress("jo.bloggs@example.org"))
        #expect(Set([given, EmailAddress("JO.BLOGGS@EXAMPLE.ORG")!]).count == 1)
    }

    @Test(arguments: [
        "", "no-at-sign.example.org", "two@@example.org", "a@b@example.org", "@example.org", "user@", "user@localhost",
        "user@example..org", "user@.example.org", "us er@example.org", "user@exa\tmple.org",
        "user\u{00A0}x@example.org",
        String(repeating: "a", count: 65) + "@example.org",
        "u@" + String(repeating: "d", count: 249) + ".org",
        // Addresses instead of names, hyphens at the ends of labels, markup.
        "user@[192.0.2.1]", "user@192.0.2.1", "user@[IPv6:2001:db8::1]", "user@-example.org", "user@example-.org",
        "<script>@example.org", "user@exa<mple.org", "a\"b@example.org", "user@exam_ple.org",
        // Look-alikes: Cyrillic letters mixed into a Latin name, and a name written wholly in Latin look-alikes.
        "user@p\u{0430}ypal.com", "user@\u{0430}\u{0440}\u{0440}\u{04CF}\u{0435}.com", "user@g\u{03BF}\u{03BF}gle.com",
    ])
    func invalidAddresses_areRefused(_ text: String) {
        #expect(EmailAddress(text) == nil)
    }
}
