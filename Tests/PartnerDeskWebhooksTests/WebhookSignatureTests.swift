import Crypto
import Foundation
import PartnerDeskWebhooks
import Testing

@Suite struct WebhookSignatureTests {
    private let body = Data(#"{"id":"4f0c6a52-8b7e-4d0c-9a57-2b8f0c1e9d11","event":"incident.received"}"#.utf8)
    private let signedAt = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func sign_matchesAKnownAnswer() {
        // Computed outside Swift: Python's hmac.new(b"whsec_current", b"1800000000." + body, hashlib.sha256).
        let header = WebhookSignature.sign(body: body, secrets: ["whsec_current"], at: signedAt)
        #expect(header == "t=1800000000,v1=4d6d2c3b42fb947686b25bcd5bcda477015ff050a1df1fe07a207cadddea8f0a")
    }

    @Test func sign_isTheHMACOfTimestampDotBody() {
        let header = WebhookSignature.sign(body: body, secrets: ["whsec_previous"], at: signedAt)
        let code = HMAC<SHA256>.authenticationCode(
            for: Data("1800000000.".utf8) + body, using: SymmetricKey(data: Data("whsec_previous".utf8))
        )
        let hex = code.map { String(format: "%02x", $0) }.joined()
        #expect(header == "t=1800000000,v1=\(hex)")
        #expect(hex == "e750a5cc3e1a494143fece9e7309dccab4c88cf4df194fa42697c7a96e45dbbc")
    }

    @Test func sign_writesOneSignaturePerSecretInOrderAndSkipsEmptySecrets() {
        let header = WebhookSignature.sign(body: body, secrets: ["whsec_current", "", "whsec_previous"], at: signedAt)
        #expect(
            header == "t=1800000000,"
                + "v1=4d6d2c3b42fb947686b25bcd5bcda477015ff050a1df1fe07a207cadddea8f0a,"
                + "v1=e750a5cc3e1a494143fece9e7309dccab4c88cf4df194fa42697c7a96e45dbbc"
        )
    }

    @Test func sign_truncatesTheTimeToWholeSeconds() {
        let header = WebhookSignature.sign(body: body, secrets: ["s"], at: signedAt.addingTimeInterval(0.999))
        #expect(header.hasPrefix("t=1800000000,"))
    }

    @Test func verify_acceptsEachSecretDuringARotationAndRefusesOthers() {
        let header = WebhookSignature.sign(body: body, secrets: ["whsec_new", "whsec_old"], at: signedAt)
        #expect(WebhookSignature.verify(header: header, body: body, secret: "whsec_new", now: signedAt))
        #expect(WebhookSignature.verify(header: header, body: body, secret: "whsec_old", now: signedAt))
        #expect(!WebhookSignature.verify(header: header, body: body, secret: "whsec_other", now: signedAt))
        #expect(!WebhookSignature.verify(header: header, body: body, secret: "", now: signedAt))
    }

    @Test func verify_refusesATamperedBody() {
        let header = WebhookSignature.sign(body: body, secrets: ["whsec_current"], at: signedAt)
        var tampered = body
        tampered[tampered.startIndex + 8] ^= 0x01
        #expect(!WebhookSignature.verify(header: header, body: tampered, secret: "whsec_current", now: signedAt))
        #expect(
            !WebhookSignature.verify(
                header: header, body: body + Data(" ".utf8), secret: "whsec_current", now: signedAt))
    }

    @Test func verify_refusesAChangedTimestamp() {
        let header = WebhookSignature.sign(body: body, secrets: ["whsec_current"], at: signedAt)
        let moved = header.replacingOccurrences(of: "t=1800000000", with: "t=1800000001")
        #expect(!WebhookSignature.verify(header: moved, body: body, secret: "whsec_current", now: signedAt))
    }

    @Test(arguments: [
        (0.0, true), (300.0, true), (-300.0, true), (300.5, false), (301.0, false), (-301.0, false), (86_400.0, false),
    ])
    func verify_acceptsOnlyWithinFiveMinutesEitherWay(offset: TimeInterval, accepted: Bool) {
        let header = WebhookSignature.sign(body: body, secrets: ["whsec_current"], at: signedAt)
        let now = signedAt.addingTimeInterval(offset)
        #expect(WebhookSignature.verify(header: header, body: body, secret: "whsec_current", now: now) == accepted)
    }

    @Test func verify_honoursAGivenTolerance() {
        let header = WebhookSignature.sign(body: body, secrets: ["whsec_current"], at: signedAt)
        let later = signedAt.addingTimeInterval(60)
        #expect(
            !WebhookSignature.verify(header: header, body: body, secret: "whsec_current", now: later, tolerance: 30))
        #expect(WebhookSignature.verify(header: header, body: body, secret: "whsec_current", now: later, tolerance: 60))
    }

    @Test func verify_readsUpperCaseHexSpacesAndUnknownSchemes() {
        let header = WebhookSignature.sign(body: body, secrets: ["whsec_current"], at: signedAt)
        let loose = header.uppercased().replacingOccurrences(of: "T=", with: "t=").replacingOccurrences(
            of: "V1=", with: "v1="
        )
        .replacingOccurrences(of: ",", with: ", v0=abc, ")
        #expect(WebhookSignature.verify(header: loose, body: body, secret: "whsec_current", now: signedAt))
    }

    @Test(arguments: [
        "",
        "t=1800000000",
        "v1=4d6d2c3b42fb947686b25bcd5bcda477015ff050a1df1fe07a207cadddea8f0a",
        "t=abc,v1=4d6d2c3b42fb947686b25bcd5bcda477015ff050a1df1fe07a207cadddea8f0a",
        "t=-1800000000,v1=4d6d2c3b42fb947686b25bcd5bcda477015ff050a1df1fe07a207cadddea8f0a",
        "t=1800000000,t=1800000000,v1=4d6d2c3b42fb947686b25bcd5bcda477015ff050a1df1fe07a207cadddea8f0a",
        "t=1800000000,v1=4d6d2c3b42fb947686b25bcd5bcda477015ff050a1df1fe07a207cadddea8f",
        "t=1800000000,v1=zz6d2c3b42fb947686b25bcd5bcda477015ff050a1df1fe07a207cadddea8f0a",
        "t=1800000000;v1=4d6d2c3b42fb947686b25bcd5bcda477015ff050a1df1fe07a207cadddea8f0a",
        "t=1800000000,v1",
    ])
    func verify_refusesMalformedHeaders(header: String) {
        #expect(!WebhookSignature.verify(header: header, body: body, secret: "whsec_current", now: signedAt))
    }
}
