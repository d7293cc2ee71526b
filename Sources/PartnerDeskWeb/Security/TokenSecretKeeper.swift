import PartnerDeskServices
import Vapor

/// API token secrets: 32 random bytes as URL-safe base64 behind a `pdt_` prefix (so leaked tokens are easy
/// to spot in logs and code), stored as their SHA-256 hex digest.
public struct TokenSecretKeeper: SecretKeeper {
    public init() {}

    public func makeSecret() -> String {
        let bytes = [UInt8].random(count: 32)
        let text = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return "pdt_" + text
    }

    public func randomBytes(_ count: Int) -> [UInt8] {
        [UInt8].random(count: count)
    }

    public func hash(_ secret: String) -> String {
        SHA256Digester().sha256(Data(secret.utf8))
    }
}
