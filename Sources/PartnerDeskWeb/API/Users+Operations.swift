import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// `/api/v1/users`: partner administrators manage their organisation's people; administrators anyone.
extension APIOperations {
    func listUsers(_ input: Operations.ListUsers.Input) async throws -> Operations.ListUsers.Output {
        let users = try await services.accounts.list(as: try APIRequest.request.principal)
        return .ok(.init(body: .json(users.map { Components.Schemas.User($0) })))
    }

    /// An administrator gets the new account with its link (201); a partner administrator gets the invitation,
    /// sent by e-mail (202), the same whether or not the address already had an account.
    func inviteUser(_ input: Operations.InviteUser.Input) async throws -> Operations.InviteUser.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let outcome = try await services.accounts.invite(
            email: body.email, name: body.name, role: body.role, partnerCode: body.partner,
            as: try APIRequest.request.principal)
        switch outcome {
        case .created(let invitation):
            let link = AccountService.passwordLink(publicURL: publicURL, secret: invitation.linkSecret)
            return .created(.init(body: .json(Components.Schemas.User(invitation.user, invitationLink: link))))
        case .sent(let invitation):
            return .accepted(.init(body: .json(Components.Schemas.Invitation(invitation))))
        }
    }

    func listInvitations(_ input: Operations.ListInvitations.Input) async throws
        -> Operations.ListInvitations.Output
    {
        let invitations = try await services.accounts.invitations(as: try APIRequest.request.principal)
        return .ok(.init(body: .json(invitations.map { Components.Schemas.Invitation($0) })))
    }

    func changeUserRole(_ input: Operations.ChangeUserRole.Input) async throws -> Operations.ChangeUserRole.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let user = try await services.accounts.changeRole(
            of: try User.ID.inPath(input.path.userID), to: body.role, as: try APIRequest.request.principal)
        return .ok(.init(body: .json(Components.Schemas.User(user))))
    }

    func disableUser(_ input: Operations.DisableUser.Input) async throws -> Operations.DisableUser.Output {
        try await services.accounts.disable(try User.ID.inPath(input.path.userID), as: try APIRequest.request.principal)
        return .noContent(.init())
    }
}

/// Whom to invite, read as sent so that the service can name a wrong role; the document's `NewUser` schema.
struct NewUserRequest: Codable, Hashable, Sendable {
    var email: String
    var name: String
    var role: String
    /// Administrators only, for partner roles.
    var partner: String?
}

extension Components.Schemas.User {
    /// A user as the API shows them; the invitation link only in the answer that created them.
    init(_ user: User, invitationLink: String? = nil) {
        self.init(
            id: user.id.description, email: user.email.value, name: user.displayName, role: user.role.rawValue,
            partnerID: user.partnerID?.description, active: user.isActive, invitationLink: invitationLink)
    }
}

extension Components.Schemas.Invitation {
    /// An invitation a partner administrator sent, until it is accepted: never whether the address already
    /// had an account.
    init(_ invitation: PendingInvitation) {
        self.init(
            id: invitation.id.description, email: invitation.email.value, name: invitation.name,
            role: invitation.role.rawValue, invitedAt: invitation.invitedAt, expiresAt: invitation.expiresAt)
    }
}
