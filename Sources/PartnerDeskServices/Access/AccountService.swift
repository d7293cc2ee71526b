import Foundation
import PartnerDeskDomain

/// People and their sign-in: adding and disabling users, one-time links to set a password, signing in
/// with throttling of failures, and browser sessions.
public struct AccountService: Sendable {
    let store: any UnitOfWork
    let ids: any IDGenerator
    let clock: any Clock
    let hasher: any PasswordHasher
    let secrets: any SecretKeeper
    let audit: AuditService
    let digester: any ContentDigester
    /// Partners as recently read: an offboarded partner's people may not sign in or keep a session.
    let partners: PartnerCache
    /// The address people use, for the links in invitation e-mails.
    let publicURL: String
    /// Whether staff must use an authenticator app to sign in.
    public let requireStaffSecondFactor: Bool
    public let throttle: SignInThrottle
    public let sessionPolicy: SessionPolicy
    /// How long invitation and reset links work.
    public let linkLifetime: TimeInterval = 72 * 3600
    /// A hash of a random password, checked against when an account does not exist, so the time a refusal
    /// takes does not reveal which addresses have accounts.
    let decoyHash: String

    public init(
        store: any UnitOfWork, ids: any IDGenerator, clock: any Clock, hasher: any PasswordHasher,
        secrets: any SecretKeeper, audit: AuditService, digester: any ContentDigester, partners: PartnerCache,
        publicURL: String = "http://127.0.0.1:8080", requireStaffSecondFactor: Bool = false,
        throttle: SignInThrottle = SignInThrottle(),
        sessionPolicy: SessionPolicy = SessionPolicy()
    ) {
        self.digester = digester
        self.partners = partners
        self.publicURL = publicURL
        self.requireStaffSecondFactor = requireStaffSecondFactor
        self.store = store
        self.ids = ids
        self.clock = clock
        self.hasher = hasher
        self.secrets = secrets
        self.audit = audit
        self.throttle = throttle
        self.sessionPolicy = sessionPolicy
        self.decoyHash = (try? hasher.hash("decoy " + secrets.makeSecret())) ?? ""
    }

    /// The address of the page where a one-time link's secret lets a person choose their password.
    public static func passwordLink(publicURL: String, secret: String) -> String {
        "\(publicURL)/account/password?token=\(secret)"
    }

    /// A user just added, with the one-time link that lets them choose a password.
    public struct Invitation: Sendable {
        public var user: User
        public var linkSecret: String
        public var expiresAt: Date
    }

    /// Adds a user with no usable password and returns their invitation link's secret.
    public func add(
        email: String, name: String, role: Role, partnerCode: PartnerCode?, by actor: Principal? = nil
    ) async throws -> Invitation {
        var check = ValidationCollector()
        let address = EmailAddress(email)
        if address == nil { check.add("email", "invalid_format", "Enter an e-mail address like name@example.org.") }
        let displayName = check.requiredText("name", name, label: "name", maxLength: 200)
        if role.isPartnerRole != (partnerCode != nil) {
            check.add("partner", "mismatch", "Partner roles need a partner code; staff roles must not have one.")
        }
        try check.finish()
        guard let address, let displayName else { throw ValidationFailure(check.issues) }
        let now = clock.now()
        let secret = secrets.makeSecret()
        let expiresAt = now.addingTimeInterval(linkLifetime)
        let linkHash = secrets.hash(secret)
        let user = try await store.transaction { repositories in
            var partnerID: Partner.ID?
            if let partnerCode {
                guard let partner = try await repositories.partners.find(code: partnerCode) else {
                    throw ValidationFailure([
                        .init(
                            field: "partner", code: "unknown_value", message: "No partner has the code \(partnerCode).")
                    ])
                }
                partnerID = partner.id
            }
            guard try await repositories.users.find(email: address) == nil else {
                throw ValidationFailure([
                    .init(field: "email", code: "taken", message: "A user with this e-mail address already exists.")
                ])
            }
            return try await makeAccount(
                address, name: displayName, role: role, partnerID: partnerID, linkHash: linkHash, expiresAt: expiresAt,
                by: actor, in: repositories)
        }
        return Invitation(user: user, linkSecret: secret, expiresAt: expiresAt)
    }

    /// Stores a new account with no usable password and the one-time link to choose one, with its audit entry,
    /// inside the caller's transaction.
    func makeAccount(
        _ address: EmailAddress, name: String, role: Role, partnerID: Partner.ID?, linkHash: String, expiresAt: Date,
        by actor: Principal?, in repositories: any Repositories
    ) async throws -> User {
        let user = try User(id: .init(ids.make()), email: address, displayName: name, role: role, partnerID: partnerID)
        try await repositories.users.create(
            StoredUser(user: user, passwordHash: "!disabled:" + secrets.makeSecret()))
        try await repositories.sessions.create(
            OneTimeLink(secretHash: linkHash, userID: user.id, purpose: .invitation, expiresAt: expiresAt))
        try await audit.append(
            AuditRecord(
                principal: actor, action: "user.add", outcome: .succeeded, target: address.value, detail: role.rawValue
            ).about(nil, user),
            in: repositories)
        return user
    }

    /// A password-reset link for an existing user.
    public func resetLink(email: String) async throws -> (secret: String, expiresAt: Date) {
        guard let address = EmailAddress(email), let stored = try await store.repositories.users.find(email: address)
        else {
            throw ServiceError.notFound
        }
        let secret = secrets.makeSecret()
        let expiresAt = clock.now().addingTimeInterval(linkLifetime)
        let link = OneTimeLink(
            secretHash: secrets.hash(secret), userID: stored.user.id, purpose: .passwordReset, expiresAt: expiresAt)
        let audit = self.audit
        try await store.transaction { repositories in
            try await repositories.sessions.create(link)
            try await audit.append(
                AuditRecord(principal: nil, action: "user.reset_link", outcome: .succeeded, target: address.value)
                    .about(
                        stored.user.auditSubject,
                        changes: [
                            FieldChange(
                                field: "resetLink", before: nil,
                                after: "issued, until \(ISO8601Instant.string(from: expiresAt))")
                        ]),
                in: repositories)
        }
        return (secret, expiresAt)
    }

    /// Sets a password through a one-time link: the link must be unused and unexpired, the password must
    /// satisfy ``PasswordPolicy``; every existing session of the user ends. A partner administrator's invitation
    /// link makes the account now, once, unless the address has meanwhile got one.
    public func setPassword(linkSecret: String, password: String) async throws {
        let now = clock.now()
        let hash = secrets.hash(linkSecret)
        let expired = ValidationFailure([
            .init(
                field: "token", code: "expired",
                message: "This link has expired or was already used. Ask for a new one.")
        ])
        let repositories = store.repositories
        guard let link = try await repositories.sessions.findLink(secretHash: hash) else {
            guard let invitation = try await repositories.users.invitation(linkHash: hash),
                invitation.isPending(at: now)
            else { throw expired }
            try await accept(invitation, password: password, at: now, orElse: expired)
            return
        }
        guard link.isUsable(at: now), var stored = try await repositories.users.find(id: link.userID) else {
            throw expired
        }
        let problems = PasswordPolicy.problems(with: password, email: stored.user.email)
        if !problems.isEmpty { throw ValidationFailure(problems) }
        stored.passwordHash = try hasher.hash(password)
        let updated = stored
        try await store.transaction { repositories in
            try await repositories.sessions.markUsed(secretHash: hash, at: now)
            try await repositories.users.update(updated)
            try await repositories.sessions.revokeAll(userID: updated.user.id, at: now)
            try await audit.append(
                AuditRecord(
                    principal: Self.principal(for: updated.user), action: "user.password_set", outcome: .succeeded,
                    target: updated.user.email.value
                ).about(
                    updated.user.auditSubject,
                    changes: [FieldChange(field: "password", before: nil, after: "set through a one-time link")]),
                in: repositories)
        }
    }

    /// Accepts a partner administrator's invitation: makes the account with the chosen password, in the
    /// invitation's partner and role, and marks the invitation accepted.
    private func accept(
        _ invitation: PendingInvitation, password: String, at now: Date, orElse expired: ValidationFailure
    ) async throws {
        let problems = PasswordPolicy.problems(with: password, email: invitation.email)
        if !problems.isEmpty { throw ValidationFailure(problems) }
        let user = try User(
            id: .init(ids.make()), email: invitation.email, displayName: invitation.name, role: invitation.role,
            partnerID: invitation.partnerID)
        let stored = StoredUser(user: user, passwordHash: try hasher.hash(password))
        try await store.transaction { repositories in
            // Accepted once; and an address that got an account meanwhile keeps it.
            guard try await repositories.users.invitation(linkHash: invitation.linkHash)?.acceptedAt == nil,
                try await repositories.users.find(email: invitation.email) == nil
            else { throw expired }
            try await repositories.users.create(stored)
            try await repositories.users.acceptInvitation(invitation.id, userID: user.id, at: now)
            var accepted = invitation
            (accepted.userID, accepted.acceptedAt) = (user.id, now)
            let principal = Self.principal(for: user)
            try await audit.append(
                .change("user.add", by: principal, from: nil, to: user, target: user.email.value), in: repositories)
            try await audit.append(
                .change("user.invitation_accepted", by: principal, from: invitation, to: accepted),
                in: repositories)
        }
    }

    /// Stops a user from signing in and ends their sessions.
    public func disable(email: String, by actor: Principal? = nil) async throws {
        let now = clock.now()
        guard let address = EmailAddress(email) else { throw ServiceError.notFound }
        try await store.transaction { repositories in
            guard var stored = try await repositories.users.find(email: address) else { throw ServiceError.notFound }
            let before = stored.user
            stored.user.isActive = false
            try await repositories.users.update(stored)
            try await repositories.sessions.revokeAll(userID: stored.user.id, at: now)
            try await audit.append(
                AuditRecord(principal: actor, action: "user.disable", outcome: .succeeded, target: address.value)
                    .about(before, stored.user),
                in: repositories
            )
        }
    }

    /// Every user, or one partner's.
    public func list(partnerCode: PartnerCode? = nil) async throws -> [User] {
        var partnerID: Partner.ID?
        if let partnerCode {
            guard let partner = try await store.repositories.partners.find(code: partnerCode) else { return [] }
            partnerID = partner.id
        }
        return try await store.repositories.users.list(partnerID: partnerID)
    }
}
