import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import SQLKit

/// Partners' webhook endpoints in SQL. The signing secrets are stored as they are: they must be used, not
/// only compared (see docs/webhooks.md).
struct SQLWebhookEndpointRepository: WebhookEndpointRepository {
    static let table = "webhook_endpoints"
    let sql: any SQLDatabase

    func create(_ endpoint: WebhookEndpoint) async throws {
        try await sql.insert(into: Self.table, row: try Self.row(endpoint))
    }

    func find(id: WebhookEndpoint.ID) async throws -> WebhookEndpoint? {
        try await sql.selectAll(from: Self.table).where("id", .equal, id).first().map(Self.endpoint(from:))
    }

    func list(partnerID: Partner.ID?) async throws -> [WebhookEndpoint] {
        var select = sql.selectAll(from: Self.table).orderBy("created_at")
        if let partnerID { select = select.where("partner_id", .equal, partnerID.rawValue) }
        return try await select.all().map(Self.endpoint(from:))
    }

    func update(_ endpoint: WebhookEndpoint) async throws {
        var update = sql.update(Self.table)
        for (column, value) in try Self.row(endpoint).dropFirst() {
            update = update.set(quotedColumn(column), to: SQLBind(value))
        }
        try await update.where("id", .equal, endpoint.id).run()
    }

    func delete(id: WebhookEndpoint.ID) async throws {
        try await sql.delete(from: Self.table).where("id", .equal, id).run()
    }

    private static func row(_ endpoint: WebhookEndpoint) throws -> [ColumnValue] {
        let events = String(decoding: try JSONEncoder().encode(endpoint.events.map(\.rawValue).sorted()), as: UTF8.self)
        return [
            ("id", endpoint.id), ("partner_id", endpoint.partnerID.rawValue), ("url", endpoint.url.absoluteString),
            ("events", events), ("secret", endpoint.secret), ("previous_secret", endpoint.previousSecret),
            ("previous_secret_expires_at", endpoint.previousSecretExpiresAt), ("created_at", endpoint.createdAt),
        ]
    }

    private static func endpoint(from row: any SQLRow) throws -> WebhookEndpoint {
        let id = try row.decode(column: "id", as: UUID.self)
        let names = try JSONDecoder().decode(
            [String].self, from: Data(try row.decode(column: "events", as: String.self).utf8))
        guard let url = URL(string: try row.decode(column: "url", as: String.self)) else {
            throw StoredDataError.unreadable(table: table, id: id)
        }
        return WebhookEndpoint(
            id: id, partnerID: .init(try row.decode(column: "partner_id", as: UUID.self)), url: url,
            events: Set(names.compactMap(NotificationEvent.init(rawValue:))),
            secret: try row.decode(column: "secret", as: String.self),
            previousSecret: try row.decode(column: "previous_secret", as: String?.self),
            previousSecretExpiresAt: try row.decode(column: "previous_secret_expires_at", as: Date?.self),
            createdAt: try row.decode(column: "created_at", as: Date.self)
        )
    }
}
