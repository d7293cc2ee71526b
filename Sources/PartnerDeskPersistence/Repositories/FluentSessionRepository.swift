import FluentKit
import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import SQLKit

/// Sessions, sign-in failures and one-time links in the SQL database.
struct FluentSessionRepository: SessionRepository {
    let database: any Database

    func create(_ session: SignInSession) async throws {
        let record = SessionRecord()
        record.id = session.secretHash
        record.userID = session.userID.rawValue
        record.createdAt = session.createdAt
        record.lastSeenAt = session.lastSeenAt
        record.csrfToken = session.csrfToken
        record.revokedAt = session.revokedAt
        record.awaitingSecondFactor = session.awaitingSecondFactor
        try await record.create(on: database)
    }

    func find(secretHash: String) async throws -> SignInSession? {
        try await SessionRecord.find(secretHash, on: database).map { record in
            SignInSession(
                secretHash: secretHash, userID: .init(record.userID), createdAt: record.createdAt,
                lastSeenAt: record.lastSeenAt, csrfToken: record.csrfToken, revokedAt: record.revokedAt,
                awaitingSecondFactor: record.awaitingSecondFactor
            )
        }
    }

    func touch(secretHash: String, at instant: Date) async throws {
        try await SessionRecord.query(on: database).filter(\.$id == secretHash).set(\.$lastSeenAt, to: instant).update()
    }

    func revoke(secretHash: String, at instant: Date) async throws {
        try await SessionRecord.query(on: database).filter(\.$id == secretHash).filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: instant).update()
    }

    func confirmSecondFactor(secretHash: String) async throws {
        try await SessionRecord.query(on: database).filter(\.$id == secretHash).set(\.$awaitingSecondFactor, to: false)
            .update()
    }

    func revokeAll(userID: User.ID, at instant: Date) async throws {
        try await SessionRecord.query(on: database).filter(\.$userID == userID.rawValue).filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: instant).update()
    }

    func recordFailure(key: String, at instant: Date) async throws {
        let record = SignInFailureRecord()
        record.key = key
        record.at = instant
        try await record.create(on: database)
    }

    func failures(key: String, since instant: Date) async throws -> [Date] {
        try await SignInFailureRecord.query(on: database).filter(\.$key == key).filter(\.$at > instant).all().map(\.at)
    }

    func recordKnownAddress(account: String, address: String, at instant: Date) async throws {
        try await database.sql.insert(into: "known_sign_in_addresses")
            .columns("account", "address", "last_sign_in_at")
            .values(SQLBind(account), SQLBind(address), SQLBind(instant))
            .onConflict(with: ["account", "address"]) { $0.set(excludedValueOf: "last_sign_in_at") }
            .run()
    }

    func isKnownAddress(account: String, address: String, since instant: Date) async throws -> Bool {
        try await database.sql.select().column(SQLLiteral.numeric("1"))
            .from("known_sign_in_addresses")
            .where("account", .equal, account).where("address", .equal, address)
            .where("last_sign_in_at", .greaterThan, instant)
            .first() != nil
    }

    func create(_ link: OneTimeLink) async throws {
        let record = OneTimeLinkRecord()
        record.id = link.secretHash
        record.userID = link.userID.rawValue
        record.purpose = link.purpose.rawValue
        record.expiresAt = link.expiresAt
        record.usedAt = link.usedAt
        try await record.create(on: database)
    }

    func findLink(secretHash: String) async throws -> OneTimeLink? {
        guard let record = try await OneTimeLinkRecord.find(secretHash, on: database) else { return nil }
        guard let purpose = OneTimeLink.Purpose(rawValue: record.purpose) else {
            throw StoredDataError.unreadable(table: OneTimeLinkRecord.schema, id: nil)
        }
        return OneTimeLink(
            secretHash: secretHash, userID: .init(record.userID), purpose: purpose, expiresAt: record.expiresAt,
            usedAt: record.usedAt
        )
    }

    func markUsed(secretHash: String, at instant: Date) async throws {
        try await OneTimeLinkRecord.query(on: database).filter(\.$id == secretHash).set(\.$usedAt, to: instant).update()
    }
}
