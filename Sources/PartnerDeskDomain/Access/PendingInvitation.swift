import Foundation

/// An invitation a partner administrator sent, as the organisation sees it until it is accepted or expires.
///
/// Inviting must not tell the inviter whether the address already has an account somewhere (another partner's,
/// or the platform's staff): both answer alike and both show here as pending. For a new address the account
/// is made at once, unusable until its person chooses a password through the e-mailed link (then the invitation
/// is accepted); for an address that already has one, nothing changes and that person is told by e-mail, so the
/// invitation simply expires, exactly like one that was ignored.
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
    /// The account made for it; `nil` when the address already had one.
    public var userID: User.ID?
    /// When its person chose a password.
    public var acceptedAt: Date?

    public init(
        id: ID, partnerID: Partner.ID, email: EmailAddress, name: String, role: Role, invitedBy: String,
        invitedAt: Date, expiresAt: Date, userID: User.ID?, acceptedAt: Date? = nil
    ) {
        self.id = id
        self.partnerID = partnerID
        self.email = email
        self.name = name
        self.role = role
        self.invitedBy = invitedBy
        self.invitedAt = invitedAt
        self.expiresAt = expiresAt
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

    /// Whether an account was made for it is deliberately left out: the log is read by administrators only, but
    /// the entry stays the same either way.
    public var auditFields: [String: String] {
        var fields = [
            "partner": partnerID.description, "email": email.value, "name": name, "role": role.rawValue,
            "expiresAt": ISO8601Instant.string(from: expiresAt),
        ]
        fields["acceptedAt"] = acceptedAt.map(ISO8601Instant.string(from:))
        return fields
    }
}
