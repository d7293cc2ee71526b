import FluentKit
import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import SQLKit

/// API tokens in the SQL database, found by the hash of their secret. Plain SQL rather than a Fluent model:
/// every API request reads its token.
struct SQLTokenRepository: TokenRepository {
    static let table = "api_tokens"
    let sql: any SQLDatabase

    func create(_ token: APIToken, secretHash: String) async throws {
        let row: [ColumnValue] = [
            ("id", token.id.rawValue), ("name", token.name), ("role", token.role.rawValue),
            ("partner_id", token.partnerID?.rawValue), ("scope", token.scope.rawValue), ("secret_hash", secretHash),
            ("created_at", token.createdAt), ("expires_at", token.expiresAt), ("revoked_at", token.revokedAt),
            ("last_used_at", token.lastUsedAt),
        ]
        try await translatingConstraintFailures("A token with this secret already exists.") {
            try await sql.insert(into: Self.table, row: row)
        }
    }

    func find(secretHash: String) async throws -> APIToken? {
        // Every API request runs this: raw text skips building and serialising a select expression.
        try await sql.raw("SELECT * FROM \(unsafeRaw: Self.table) WHERE secret_hash = \(bind: secretHash)").first()
            .map(Self.token(from:))
    }

    func find(id: APIToken.ID) async throws -> APIToken? {
        try await select().where("id", .equal, id.rawValue).first().map(Self.token(from:))
    }

    func list(partnerID: Partner.ID?) async throws -> [APIToken] {
        var select = select().orderBy("created_at", .descending)
        if let partnerID { select = select.where("partner_id", .equal, partnerID.rawValue) }
        return try await select.all().map(Self.token(from:))
    }

    func revoke(_ id: APIToken.ID, at instant: Date) async throws {
        try await sql.update(Self.table).set("revoked_at", to: instant).where("id", .equal, id.rawValue)
            .where("revoked_at", .is, SQLLiteral.null).run()
    }

    func touch(_ id: APIToken.ID, at instant: Date) async throws {
        try await sql.update(Self.table).set("last_used_at", to: instant).where("id", .equal, id.rawValue).run()
    }

    private func select() -> SQLSelectBuilder { sql.selectAll(from: Self.table) }

    private static func token(from row: any SQLRow) throws -> APIToken {
        let id = try row.decode(column: "id", as: UUID.self)
        guard let role = Role(rawValue: try row.decode(column: "role", as: String.self)),
            let scope = TokenScope(rawValue: try row.decode(column: "scope", as: String.self))
        else { throw StoredDataError.unreadable(table: table, id: id) }
        return APIToken(
            id: .init(id), name: try row.decode(column: "name", as: String.self), role: role,
            partnerID: try row.decode(column: "partner_id", as: UUID?.self).map { .init($0) }, scope: scope,
            createdAt: try row.decode(column: "created_at", as: Date.self),
            expiresAt: try row.decode(column: "expires_at", as: Date?.self),
            revokedAt: try row.decode(column: "revoked_at", as: Date?.self),
            lastUsedAt: try row.decode(column: "last_used_at", as: Date?.self)
        )
    }
}
