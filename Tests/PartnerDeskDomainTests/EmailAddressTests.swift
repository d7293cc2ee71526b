import PartnerDeskDomain
import Testing

@Suite struct EmailAddressTests {
    @Test(arguments: [
        ("user@example.org", "user@example.org"),
        ("User.Name@Example.ORG", "user.name@example.org"),
        ("  padded@example.org\n", "padded@example.org"),
        ("\u{00C9}lise@exemple.fr", "\u{00E9}lise@exemple.fr"),
        (String(repeating: "a", count: 64) + "@example.org", String(repeating: "a", count: 64) + "@example.org"),
        (
            "\u{00E9}" + String(repeating: "a", count: 63) + "@example.org",
            "\u{00E9}" + String(repeating: "a", count: 63) + "@example.org"
        ),
    ])
    func validAddresses_areNormalised(_ text: String, _ expected: String) {
        #expect(EmailAddress(text)?.value == expected)
    }

    @Test(arguments: [
        "", "no-at-sign.example.org", "two@@example.org", "a@b@example.org", "@example.org", "user@", "user@localhost",
        "user@example..org", "user@.example.org", "us er@example.org", "user@exa\tmple.org",
        "user\u{00A0}x@example.org",
        String(repeating: "a", count: 65) + "@example.org",
        "u@" + String(repeating: "d", count: 249) + ".org",
    ])
    func invalidAddresses_areRefused(_ text: String) {
        #expect(EmailAddress(text) == nil)
    }
}
