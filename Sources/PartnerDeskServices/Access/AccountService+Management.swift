import Foundation
import PartnerDeskDomain

extension AccountService {
    /// The users an actor manages: a partner administrator's organisation, or everyone for administrators.
    public func list(as actor: Principal) async throws -> [User] {
        try Authorization.require(actor, .manageUsers)
        guard actor.role.isPartnerRole else { return try await store.repositories.users.list(partnerID: nil) }
        guard let partnerID = actor.partnerID else { throw ServiceError.forbidden }
        return try await store.repositories.users.list(partnerID: partnerID)
    }

    /// A partner administrator's organisation's invitations that were never accepted, newest first.
    public func invitations(as actor: Principal) async throws -> [PendingInvitation] {
        try Authorization.require(actor, .manageUsers)
        guard actor.role.isPartnerRole, let partnerID = actor.partnerID else { return [] }
        return try await store.repositories.users.unacceptedInvitations(partnerID: partnerID)
    }

    /// What inviting produced.
    public enum InviteOutcome: Sendable {
        /// An administrator's: the new account and its one-time link to pass on.
        case created(Invitation)
        /// A partner administrator's: an invitation on its way by e-mail, the same whether or not the address
        /// already had an account anywhere.
        case sent(PendingInvitation)
    }

    /// Invites a person. A partner administrator may only invite people with partner roles to their own
    /// organisation, and is never told whether the address already has an account (see ``PendingInvitation``):
    /// a new address gets an account and the link to choose a password by e-mail; an address that already has
    /// an account is told so by e-mail, and nothing else changes. Administrators may add anyone and are given
    /// the link. Access is checked before the request's values, so a caller who may not manage users learns
    /// nothing.
    public func invite(email: String, name: String, role roleName: String, partnerCode: String?, as actor: Principal)
        async throws -> InviteOutcome
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
            return .created(try await add(email: email, name: name, role: role, partnerCode: partnerCode, by: actor))
        }
        var check = ValidationCollector()
        let address = EmailAddress(email)
        if address == nil { check.add("email", "invalid_format", "Enter an e-mail address like name@example.org.") }
        let displayName = check.requiredText("name", name, label: "name", maxLength: 200)
        if !role.isPartnerRole { check.add("role", "not_allowed", "Choose one of the partner roles.") }
        try check.finish()
        guard let address, let displayName, let partnerID = actor.partnerID,
            let partner = try await store.repositories.partners.find(id: partnerID)
        else { throw ValidationFailure(check.issues) }
        return .sent(
            try await sendInvitation(to: address, name: displayName, role: role, partner: partner, by: actor))
    }

    /// Records a partner administrator's invitation and e-mails it: the link for a new address, or word that
    /// nothing changed for one that already has an account. Both write the same rows (the invitation, the
    /// e-mail, the audit entry); no account exists until the link is used (``setPassword(linkSecret:password:)``).
    private func sendInvitation(
        to address: EmailAddress, name: String, role: Role, partner: Partner, by actor: Principal
    ) async throws -> PendingInvitation {
        let now = clock.now()
        let secret = secrets.makeSecret()
        let (linkHash, expiresAt) = (secrets.hash(secret), now.addingTimeInterval(linkLifetime))
        let (invitationID, messageID) = (PendingInvitation.ID(ids.make()), ids.make())
        return try await store.transaction { repositories in
            let notice: InvitationNotice.Kind =
                try await repositories.users.find(email: address) == nil
                ? .newAccount(
                    link: Self.passwordLink(publicURL: publicURL, secret: secret),
                    expires: NotificationComposer.londonTime(expiresAt))
                : .existingAccount(signIn: "\(publicURL)/sign-in")
            let invitation = PendingInvitation(
                id: invitationID, partnerID: partner.id, email: address, name: name, role: role,
                invitedBy: actor.displayName, invitedAt: now, expiresAt: expiresAt, linkHash: linkHash)
            try await repositories.users.createInvitation(invitation)
            let message = InvitationNotice(kind: notice, name: name, partnerName: partner.name)
            try await repositories.outbox.enqueue([
                OutboxMessage(
                    id: messageID, channel: .email, event: InvitationNotice.event, recipient: address.value,
                    subject: message.subject, content: message.content, partnerID: partner.id, incidentID: nil,
                    nextAttemptAt: now, createdAt: now)
            ])
            try await audit.append(
                .change("user.invite", by: actor, from: nil, to: invitation, target: address.value), in: repositories)
            return invitation
        }
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
