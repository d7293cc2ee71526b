import Foundation

/// Who did something in PartnerDesk, as a record keeps it: their name and role at the time, and their account
/// when they acted as a person (a system's token has none), so that messages can reach them by name.
public struct ActedBy: Hashable, Sendable, Codable {
    public var name: String
    public var role: Role
    /// The person's account; nil for a system's token and for records kept before it was recorded.
    public var userID: User.ID?

    public init(name: String, role: Role, userID: User.ID? = nil) {
        self.name = name
        self.role = role
        self.userID = userID
    }

    /// The caller, as a record keeps them.
    public init(_ principal: Principal) {
        var userID: User.ID?
        if case .user(let id) = principal.credential { userID = id }
        self.init(name: principal.displayName, role: principal.role, userID: userID)
    }

    public var isPartner: Bool { role.isPartnerRole }
}
