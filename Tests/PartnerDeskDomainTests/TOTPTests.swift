import Crypto
import Foundation
import PartnerDeskDomain
import Testing

@Suite struct TOTPTests {
    static func hmac(_ key: [UInt8], _ message: [UInt8]) -> [UInt8] {
        Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: key)))
    }

    static let secret = Array("12345678901234567890".utf8)

    /// RFC 6238 appendix B, SHA-1, last six digits.
    @Test(arguments: [
        (59, "287082"), (1_111_111_109, "081804"), (1_111_111_111, "050471"), (1_234_567_890, "005924"),
        (2_000_000_000, "279037"), (20_000_000_000, "353130"),
    ])
    func codes_matchTheRFCTestVectors(_ time: Int, _ expected: String) {
        let counter = TOTP.counter(at: Date(timeIntervalSince1970: Double(time)))
        #expect(TOTP.code(secret: Self.secret, counter: counter, hmac: Self.hmac) == expected)
    }

    @Test func match_allowsOneStepOfDrift_andNeverTheSameStepTwice() {
        let now = Date(timeIntervalSince1970: 1_111_111_111)
        let step = TOTP.counter(at: now)
        let previous = TOTP.code(secret: Self.secret, counter: step - 1, hmac: Self.hmac)
        #expect(TOTP.match(previous, secret: Self.secret, at: now, after: nil, hmac: Self.hmac) == step - 1)
        #expect(TOTP.match(previous, secret: Self.secret, at: now, after: step - 1, hmac: Self.hmac) == nil)
        let old = TOTP.code(secret: Self.secret, counter: step - 3, hmac: Self.hmac)
        #expect(TOTP.match(old, secret: Self.secret, at: now, after: nil, hmac: Self.hmac) == nil)
        #expect(TOTP.match("12345", secret: Self.secret, at: now, after: nil, hmac: Self.hmac) == nil)
    }

    @Test func base32_roundTrips_andReadsWhatPeopleType() {
        #expect(Base32.encode(Array("foobar".utf8)) == "MZXW6YTBOI")
        #expect(Base32.decode("mzxw 6ytb-oi==") == Array("foobar".utf8))
        #expect(Base32.decode("MZXW1") == nil)
        let bytes: [UInt8] = (0..<20).map { UInt8($0 * 13 % 256) }
        #expect(Base32.decode(Base32.encode(bytes)) == bytes)
    }

    @Test func provisioningURI_carriesTheSecretAndIssuer() {
        let uri = TOTP.provisioningURI(secret: Array("foobar".utf8), account: "fiona@example.org")
        #expect(uri.hasPrefix("otpauth://totp/PartnerDesk:fiona@example.org?"))
        #expect(uri.contains("secret=MZXW6YTBOI") && uri.contains("issuer=PartnerDesk"))
    }
}
