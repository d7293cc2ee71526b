import Foundation

/// An invitation a partner administrator sent, as the organisation sees it until it is accepted or expires.
///
/// Inviting must not tell the inviter whether the address already has an account somewhere (another partner's,
/// or the platform's staff): both answer alike and both show here as pending. For a new address the account
/// is made only when its person follows the e-mailed link and chooses a password (the invitation is then
/// accepted), so until then nothing anywhere differs from the other case; for an address that already has an
/// account, nothing changes and that person is told by e-mail, so the invitation simply expires, exactly like one
/// that was ignored. Both store the same rows: the invitation (with the hash of a link secret), one e-mail, one
/// audit entry.
public struct PendingInvitation: Hashable, Sendable, Identifiable {
    public typealias ID = EntityID<PendingInvitation>

    public var id: ID
    public var partnerID: Partner.ID
    public var email: EmailAddress
    public var name: String
    public var role: Role
    public var invitedBy: String
    public var invitedAt: Date
    public var expiresAt: Date
    /// The hash of the link's secret (for an address that already had an account, of a secret never sent).
    public var linkHash: String
    /// The account made when it was accepted.
    public var userID: User.ID?
    /// When its person chose a password.
    public var acceptedAt: Date?

    public init(
        id: ID, partnerID: Partner.ID, email: EmailAddress, name: String, role: Role, invitedBy: String,
        invitedAt: Date, expiresAt: Date, linkHash: String, userID: User.ID? = nil, acceptedAt: Date? = nil
    ) {
        self.id = id
        self.partnerID = partnerID
        self.email = email
        self.name = name
        self.role = role
        self.invitedBy = invitedBy
        self.invitedAt = invitedAt
        self.expiresAt = expiresAt
        self.linkHash = linkHash
        self.userID = userID
        self.acceptedAt = acceptedAt
    }

    /// Waiting for its person: neither accepted nor expired.
    public func isPending(at instant: Date) -> Bool {
        acceptedAt == nil && instant < expiresAt
    }
}

extension PendingInvitation: OwnedRecord {
    /// An invitation is the inviting partner's.
    public var owner: RecordOwner { .partner(partnerID) }
}

extension PendingInvitation: AuditedRecord {
    public var auditSubject: AuditSubject { AuditSubject(kind: "invitation", id: id.description) }

    /// The same fields whether or not the address already had an account; never the link.
    public var auditFields: [String: String] {
        var fields = [
            "partner": partnerID.description, "email": email.value, "name": name, "role": role.rawValue,
            "expiresAt": ISO8601Instant.string(from: expiresAt),
        ]
        fields["acceptedAt"] = acceptedAt.map(ISO8601Instant.string(from:))
        fields["user"] = userID?.description
        return fields
    }
}
