import Foundation
import PartnerDeskDomain

/// Issues, checks and revokes API tokens. A token's secret is returned once, at creation, and only its hash
/// is stored, so a copy of the database gives nobody a usable token.
public struct TokenService: Sendable {
    let store: any UnitOfWork
    let ids: any IDGenerator
    let clock: any Clock
    let secrets: any SecretKeeper
    let audit: AuditService
    /// Tokens as recently read, by the hash of their secret: every API request presents one.
    let recent: RecentReads<String, APIToken>
    /// Partners as recently read, to refuse an offboarded partner's tokens.
    let partners: PartnerCache

    /// How long a token read from the database is trusted. A revocation through this server takes effect
    /// at once; one made on another server or from the command line, within this time. Expiry is always
    /// checked against the current time.
    public static let cacheLifetime: TimeInterval = 5

    public init(
        store: any UnitOfWork, ids: any IDGenerator, clock: any Clock, secrets: any SecretKeeper, audit: AuditService,
        partners: PartnerCache
    ) {
        self.store = store
        self.ids = ids
        self.clock = clock
        self.secrets = secrets
        self.audit = audit
        self.recent = RecentReads(clock: clock, lifetime: Self.cacheLifetime)
        self.partners = partners
    }

    /// A newly created token and its secret, which is never shown again.
    public struct IssuedToken: Sendable {
        public var token: APIToken
        public var secret: String
    }

    /// Creates a token for a partner's system (acting as that partner's reporter) when `partnerCode` is
    /// given, otherwise for a staff role.
    public func create(
        name: String, partnerCode: PartnerCode?, role: Role?, scope: TokenScope = .write, expiresAt: Date? = nil,
        by actor: Principal? = nil
    ) async throws -> IssuedToken {
        var check = ValidationCollector()
        let label = check.requiredText("name", name, label: "token name", maxLength: 100)
        let now = clock.now()
        if let expiresAt, expiresAt <= now {
            check.add("expiresAt", "in_past", "The expiry must be in the future.")
        }
        let effectiveRole = role ?? (partnerCode == nil ? nil : .partnerReporter)
        if effectiveRole == nil {
            check.add("role", "required", "Give a partner code for a partner's system, or a staff role.")
        } else if let effectiveRole, effectiveRole.isPartnerRole != (partnerCode != nil) {
            check.add(
                "role", "mismatch", "Partner roles need a partner code; staff roles must not have one."
            )
        }
        try check.finish()
        guard let label, let effectiveRole else { throw ValidationFailure(check.issues) }
        let secret = secrets.makeSecret()
        let hash = secrets.hash(secret)
        let id = APIToken.ID(ids.make())
        let token = try await store.transaction { repositories in
            var partnerID: Partner.ID?
            if let partnerCode {
                guard let partner = try await repositories.partners.find(code: partnerCode) else {
                    throw ValidationFailure([
                        ValidationIssue(
                            field: "partner", code: "unknown_value", message: "No partner has the code \(partnerCode).")
                    ])
                }
                partnerID = partner.id
            }
            let token = APIToken(
                id: id, name: label, role: effectiveRole, partnerID: partnerID, scope: scope, createdAt: now,
                expiresAt: expiresAt
            )
            try await repositories.tokens.create(token, secretHash: hash)
            try await audit.append(
                AuditRecord(
                    principal: actor, action: "token.create", outcome: .succeeded, target: token.id.description,
                    detail: "\(effectiveRole.rawValue), \(scope.rawValue): \(label)"
                ).about(nil, token),
                in: repositories
            )
            return token
        }
        return IssuedToken(token: token, secret: secret)
    }

    /// The identity behind a presented secret, or `nil` when it is unknown, revoked or expired. A token of an
    /// offboarded partner throws ``ServiceError/partnerOffboarded``.
    ///
    /// Records the use, to the minute: a busy partner system would otherwise add a write to every request.
    public func authenticate(_ secret: String) async throws -> Principal? {
        let now = clock.now()
        let hash = secrets.hash(secret)
        let store = self.store
        guard
            let token = try await recent.value(
                for: hash, load: { try await store.repositories.tokens.find(secretHash: hash) }),
            token.isUsable(at: now)
        else { return nil }
        if let partnerID = token.partnerID {
            let partner = try await partners.value(for: partnerID) {
                try await store.repositories.partners.find(id: partnerID)
            }
            guard partner?.status.mayUsePartnerDesk ?? false else { throw ServiceError.partnerOffboarded }
        }
        if token.lastUsedAt.map({ now.timeIntervalSince($0) >= 60 }) ?? true {
            try await store.transaction { try await $0.tokens.touch(token.id, at: now) }
            recent.update(hash) { $0.lastUsedAt = now }
        }
        return token.principal
    }

    /// Every token, or one partner's.
    public func list(partnerCode: PartnerCode? = nil) async throws -> [APIToken] {
        var partnerID: Partner.ID?
        if let partnerCode {
            guard let partner = try await store.repositories.partners.find(code: partnerCode) else { return [] }
            partnerID = partner.id
        }
        return try await store.repositories.tokens.list(partnerID: partnerID)
    }

    /// Revokes a token; revoking twice changes nothing. With an actor, the token must be one they manage:
    /// a partner administrator's own organisation's, or any for an administrator (others answer as missing).
    public func revoke(_ id: APIToken.ID, by actor: Principal? = nil) async throws {
        let now = clock.now()
        try await store.transaction { repositories in
            let found = try await repositories.tokens.find(id: id)
            if let actor { _ = try Authorization.require(actor, .manageTokens, on: found) }
            guard let found else { throw ServiceError.notFound }
            try await repositories.tokens.revoke(id, at: now)
            var revoked = found
            revoked.revokedAt = found.revokedAt ?? now
            try await audit.append(
                AuditRecord(principal: actor, action: "token.revoke", outcome: .succeeded, target: id.description)
                    .about(found, revoked),
                in: repositories
            )
        }
        recent.forget { $0.id == id }
    }

    /// The tokens a caller manages: a partner administrator sees their organisation's, an administrator all.
    public func list(as actor: Principal) async throws -> [APIToken] {
        try Authorization.require(actor, .manageTokens)
        return try await store.repositories.tokens.list(partnerID: actor.role.isPartnerRole ? actor.partnerID : nil)
    }

    /// Issues a token on behalf of a caller: a partner administrator gets one for their organisation's
    /// systems; an administrator names the partner (or a staff role).
    public func create(
        name: String, scope: TokenScope, expiresAt: Date?, partnerCode: PartnerCode?, role: Role?, as actor: Principal
    ) async throws -> IssuedToken {
        try Authorization.require(actor, .manageTokens)
        if actor.role.isPartnerRole {
            guard let partnerID = actor.partnerID,
                let partner = try await store.repositories.partners.find(id: partnerID)
            else {
                throw ServiceError.forbidden
            }
            return try await create(
                name: name, partnerCode: partner.code, role: .partnerReporter, scope: scope, expiresAt: expiresAt,
                by: actor
            )
        }
        return try await create(
            name: name, partnerCode: partnerCode, role: role, scope: scope, expiresAt: expiresAt, by: actor)
    }
}
