/// Who is making a request: a signed-in person or an API token, with the role and partner that decide what
/// they may do.
public struct Principal: Hashable, Sendable {
    /// How the caller proved who they are.
    public enum Credential: Hashable, Sendable {
        case user(User.ID)
        case token(APIToken.ID)

        /// A stable text key such as `token:3f2c…`, for logs and for staff idempotency keys.
        public var key: String {
            switch self {
            case .user(let id): "user:\(id)"
            case .token(let id): "token:\(id)"
            }
        }
    }

    public var credential: Credential
    /// A short name for audit trails and timelines (a person's name or a token's label).
    public var displayName: String
    public var role: Role
    /// The partner the caller belongs to; `nil` for staff.
    public var partnerID: Partner.ID?
    /// What the credential allows: tokens may be read-only; people always have write access.
    public var scope: TokenScope

    /// Whose idempotency keys a request's key is compared with. A partner organisation's keys are shared by all
    /// its tokens and people, so a retry sent after rotating a token is still recognised as a retry; staff keys
    /// belong to the person, or to the staff token.
    public var idempotencyScope: String {
        if role.isPartnerRole, let partnerID { return "partner:\(partnerID)" }
        return credential.key
    }

    public init(credential: Credential, displayName: String, role: Role, partnerID: Partner.ID?, scope: TokenScope) {
        self.credential = credential
        self.displayName = displayName
        self.role = role
        self.partnerID = partnerID
        self.scope = scope
    }
}

/// What an API token may do.
public enum TokenScope: String, CaseIterable, Hashable, Sendable, Codable {
    /// Only reading.
    case read = "read"
    /// Reading and changing.
    case write = "write"
}
