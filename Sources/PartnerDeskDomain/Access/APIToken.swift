import Foundation

/// A credential for a partner's system or a member of staff to call the API.
///
/// The secret is shown once when the token is created and only its hash is kept. A token carries a role
/// (a partner's system acts as that partner's reporter), a scope, an optional expiry, and can be revoked.
public struct APIToken: Hashable, Sendable, Identifiable {
    public typealias ID = EntityID<APIToken>

    public var id: ID
    /// A label that says what uses the token ("Wellpath booking system").
    public var name: String
    public var role: Role
    public var partnerID: Partner.ID?
    public var scope: TokenScope
    public var createdAt: Date
    public var expiresAt: Date?
    public var revokedAt: Date?
    public var lastUsedAt: Date?

    public init(
        id: ID, name: String, role: Role, partnerID: Partner.ID?, scope: TokenScope, createdAt: Date,
        expiresAt: Date? = nil, revokedAt: Date? = nil, lastUsedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.partnerID = partnerID
        self.scope = scope
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
        self.lastUsedAt = lastUsedAt
    }

    /// Whether the token may be used at `instant`: not revoked and not expired.
    public func isUsable(at instant: Date) -> Bool {
        revokedAt == nil && (expiresAt.map { instant < $0 } ?? true)
    }

    /// The identity the token acts as.
    public var principal: Principal {
        Principal(credential: .token(id), displayName: name, role: role, partnerID: partnerID, scope: scope)
    }
}
