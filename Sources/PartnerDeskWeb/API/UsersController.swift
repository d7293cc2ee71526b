import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// `/api/v1/users`: partner administrators manage their organisation's people; administrators anyone.
struct UsersController {
    let services: AppServices
    /// The public address, for invitation links.
    let publicURL: String

    func register(on api: any RoutesBuilder) {
        let users = api.grouped("users")
        users.get(use: list).declaring(.manageUsers)
        users.post(use: invite).declaring(.manageUsers)
        users.get("invitations", use: invitations).declaring(.manageUsers)
        users.patch(":userID", use: changeRole).declaring(.manageUsers)
        users.delete(":userID", use: disable).declaring(.manageUsers)
    }

    struct InviteRequest: Content {
        var email: String
        var name: String
        var role: String
        /// Administrators only, for partner roles.
        var partner: String?
    }

    struct RoleChange: Content {
        var role: String
    }

    @Sendable func list(_ request: Request) async throws -> [UserDTO] {
        try await services.accounts.list(as: try request.principal).map { UserDTO($0, invitationLink: nil) }
    }

    /// An administrator gets the new account with its link (201); a partner administrator gets the invitation,
    /// sent by e-mail (202), the same whether or not the address already had an account.
    @Sendable func invite(_ request: Request) async throws -> Response {
        let body = try request.decodeJSONBody(InviteRequest.self)
        let outcome = try await services.accounts.invite(
            email: body.email, name: body.name, role: body.role, partnerCode: body.partner, as: try request.principal
        )
        switch outcome {
        case .created(let invitation):
            let link = AccountService.passwordLink(publicURL: publicURL, secret: invitation.linkSecret)
            return try await UserDTO(invitation.user, invitationLink: link).encodeResponse(
                status: .created, for: request)
        case .sent(let invitation):
            return try await InvitationDTO(invitation).encodeResponse(status: .accepted, for: request)
        }
    }

    @Sendable func invitations(_ request: Request) async throws -> [InvitationDTO] {
        try await services.accounts.invitations(as: try request.principal).map(InvitationDTO.init)
    }

    @Sendable func changeRole(_ request: Request) async throws -> UserDTO {
        let body = try request.decodeJSONBody(RoleChange.self)
        let user = try await services.accounts.changeRole(
            of: try userID(request), to: body.role, as: try request.principal)
        return UserDTO(user, invitationLink: nil)
    }

    @Sendable func disable(_ request: Request) async throws -> HTTPStatus {
        try await services.accounts.disable(try userID(request), as: try request.principal)
        return .noContent
    }

    private func userID(_ request: Request) throws -> User.ID {
        guard let text = request.parameters.get("userID"), let id = User.ID(uuidString: text) else {
            throw ServiceError.notFound
        }
        return id
    }
}

/// A user as the API shows them; the invitation link only in the answer that created them.
struct UserDTO: Content {
    var id: String
    var email: String
    var name: String
    var role: String
    var partnerID: String?
    var active: Bool
    var invitationLink: String?

    init(_ user: User, invitationLink: String?) {
        id = user.id.description
        email = user.email.value
        name = user.displayName
        role = user.role.rawValue
        partnerID = user.partnerID?.description
        active = user.isActive
        self.invitationLink = invitationLink
    }
}

/// An invitation a partner administrator sent, until it is accepted: never whether the address already had an
/// account.
struct InvitationDTO: Content {
    var id: String
    var email: String
    var name: String
    var role: String
    var invitedAt: String
    var expiresAt: String

    init(_ invitation: PendingInvitation) {
        id = invitation.id.description
        email = invitation.email.value
        name = invitation.name
        role = invitation.role.rawValue
        invitedAt = ISO8601Instant.string(from: invitation.invitedAt)
        expiresAt = ISO8601Instant.string(from: invitation.expiresAt)
    }
}
