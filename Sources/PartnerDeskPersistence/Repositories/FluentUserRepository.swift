import FluentKit
import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// Users in the SQL database.
struct FluentUserRepository: UserRepository {
    let database: any Database

    func create(_ stored: StoredUser) async throws {
        try await translatingConstraintFailures("A user with this e-mail address already exists.") {
            let record = UserRecord()
            record.id = stored.user.id.rawValue
            record.email = stored.user.email.value
            record.displayName = stored.user.displayName
            record.role = stored.user.role.rawValue
            record.partnerID = stored.user.partnerID?.rawValue
            record.passwordHash = stored.passwordHash
            record.isActive = stored.user.isActive
            record.totpSecret = stored.totpSecret
            record.totpLastCounter = stored.totpLastCounter
            try await record.create(on: database)
        }
    }

    func find(email: EmailAddress) async throws -> StoredUser? {
        guard let record = try await UserRecord.query(on: database).filter(\.$email == email.value).first() else {
            return nil
        }
        return Self.stored(record: record, user: try Self.user(from: record))
    }

    func list(partnerID: Partner.ID?) async throws -> [User] {
        var query = UserRecord.query(on: database).sort(\.$email)
        if let partnerID {
            query = query.filter(\.$partnerID == partnerID.rawValue)
        }
        return try await query.all().map(Self.user(from:))
    }

    func find(id: User.ID) async throws -> StoredUser? {
        guard let record = try await UserRecord.find(id.rawValue, on: database) else { return nil }
        return Self.stored(record: record, user: try Self.user(from: record))
    }

    func update(_ stored: StoredUser) async throws {
        try await UserRecord.query(on: database).filter(\.$id == stored.user.id.rawValue)
            .set(\.$displayName, to: stored.user.displayName).set(\.$role, to: stored.user.role.rawValue)
            .set(\.$passwordHash, to: stored.passwordHash).set(\.$isActive, to: stored.user.isActive)
            .set(\.$totpSecret, to: stored.totpSecret).set(\.$totpLastCounter, to: stored.totpLastCounter).update()
    }

    func createInvitation(_ invitation: PendingInvitation) async throws {
        let record = InvitationRecord()
        record.id = invitation.id.rawValue
        record.partnerID = invitation.partnerID.rawValue
        record.email = invitation.email.value
        record.name = invitation.name
        record.role = invitation.role.rawValue
        record.invitedBy = invitation.invitedBy
        record.invitedAt = invitation.invitedAt
        record.expiresAt = invitation.expiresAt
        record.linkHash = invitation.linkHash
        record.userID = invitation.userID?.rawValue
        record.acceptedAt = invitation.acceptedAt
        try await record.create(on: database)
    }

    func unacceptedInvitations(partnerID: Partner.ID) async throws -> [PendingInvitation] {
        try await InvitationRecord.query(on: database).filter(\.$partnerID == partnerID.rawValue)
            .filter(\.$acceptedAt == nil).sort(\.$invitedAt, .descending).sort(\.$id, .descending).all()
            .map(Self.invitation(from:))
    }

    func invitation(linkHash: String) async throws -> PendingInvitation? {
        try await InvitationRecord.query(on: database).filter(\.$linkHash == linkHash).first()
            .map(Self.invitation(from:))
    }

    func acceptInvitation(_ id: PendingInvitation.ID, userID: User.ID, at instant: Date) async throws {
        try await InvitationRecord.query(on: database).filter(\.$id == id.rawValue)
            .set(\.$userID, to: userID.rawValue).set(\.$acceptedAt, to: instant).update()
    }

    private static func invitation(from record: InvitationRecord) throws -> PendingInvitation {
        guard let id = record.id, let email = EmailAddress(record.email), let role = Role(rawValue: record.role)
        else { throw StoredDataError.unreadable(table: InvitationRecord.schema, id: record.id) }
        return PendingInvitation(
            id: .init(id), partnerID: .init(record.partnerID), email: email, name: record.name, role: role,
            invitedBy: record.invitedBy, invitedAt: record.invitedAt, expiresAt: record.expiresAt,
            linkHash: record.linkHash, userID: record.userID.map { .init($0) }, acceptedAt: record.acceptedAt)
    }

    private static func stored(record: UserRecord, user: User) -> StoredUser {
        StoredUser(
            user: user, passwordHash: record.passwordHash, totpSecret: record.totpSecret,
            totpLastCounter: record.totpLastCounter
        )
    }

    private static func user(from record: UserRecord) throws -> User {
        guard let id = record.id, let email = EmailAddress(record.email), let role = Role(rawValue: record.role) else {
            throw StoredDataError.unreadable(table: UserRecord.schema, id: record.id)
        }
        return try User(
            id: .init(id), email: email, displayName: record.displayName, role: role,
            partnerID: record.partnerID.map { .init($0) }, isActive: record.isActive
        )
    }
}
