/// Who is making a request: a signed-in person or an API token, with the role and partner that decide what
/// they may do.
public struct Principal: Hashable, Sendable {
    /// How the caller proved who they are.
    public enum Credential: Hashable, Sendable {
        case user(User.ID)
        case token(APIToken.ID)

        /// A stable text key such as `token:3f2c…`, for scoping idempotency keys and for logs.
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
