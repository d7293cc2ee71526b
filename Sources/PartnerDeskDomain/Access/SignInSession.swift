import Foundation

/// A signed-in browser session. The browser holds a random secret in a cookie; only its hash is stored.
public struct SignInSession: Hashable, Sendable {
    /// Hash of the cookie's secret.
    public var secretHash: String
    public var userID: User.ID
    public var createdAt: Date
    public var lastSeenAt: Date
    /// The secret every state-changing form must send back (protection against cross-site requests).
    public var csrfToken: String
    public var revokedAt: Date?
    /// Signed in with a password, but the authenticator code is still to come: not usable yet.
    public var awaitingSecondFactor: Bool

    public init(
        secretHash: String, userID: User.ID, createdAt: Date, lastSeenAt: Date, csrfToken: String,
        revokedAt: Date? = nil, awaitingSecondFactor: Bool = false
    ) {
        self.secretHash = secretHash
        self.userID = userID
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.csrfToken = csrfToken
        self.revokedAt = revokedAt
        self.awaitingSecondFactor = awaitingSecondFactor
    }
}

/// How long sessions last: they end after a period without use, and in any case after a fixed lifetime.
public struct SessionPolicy: Hashable, Sendable {
    /// Seconds without a request after which the session ends.
    public var idleTimeout: Int
    /// Seconds after sign-in after which the session ends however busy it is.
    public var absoluteLifetime: Int

    public init(idleTimeout: Int = 30 * 60, absoluteLifetime: Int = 12 * 3600) {
        self.idleTimeout = idleTimeout
        self.absoluteLifetime = absoluteLifetime
    }

    /// Whether the session may still be used at `instant`.
    public func isLive(_ session: SignInSession, at instant: Date) -> Bool {
        !session.awaitingSecondFactor && isPending(session, at: instant)
    }

    /// Whether a session waiting for its second factor may still receive the code (same lifetimes).
    public func isPending(_ session: SignInSession, at instant: Date) -> Bool {
        session.revokedAt == nil && instant < session.lastSeenAt.addingTimeInterval(Double(idleTimeout))
            && instant < session.createdAt.addingTimeInterval(Double(absoluteLifetime))
    }
}

/// A one-time link that lets a person set their password: an invitation for a new user, or a reset.
public struct OneTimeLink: Hashable, Sendable {
    public enum Purpose: String, Hashable, Sendable, Codable {
        case invitation = "invitation"
        case passwordReset = "password_reset"
    }

    public var secretHash: String
    public var userID: User.ID
    public var purpose: Purpose
    public var expiresAt: Date
    public var usedAt: Date?

    public init(secretHash: String, userID: User.ID, purpose: Purpose, expiresAt: Date, usedAt: Date? = nil) {
        self.secretHash = secretHash
        self.userID = userID
        self.purpose = purpose
        self.expiresAt = expiresAt
        self.usedAt = usedAt
    }

    /// Whether the link still works at `instant`: unused and not expired.
    public func isUsable(at instant: Date) -> Bool { usedAt == nil && instant < expiresAt }
}
