import FluentKit
import SQLKit

/// A partner administrator reads their organisation's recent webhook deliveries, newest first.
struct IndexOutboxByPartner: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.create(index: "outbox_partner").on("outbox")
            .column("partner_id").column("channel").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "outbox_partner").run()
    }
}
