import PartnerDeskServices
import Vapor

/// SHA-256 content hashes, in lower-case hexadecimal.
public struct SHA256Digester: ContentDigester {
    public init() {}

    public func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).hex
    }

    public func hmacSHA1(key: [UInt8], message: [UInt8]) -> [UInt8] {
        Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: key)))
    }
}
