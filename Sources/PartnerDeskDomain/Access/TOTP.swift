import Foundation

/// Time-based one-time passwords (RFC 6238, HMAC-SHA1, 6 digits, 30-second steps), the second factor that
/// staff use with an authenticator app.
///
/// The HMAC is passed in so the domain stays free of cryptography libraries.
///
/// ```swift
/// TOTP.code(secret: secret, counter: TOTP.counter(at: now), hmac: hmacSHA1)      // "287082"
/// TOTP.match("287082", secret: secret, at: now, after: lastUsed, hmac: hmacSHA1) // the counter, or nil
/// ```
public enum TOTP {
    public static let period = 30
    public static let digits = 6

    /// The time step an instant falls in.
    public static func counter(at instant: Date) -> Int64 {
        Int64((instant.timeIntervalSince1970 / Double(period)).rounded(.down))
    }

    /// The code for a time step (RFC 4226 dynamic truncation).
    public static func code(secret: [UInt8], counter: Int64, hmac: ([UInt8], [UInt8]) -> [UInt8]) -> String {
        let message = (0..<8).reversed().map {
            UInt8(truncatingIfNeeded: UInt64(bitPattern: counter) >> (UInt64($0) * 8))
        }
        let digest = hmac(secret, message)
        guard digest.count >= 20 else { return "" }
        let offset = Int(digest[digest.count - 1] & 0x0F)
        let value =
            (UInt32(digest[offset] & 0x7F) << 24) | (UInt32(digest[offset + 1]) << 16)
            | (UInt32(digest[offset + 2]) << 8)
            | UInt32(digest[offset + 3])
        let code = value % 1_000_000
        let text = String(code)
        return String(repeating: "0", count: digits - text.count) + text
    }

    /// The time step a code matches, allowing one step of clock drift either way, and only steps after
    /// `lastUsed` so a code can never be used twice; `nil` when it does not match.
    public static func match(
        _ code: String, secret: [UInt8], at instant: Date, after lastUsed: Int64?, hmac: ([UInt8], [UInt8]) -> [UInt8]
    ) -> Int64? {
        let typed = code.filter(\.isNumber)
        guard typed.count == digits else { return nil }
        let now = counter(at: instant)
        for candidate in [now, now - 1, now + 1] where candidate > (lastUsed ?? Int64.min) {
            if self.code(secret: secret, counter: candidate, hmac: hmac) == typed { return candidate }
        }
        return nil
    }

    /// The `otpauth://` address an authenticator app reads (usually from a QR code, or typed in).
    public static func provisioningURI(secret: [UInt8], account: String, issuer: String = "PartnerDesk") -> String {
        var components = URLComponents()
        components.scheme = "otpauth"
        components.host = "totp"
        components.path = "/\(issuer):\(account)"
        components.queryItems = [
            URLQueryItem(name: "secret", value: Base32.encode(secret)), URLQueryItem(name: "issuer", value: issuer),
            URLQueryItem(name: "algorithm", value: "SHA1"), URLQueryItem(name: "digits", value: String(digits)),
            URLQueryItem(name: "period", value: String(period)),
        ]
        return components.string ?? ""
    }
}

/// RFC 4648 base 32 without padding, the form authenticator apps expect secrets in.
public enum Base32 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[Int((buffer >> UInt32(bits - 5)) & 31)])
                bits -= 5
            }
        }
        if bits > 0 { output.append(alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes, ignoring spaces, hyphens, case and padding; `nil` for any other character.
    public static func decode(_ text: String) -> [UInt8]? {
        var output: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for scalar in text.uppercased().unicodeScalars where !" -=".unicodeScalars.contains(scalar) {
            guard let index = alphabet.firstIndex(of: UInt8(truncatingIfNeeded: scalar.value)), scalar.isASCII else {
                return nil
            }
            buffer = (buffer << 5) | UInt32(index)
            bits += 5
            if bits >= 8 {
                output.append(UInt8((buffer >> UInt32(bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return output
    }
}
