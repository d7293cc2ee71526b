import FluentKit
import SQLKit

/// The transactional outbox, the record of announced SLA escalations, partners' webhook endpoints, people's
/// notification opt-outs, and each incident's next escalation instant.
struct CreateNotifications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await database.schema("incidents").field("next_escalation_at", .int64).update()
        try await sql.create(index: "incidents_next_escalation").on("incidents").column("next_escalation_at").run()

        try await database.schema("outbox")
            .id()
            .field("channel", .string, .required)
            .field("event", .string, .required)
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("text_body", .string, .required)
            .field("html_body", .string, .required)
            .field("payload", .string, .required)
            .field("partner_id", .uuid)
            .field("incident_id", .uuid)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .int64, .required)
            .field("claimed_until", .int64, .required)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .field("delivered_at", .datetime)
            .create()
        try await sql.create(index: "outbox_due").on("outbox").column("status").column("next_attempt_at").run()

        try await database.schema("escalations")
            .field("incident_id", .uuid, .required, .references("incidents", "id", onDelete: .cascade))
            .field("percent", .int, .required)
            .field("target_seconds", .int, .required)
            .field("announced_at", .datetime, .required)
            .unique(on: "incident_id", "percent", "target_seconds")
            .create()

        try await database.schema("webhook_endpoints")
            .id()
            .field("partner_id", .uuid, .required, .references("partners", "id", onDelete: .cascade))
            .field("url", .string, .required)
            .field("events", .string, .required)
            .field("secret", .string, .required)
            .field("previous_secret", .string)
            .field("previous_secret_expires_at", .datetime)
            .field("created_at", .datetime, .required)
            .create()

        try await database.schema("notification_opt_outs")
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("event", .string, .required)
            .unique(on: "user_id", "event")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("notification_opt_outs").delete()
        try await database.schema("webhook_endpoints").delete()
        try await database.schema("escalations").delete()
        try await database.schema("outbox").delete()
        try await database.sql.drop(index: "incidents_next_escalation").run()
        try await database.schema("incidents").deleteField("next_escalation_at").update()
    }
}
