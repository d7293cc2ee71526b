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
