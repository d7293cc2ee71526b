import Testing

@testable import PartnerDeskMail

/// Reading the extensions out of an EHLO reply.
@Suite struct SMTPCapabilitiesTests {
    @Test func keywordsAndAuthMechanisms_areRead_inBothAuthForms() {
        let reply = SMTPReply(
            code: 250,
            lines: [
                "mail.example.net Hello desk", "SIZE 35882577", "starttls", "AUTH LOGIN plain", "AUTH=XOAUTH2",
                "SMTPUTF8",
            ])
        let capabilities = SMTPCapabilities(ehloReply: reply)
        #expect(capabilities.keywords == ["SIZE", "STARTTLS", "AUTH", "SMTPUTF8"])
        #expect(capabilities.authMechanisms == ["LOGIN", "PLAIN", "XOAUTH2"])
        #expect(capabilities.supportsSTARTTLS)
        #expect(capabilities.supportsSMTPUTF8)
    }

    @Test func theGreetingLine_isNotACapability() {
        let capabilities = SMTPCapabilities(ehloReply: SMTPReply(code: 250, lines: ["STARTTLS"]))
        #expect(!capabilities.supportsSTARTTLS)
    }

    @Test func summary_joinsTheLines() {
        #expect(SMTPReply(code: 550, lines: ["5.1.1 no such user"]).summary == "550 5.1.1 no such user")
        #expect(SMTPReply(code: 421, lines: ["closing", "  "]).summary == "421 closing")
        #expect(SMTPReply(code: 250, lines: [""]).summary == "250")
    }
}
