import FluentKit
import SQLKit

/// Higher Severity Service Incidents (each kept as one JSON document beside the columns queries need), the
/// alerts sent for their missed deadlines, the messages they sent, partners' HSSI manager rotas, and the
/// daily checks of those rotas for gaps.
struct CreateHSSIs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw("INSERT INTO sequences (name, value) VALUES ('hssi', 0)").run()
        try await database.schema("hssis")
            .id()
            .field("number", .int64, .required)
            .field("primary_partner_id", .uuid, .required, .references("partners", "id"))
            .field("stage", .string, .required)
            .field("document", .string, .required)
            .field("next_deadline_at", .double)
            .field("version", .int, .required)
            .field("updated_at", .double, .required)
            .unique(on: "number")
            .create()
        try await sql.create(index: "hssis_next_deadline").on("hssis").column("next_deadline_at").run()
        try await database.schema("hssi_alerts")
            .field("hssi_id", .uuid, .required, .references("hssis", "id", onDelete: .cascade))
            .field("alert_key", .string, .required)
            .field("sent_at", .double, .required)
            .unique(on: "hssi_id", "alert_key")
            .create()
        try await database.schema("hssi_messages")
            .field("hssi_id", .uuid, .required, .references("hssis", "id", onDelete: .cascade))
            .field("message_id", .uuid, .required)
            .field("kind", .string, .required)
            .field("partner_id", .uuid)
            .field("position", .int, .required)
            .create()
        try await sql.create(index: "hssi_messages_hssi").on("hssi_messages").column("hssi_id").run()
        try await database.schema("hssi_rota_entries")
            .id()
            .field("partner_id", .uuid, .required, .references("partners", "id", onDelete: .cascade))
            .field("manager_name", .string, .required)
            .field("email", .string, .required)
            .field("phone", .string)
            .field("starts_at", .double, .required)
            .field("ends_at", .double, .required)
            .field("added_by", .string, .required)
            .field("added_at", .double, .required)
            .create()
        try await database.schema("hssi_rota_checks")
            .field("partner_id", .uuid, .required, .references("partners", "id", onDelete: .cascade))
            .field("day", .string, .required)
            .field("checked_at", .double, .required)
            .unique(on: "partner_id", "day")
            .create()
        try await sql.create(index: "hssi_rota_partner").on("hssi_rota_entries").column("partner_id").column(
            "starts_at"
        ).run()
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        try await database.schema("hssi_rota_checks").delete()
        try await database.schema("hssi_rota_entries").delete()
        try await database.schema("hssi_messages").delete()
        try await database.schema("hssi_alerts").delete()
        try await database.schema("hssis").delete()
        try await sql.raw("DELETE FROM sequences WHERE name = 'hssi'").run()
    }
}
