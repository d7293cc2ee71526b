import PartnerDeskDomain
import Testing

@Suite struct SensitiveTextMaskerTests {
    let masker = SensitiveTextMasker(allowedEmailAddresses: ["User@Example.org"])

    func masked(_ text: String) -> MaskedText {
        masker.mask(text, field: "description")
    }

    @Test(arguments: [
        (
            "key -----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY----- end",
            TextMasking.Kind.privateKey,
            "key [private key removed] end"
        ),
        ("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA", .privateKey, "[private key removed]"),
        (
            "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl sent", .jsonWebToken,
            "token [token removed] sent"
        ),
        ("key AKIAIOSFODNN7EXAMPLE in config", .accessKey, "key [access key removed] in config"),
        ("AIzaSyA1234567890abcdefghijklmnopqrstuv works", .accessKey, "[access key removed] works"),
        ("ghp_abcdefghijklmnopqrstuvwxyz0123456789 leaked", .accessKey, "[access key removed] leaked"),
        ("use pdt_a1B2c3D4e5F6g7H8i9J0k1L2m3N4 here", .accessKey, "use [access key removed] here"),
        ("client_secret=s3cr3t-Value-123 was sent", .secret, "client_secret=[secret removed] was sent"),
        ("\"password\": \"hunter2hunter2\"", .secret, "\"password\": \"[secret removed]\""),
        ("Authorization: Bearer abcdefghijklmnop0123456789", .secret, "Authorization: Bearer [secret removed]"),
        ("Ask jane.doe@nhs.example.net about it", .emailAddress, "Ask [e-mail address removed] about it"),
        ("Call her on 07700 900123 today", .phoneNumber, "Call her on [phone number removed] today"),
        ("or +44 (0)20 7946 0123.", .phoneNumber, "or [phone number removed]."),
        ("lives at LS1 4AP now", .postcode, "lives at [postcode removed] now"),
        ("NI AB 12 34 56 C given", .nationalInsuranceNumber, "NI [National Insurance number removed] given"),
    ])
    func sensitiveData_isMaskedWithAVisibleMarker(_ text: String, _ kind: TextMasking.Kind, _ expected: String) {
        let result = masked(text)
        #expect(result.text == expected)
        #expect(result.maskings == [TextMasking(field: "description", kind: kind, count: 1)])
    }

    @Test func theUsersOwnAddress_staysInAnyCase() {
        #expect(masked("Reported by user@example.ORG").maskings.isEmpty)
    }

    @Test func severalFindings_areCountedPerKind_andExplained() throws {
        let result = masked("Mail a@b.example and c@d.example, phone 0113 496 0000")
        #expect(
            result.text == "Mail [e-mail address removed] and [e-mail address removed], phone [phone number removed]")
        #expect(result.maskings.map(\.count) == [2, 1])
        let message = try #require(result.maskings.first).message
        #expect(message.starts(with: "We removed 2 e-mail addresses from description"))
        #expect(try #require(result.maskings.last).message.starts(with: "We removed a phone number"))
    }

    @Test(arguments: [
        "The sign-in page loops after the security code on iOS 17.4.1, error P0042, build 4.12.0-rc.3.",
        "Password reset e-mails arrive late; the secret question page is blank; token expired twice.",
        "Timestamp 1764590000 and order number 0123456789 in invoice 2026-11-26.",
        "Request 5B073F9B-5B2E-4CDE-AAB7-5E58D2A15858 from 192.168.1.100 took 300 ms.",
        "Version 2026.11.3 of the SDK, client id wellpath-gp-appointments, HTTP 401.",
        "A [secret removed] marker typed by hand stays as it is: password: [secret removed]",
    ])
    func ordinaryText_isUntouched(_ text: String) {
        let result = masked(text)
        #expect(result.text == text)
        #expect(result.maskings.isEmpty)
    }
}
