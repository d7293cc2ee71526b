import Foundation
import PartnerDeskDomain

/// Stores API tokens by the hash of their secret; the secret itself is never stored.
public protocol TokenRepository: Sendable {
    func create(_ token: APIToken, secretHash: String) async throws
    /// The token whose secret hashes to this value, if any.
    func find(secretHash: String) async throws -> APIToken?
    func find(id: APIToken.ID) async throws -> APIToken?
    /// Every token, or one partner's, newest first.
    func list(partnerID: Partner.ID?) async throws -> [APIToken]
    /// Marks a token revoked at an instant.
    func revoke(_ id: APIToken.ID, at instant: Date) async throws
    /// Records that the token was used.
    func touch(_ id: APIToken.ID, at instant: Date) async throws
}

/// Hashes token secrets for storage and lookup (SHA-256 in production), and makes new secrets.
public protocol SecretKeeper: Sendable {
    /// A new random secret, safe to show once.
    func makeSecret() -> String
    /// A one-way hash of a secret, the same every time for the same secret.
    func hash(_ secret: String) -> String
    /// Random bytes for keys (authenticator secrets).
    func randomBytes(_ count: Int) -> [UInt8]
}
