/// A person who signs in to PartnerDesk.
///
/// A user with a partner role belongs to exactly one partner; a staff user belongs to none.
public struct User: Hashable, Sendable, Identifiable {
    public typealias ID = EntityID<User>

    /// Stable identifier.
    public var id: ID
    /// The address they sign in with, unique across all users.
    public var email: EmailAddress
    /// Their name as shown to others.
    public var displayName: String
    /// What they do.
    public var role: Role
    /// The partner they belong to; set exactly when ``role`` is a partner role.
    public var partnerID: Partner.ID?
    /// Whether they may sign in.
    public var isActive: Bool

    /// Creates a user, checking that partner roles have a partner and staff roles have none.
    public init(
        id: ID, email: EmailAddress, displayName: String, role: Role, partnerID: Partner.ID?, isActive: Bool = true
    ) throws(ValidationFailure) {
        if role.isPartnerRole, partnerID == nil {
            throw ValidationFailure([
                ValidationIssue(field: "partner", code: "required", message: "A partner user must belong to a partner.")
            ])
        }
        if !role.isPartnerRole, partnerID != nil {
            throw ValidationFailure([
                ValidationIssue(
                    field: "partner", code: "not_allowed", message: "Staff users do not belong to a partner."
                )
            ])
        }
        self.id = id
        self.email = email
        self.displayName = displayName
        self.role = role
        self.partnerID = partnerID
        self.isActive = isActive
    }
}
