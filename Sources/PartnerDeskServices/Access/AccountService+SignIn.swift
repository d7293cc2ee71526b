import Foundation
import PartnerDeskDomain

extension AccountService {
    /// The result of a sign-in attempt. A refusal never says whether the account exists.
    public enum SignInOutcome: Sendable, Equatable {
        /// Signed in: the cookie secret (shown once) and the session's CSRF token.
        case signedIn(sessionSecret: String, csrfToken: String, user: User)
        /// The password was right; the authenticator code must follow on this (not yet usable) session.
        case needsCode(sessionSecret: String, csrfToken: String)
        /// Staff must use a second factor and this person has none set up yet.
        case secondFactorRequired
        /// The password was right, but the person's partner organisation is offboarded.
        case partnerOffboarded
        case refused
        /// Too many recent failures (see ``SignInThrottle``): try again after this many seconds.
        case throttled(retryAfter: Int)
    }

    /// Signs a person in with e-mail and password, from a client address.
    public func signIn(email: String, password: String, clientAddress: String, requestID: String?) async throws
        -> SignInOutcome
    {
        let now = clock.now()
        let normalised = EmailAddress(email)?.value ?? email.lowercased()
        let keys = AttemptKeys(account: normalised, address: clientAddress)
        if let wait = try await throttleWait(keys, now: now) {
            try await audit.record(
                AuditRecord(
                    principal: nil, action: "session.sign_in", outcome: .denied, target: normalised,
                    detail: "throttled", requestID: requestID)
            )
            return .throttled(retryAfter: wait)
        }
        var stored: StoredUser?
        if let address = EmailAddress(email) { stored = try await store.repositories.users.find(email: address) }
        // Hash something even for unknown accounts, so timing does not reveal which addresses exist.
        let matches = (try? hasher.verify(password, against: stored?.passwordHash ?? decoyHash)) ?? false
        guard let stored, stored.user.isActive, matches, !stored.passwordHash.hasPrefix("!") else {
            try await store.transaction { repositories in
                try await recordFailure(keys, at: now, in: repositories)
                try await audit.append(
                    AuditRecord(
                        principal: nil, action: "session.sign_in", outcome: .denied, target: normalised,
                        detail: "wrong e-mail or password", requestID: requestID),
                    in: repositories
                )
            }
            return .refused
        }
        guard try await mayUsePartnerDesk(stored.user) else {
            try await audit.record(
                AuditRecord(
                    principal: Self.principal(for: stored.user), action: "session.sign_in", outcome: .denied,
                    detail: "the partner is offboarded", requestID: requestID))
            return .partnerOffboarded
        }
        if stored.totpSecret == nil, requireStaffSecondFactor, !stored.user.role.isPartnerRole {
            return .secondFactorRequired
        }
        let secret = secrets.makeSecret()
        let csrf = secrets.makeSecret()
        let awaitingCode = stored.totpSecret != nil
        let session = SignInSession(
            secretHash: secrets.hash(secret), userID: stored.user.id, createdAt: now, lastSeenAt: now, csrfToken: csrf,
            awaitingSecondFactor: awaitingCode
        )
        let principal = Self.principal(for: stored.user)
        try await store.transaction { repositories in
            try await repositories.sessions.create(session)
            if !awaitingCode {
                try await repositories.sessions.recordKnownAddress(
                    account: keys.account, address: keys.address, at: now)
            }
            try await audit.append(
                AuditRecord(principal: principal, action: "session.sign_in", outcome: .succeeded, requestID: requestID),
                in: repositories
            )
        }
        return awaitingCode
            ? .needsCode(sessionSecret: secret, csrfToken: csrf)
            : .signedIn(sessionSecret: secret, csrfToken: csrf, user: stored.user)
    }

    /// The person behind a session cookie, or `nil` when the session ended (idle, expired, revoked, or the
    /// user disabled). Records use at most once a minute.
    public func session(secret: String) async throws -> (principal: Principal, session: SignInSession)? {
        let now = clock.now()
        let hash = secrets.hash(secret)
        guard let session = try await store.repositories.sessions.find(secretHash: hash),
            sessionPolicy.isLive(session, at: now),
            let stored = try await store.repositories.users.find(id: session.userID), stored.user.isActive,
            try await mayUsePartnerDesk(stored.user)
        else { return nil }
        if now.timeIntervalSince(session.lastSeenAt) >= 60 {
            try await store.transaction { try await $0.sessions.touch(secretHash: hash, at: now) }
        }
        return (Self.principal(for: stored.user), session)
    }

    /// Ends a session, and records who signed out.
    public func signOut(secret: String) async throws {
        let (hash, now) = (secrets.hash(secret), clock.now())
        let repositories = store.repositories
        guard let session = try await repositories.sessions.find(secretHash: hash),
            let stored = try await repositories.users.find(id: session.userID)
        else { return }
        let audit = self.audit
        try await store.transaction { repositories in
            try await repositories.sessions.revoke(secretHash: hash, at: now)
            try await audit.append(
                AuditRecord(
                    principal: Self.principal(for: stored.user), action: "session.sign_out", outcome: .succeeded),
                in: repositories)
        }
    }

    /// Whether the person's organisation (if any) is still one whose people use PartnerDesk.
    func mayUsePartnerDesk(_ user: User) async throws -> Bool {
        guard let partnerID = user.partnerID else { return true }
        let store = self.store
        let partner = try await partners.value(for: partnerID) {
            try await store.repositories.partners.find(id: partnerID)
        }
        return partner?.status.mayUsePartnerDesk ?? false
    }

    static func principal(for user: User) -> Principal {
        Principal(
            credential: .user(user.id), displayName: user.displayName, role: user.role, partnerID: user.partnerID,
            scope: .write)
    }
}
