import FluentKit
import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// API tokens in the SQL database, found by the hash of their secret.
struct FluentTokenRepository: TokenRepository {
    let database: any Database

    func create(_ token: APIToken, secretHash: String) async throws {
        let record = APITokenRecord()
        record.id = token.id.rawValue
        record.name = token.name
        record.role = token.role.rawValue
        record.partnerID = token.partnerID?.rawValue
        record.scope = token.scope.rawValue
        record.secretHash = secretHash
        record.createdAt = token.createdAt
        record.expiresAt = token.expiresAt
        try await translatingConstraintFailures("A token with this secret already exists.") {
            try await record.create(on: database)
        }
    }

    func find(secretHash: String) async throws -> APIToken? {
        try await APITokenRecord.query(on: database).filter(\.$secretHash == secretHash).first().map(Self.token(from:))
    }

    func find(id: APIToken.ID) async throws -> APIToken? {
        try await APITokenRecord.find(id.rawValue, on: database).map(Self.token(from:))
    }

    func list(partnerID: Partner.ID?) async throws -> [APIToken] {
        var query = APITokenRecord.query(on: database).sort(\.$createdAt, .descending)
        if let partnerID { query = query.filter(\.$partnerID == partnerID.rawValue) }
        return try await query.all().map(Self.token(from:))
    }

    func revoke(_ id: APIToken.ID, at instant: Date) async throws {
        try await APITokenRecord.query(on: database).filter(\.$id == id.rawValue).filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: instant).update()
    }

    func touch(_ id: APIToken.ID, at instant: Date) async throws {
        try await APITokenRecord.query(on: database).filter(\.$id == id.rawValue).set(\.$lastUsedAt, to: instant)
            .update()
    }

    private static func token(from record: APITokenRecord) throws -> APIToken {
        guard let id = record.id, let role = Role(rawValue: record.role), let scope = TokenScope(rawValue: record.scope)
        else { throw StoredDataError.unreadable(table: APITokenRecord.schema, id: record.id) }
        return APIToken(
            id: .init(id), name: record.name, role: role, partnerID: record.partnerID.map { .init($0) }, scope: scope,
            createdAt: record.createdAt, expiresAt: record.expiresAt, revokedAt: record.revokedAt,
            lastUsedAt: record.lastUsedAt
        )
    }
}

/// Remembered responses to creating requests, by caller and idempotency key.
struct FluentIdempotencyRepository: IdempotencyRepository {
    let database: any Database

    func find(scope: String, key: String) async throws -> (fingerprint: String, response: StoredResponse)? {
        guard
            let record = try await IdempotencyKeyRecord.query(on: database).filter(\.$scope == scope)
                .filter(\.$key == key).first()
        else { return nil }
        return (record.fingerprint, StoredResponse(status: record.status, body: record.body, location: record.location))
    }

    func save(_ request: IdempotencyRequest, response: StoredResponse, at instant: Date) async throws {
        let record = IdempotencyKeyRecord()
        record.scope = request.scope
        record.key = request.key
        record.fingerprint = request.fingerprint
        record.status = response.status
        record.body = response.body
        record.location = response.location
        record.createdAt = instant
        try await translatingConstraintFailures("This idempotency key was already used.") {
            try await record.create(on: database)
        }
    }
}
