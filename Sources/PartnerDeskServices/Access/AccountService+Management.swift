import Foundation
import PartnerDeskDomain

extension AccountService {
    /// The users an actor manages: a partner administrator's organisation, or everyone for administrators.
    public func list(as actor: Principal) async throws -> [User] {
        try Authorization.require(actor, .manageUsers)
        return try await store.repositories.users.list(partnerID: actor.role.isPartnerRole ? actor.partnerID : nil)
    }

    /// Invites a user. A partner administrator may only add people with partner roles to their own
    /// organisation; administrators may add anyone.
    /// Access is checked before the request's values, so a caller who may not manage users learns nothing.
    public func invite(email: String, name: String, role roleName: String, partnerCode: String?, as actor: Principal)
        async throws -> Invitation
    {
        try Authorization.require(actor, .manageUsers)
        let role = try Self.role(roleName)
        let partnerCode = try partnerCode.map { text in
            guard let code = PartnerCode(text) else {
                throw ValidationFailure([
                    .init(field: "partner", code: "invalid_format", message: "Give a partner code.")
                ])
            }
            return code
        }
        guard actor.role.isPartnerRole else {
            return try await add(email: email, name: name, role: role, partnerCode: partnerCode, by: actor)
        }
        guard role.isPartnerRole else {
            throw ValidationFailure([
                .init(field: "role", code: "not_allowed", message: "Choose one of the partner roles.")
            ])
        }
        guard let partnerID = actor.partnerID, let partner = try await store.repositories.partners.find(id: partnerID)
        else {
            throw ServiceError.forbidden
        }
        return try await add(email: email, name: name, role: role, partnerCode: partner.code, by: actor)
    }

    /// Changes a user's role, within the same kind (a partner user stays a partner user), and ends their
    /// sessions so the new role applies at once.
    public func changeRole(of userID: User.ID, to roleName: String, as actor: Principal) async throws -> User {
        let now = clock.now()
        return try await store.transaction { repositories in
            var stored = try Authorization.require(
                actor, .manageUsers, on: try await repositories.users.find(id: userID))
            let role = try Self.role(roleName)
            guard role.isPartnerRole == stored.user.role.isPartnerRole else {
                throw ValidationFailure([
                    .init(
                        field: "role", code: "not_allowed",
                        message: "A partner user keeps a partner role; staff keep a staff role.")
                ])
            }
            let previous = stored.user.role
            let before = stored.user
            stored.user.role = role
            try await repositories.users.update(stored)
            try await repositories.sessions.revokeAll(userID: userID, at: now)
            try await audit.append(
                AuditRecord(
                    principal: actor, action: "user.role_change", outcome: .succeeded, target: stored.user.email.value,
                    detail: "\(previous.rawValue) → \(role.rawValue)"
                ).about(before, stored.user),
                in: repositories
            )
            return stored.user
        }
    }

    static func role(_ name: String) throws -> Role {
        guard let role = Role(rawValue: name) else {
            let known = Role.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationFailure([
                .init(field: "role", code: "unknown_value", message: "Choose a role from: \(known).")
            ])
        }
        return role
    }

    /// Disables a user the actor manages.
    public func disable(_ userID: User.ID, as actor: Principal) async throws {
        let stored = try Authorization.require(
            actor, .manageUsers, on: try await store.repositories.users.find(id: userID))
        try await disable(email: stored.user.email.value, by: actor)
    }
}
