import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Synchronization

struct InMemoryUserRepository: UserRepository {
    let box: StateBox

    func create(_ user: StoredUser) async throws {
        try box.write { state in
            if state.users[user.user.email] != nil {
                throw RepositoryError.conflict("A user with this e-mail address already exists.")
            }
            state.users[user.user.email] = user
        }
    }

    func find(email: EmailAddress) async throws -> StoredUser? { box.read().users[email] }

    func list(partnerID: Partner.ID?) async throws -> [User] {
        box.read().users.values.map(\.user).filter { partnerID == nil || $0.partnerID == partnerID }
            .sorted { $0.email.value < $1.email.value }
    }

    func find(id: User.ID) async throws -> StoredUser? { box.read().users.values.first { $0.user.id == id } }

    func update(_ user: StoredUser) async throws { try box.write { $0.users[user.user.email] = user } }

    func createInvitation(_ invitation: PendingInvitation) async throws {
        try box.write { $0.invitations.append(invitation) }
    }

    func unacceptedInvitations(partnerID: Partner.ID) async throws -> [PendingInvitation] {
        box.read().invitations.filter { $0.partnerID == partnerID && $0.acceptedAt == nil }.reversed()
    }

    func invitation(linkHash: String) async throws -> PendingInvitation? {
        box.read().invitations.first { $0.linkHash == linkHash }
    }

    func acceptInvitation(_ id: PendingInvitation.ID, userID: User.ID, at instant: Date) async throws {
        try box.write { state in
            for index in state.invitations.indices where state.invitations[index].id == id {
                state.invitations[index].userID = userID
                state.invitations[index].acceptedAt = instant
            }
        }
    }
}
