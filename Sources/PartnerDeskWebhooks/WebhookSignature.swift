import Crypto
import Foundation

/// The `PartnerDesk-Signature` header that lets a partner check a webhook came from PartnerDesk and was not
/// changed or replayed later.
///
/// The header reads `t=<unix seconds>,v1=<hex>[,v1=<hex>…]`: one `v1` per secret valid for the endpoint (two
/// while a secret is being rotated). Each `v1` is the lower-case hex HMAC-SHA256 of `"<t>."` followed by the
/// raw body bytes, keyed with the secret's UTF-8 bytes. A receiver recomputes it with its secret and accepts
/// the request when one `v1` matches and `t` is within the tolerance of its own clock.
///
/// ```swift
/// let header = WebhookSignature.sign(body: body, secrets: ["whsec_new", "whsec_old"], at: now)
/// WebhookSignature.verify(header: header, body: body, secret: "whsec_old", now: now)  // true
/// ```
public enum WebhookSignature {
    /// The header's name.
    public static let headerName = "PartnerDesk-Signature"
    /// The scheme tag of the signatures this version writes.
    public static let schemeTag = "v1"
    /// How far a receiver's clock may be from the signing time by default: 5 minutes either way.
    public static let defaultTolerance: TimeInterval = 300

    /// The header value for a body signed at an instant, with one `v1` per non-empty secret, in the order
    /// given. The instant is truncated to whole seconds.
    public static func sign(body: Data, secrets: [String], at date: Date) -> String {
        let timestamp = unixSeconds(date)
        let signatures = secrets.filter { !$0.isEmpty }.map { secret in
            "\(schemeTag)=" + hex(code(timestamp: timestamp, body: body, secret: secret))
        }
        return (["t=\(timestamp)"] + signatures).joined(separator: ",")
    }

    /// Whether the header carries a `v1` signature of the body made with the secret, at a time no further
    /// than `tolerance` seconds from `now` in either direction. Signatures are compared in constant time;
    /// a malformed header, an empty secret or several `t` values are rejected.
    public static func verify(
        header: String, body: Data, secret: String, now: Date, tolerance: TimeInterval = defaultTolerance
    ) -> Bool {
        guard !secret.isEmpty, let parsed = parse(header) else { return false }
        guard abs(now.timeIntervalSince1970 - Double(parsed.timestamp)) <= tolerance else { return false }
        let key = SymmetricKey(data: Data(secret.utf8))
        let message = signedMessage(timestamp: parsed.timestamp, body: body)
        var matched = false
        for signature in parsed.signatures {
            // Every candidate is checked, so the time taken does not tell which one matched.
            if HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: message, using: key) {
                matched = true
            }
        }
        return matched
    }

    private static func parse(_ header: String) -> (timestamp: Int64, signatures: [Data])? {
        var timestamp: Int64?
        var signatures: [Data] = []
        for item in header.split(separator: ",") {
            let pair = item.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { return nil }
            switch pair[0] {
            case "t":
                guard timestamp == nil, (1...18).contains(pair[1].count),
                    pair[1].allSatisfy({ $0.isASCII && $0.isWholeNumber })
                else { return nil }
                timestamp = Int64(pair[1])
            case Substring(schemeTag):
                if let bytes = bytes(fromHex: pair[1]), bytes.count == SHA256.byteCount {
                    signatures.append(bytes)
                }
            default:
                continue  // Later schemes sit beside v1; receivers ignore what they do not know.
            }
        }
        guard let timestamp, !signatures.isEmpty else { return nil }
        return (timestamp, signatures)
    }

    private static func unixSeconds(_ date: Date) -> Int64 {
        Int64(date.timeIntervalSince1970.rounded(.down))
    }

    private static func signedMessage(timestamp: Int64, body: Data) -> Data {
        Data("\(timestamp).".utf8) + body
    }

    private static func code(timestamp: Int64, body: Data, secret: String) -> HashedAuthenticationCode<SHA256> {
        HMAC<SHA256>.authenticationCode(
            for: signedMessage(timestamp: timestamp, body: body), using: SymmetricKey(data: Data(secret.utf8))
        )
    }

    private static func hex(_ code: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in code {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func bytes(fromHex text: Substring) -> Data? {
        let utf8 = Array(text.utf8)
        guard utf8.count.isMultiple(of: 2) else { return nil }
        var bytes = Data(capacity: utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
