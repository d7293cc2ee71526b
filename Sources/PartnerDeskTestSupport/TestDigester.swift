import Foundation
import PartnerDeskServices

/// A content digest for tests: FNV-1a, 64 bits, in hexadecimal. Deterministic and cheap; not for security.
public struct TestDigester: ContentDigester {
    public init() {}

    public func sha256(_ data: Data) -> String {
        let value = data.reduce(UInt64(0xCBF2_9CE4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
        return String(value, radix: 16)
    }

    /// Not an HMAC: a keyed FNV-1a stretched to 20 bytes, enough for deterministic TOTP tests.
    public func hmacSHA1(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var value = (key + message).reduce(UInt64(0xCBF2_9CE4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
        return (0..<20).map { _ in
            value = (value ^ (value >> 29)) &* 0xBF58_476D_1CE4_E5B9
            return UInt8(truncatingIfNeeded: value >> 32)
        }
    }
}
