import Foundation
import PartnerDeskDomain

extension AccountService {
    /// Completes a sign-in with the authenticator code. Wrong codes count as failed sign-ins (and are
    /// throttled the same way); a code is accepted once only.
    public func confirmCode(
        sessionSecret: String, code: String, clientAddress: String, requestID: String?
    ) async throws -> SignInOutcome {
        let now = clock.now()
        let hash = secrets.hash(sessionSecret)
        guard let session = try await store.repositories.sessions.find(secretHash: hash), session.awaitingSecondFactor,
            sessionPolicy.isPending(session, at: now),
            let stored = try await store.repositories.users.find(id: session.userID), stored.user.isActive,
            let secret = stored.totpSecret.flatMap(Base32.decode)
        else { return .refused }
        let keys = AttemptKeys(account: stored.user.email.value, address: clientAddress)
        if let wait = try await throttleWait(keys, now: now) { return .throttled(retryAfter: wait) }
        let principal = Self.principal(for: stored.user)
        let digester = self.digester
        let step = TOTP.match(code, secret: secret, at: now, after: stored.totpLastCounter) {
            digester.hmacSHA1(key: $0, message: $1)
        }
        guard let step else {
            try await store.transaction { repositories in
                try await recordFailure(keys, at: now, in: repositories)
                try await audit.append(
                    AuditRecord(
                        principal: principal, action: "session.second_factor", outcome: .denied, requestID: requestID),
                    in: repositories
                )
            }
            return .refused
        }
        var confirmed = stored
        confirmed.totpLastCounter = step
        let updated = confirmed
        try await store.transaction { repositories in
            try await repositories.users.update(updated)
            try await repositories.sessions.confirmSecondFactor(secretHash: hash)
            try await repositories.sessions.recordKnownAddress(account: keys.account, address: keys.address, at: now)
            try await audit.append(
                AuditRecord(
                    principal: principal, action: "session.second_factor", outcome: .succeeded, requestID: requestID),
                in: repositories
            )
        }
        return .signedIn(sessionSecret: sessionSecret, csrfToken: session.csrfToken, user: stored.user)
    }

    /// The session waiting for its code, for the code page (its CSRF token protects the form).
    public func pendingSession(secret: String) async throws -> SignInSession? {
        guard let session = try await store.repositories.sessions.find(secretHash: secrets.hash(secret)),
            session.awaitingSecondFactor, sessionPolicy.isPending(session, at: clock.now())
        else { return nil }
        return session
    }

    /// Sets up an authenticator for a user, ending their sessions: returns the secret (base 32) and the
    /// `otpauth://` address apps read.
    public func enrollSecondFactor(email: String) async throws -> (secret: String, uri: String) {
        guard let address = EmailAddress(email), var stored = try await store.repositories.users.find(email: address)
        else {
            throw ServiceError.notFound
        }
        let key = secrets.randomBytes(20)
        stored.totpSecret = Base32.encode(key)
        stored.totpLastCounter = nil
        let updated = stored
        let now = clock.now()
        try await store.transaction { repositories in
            try await repositories.users.update(updated)
            try await repositories.sessions.revokeAll(userID: updated.user.id, at: now)
            try await audit.append(
                AuditRecord(
                    principal: nil, action: "user.second_factor_enrolled", outcome: .succeeded, target: address.value
                ).about(
                    updated.user.auditSubject,
                    changes: [FieldChange(field: "secondFactor", before: nil, after: "enrolled")]
                ),
                in: repositories
            )
        }
        return (Base32.encode(key), TOTP.provisioningURI(secret: key, account: address.value))
    }
}
