import FluentKit
import SQLKit

/// Incidents, their timelines, and the sequence their references come from.
struct CreateIncidents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("sequences")
            .field("name", .string, .identifier(auto: false))
            .field("value", .int64, .required)
            .create()
        try await database.sql.raw("INSERT INTO sequences (name, value) VALUES ('incident', 0)").run()

        try await database.schema("incidents")
            .id()
            .field("number", .int64, .required)
            .field("partner_id", .uuid, .required, .references("partners", "id", onDelete: .restrict))
            .field("service_id", .uuid)
            .field("partner_reference", .string)
            .field("type", .string, .required)
            .field("occurred_at", .datetime, .required)
            .field("user_email", .string, .required)
            .field("error_type", .string, .required)
            .field("description", .string, .required)
            .field("device_type", .string, .required)
            .field("operating_system", .string, .required)
            .field("operating_system_version", .string, .required)
            .field("error_codes", .string, .required)
            .field("checked_known_problems", .bool, .required)
            .field("suspected_problem", .string)
            .field("alternative_contact", .string)
            .field("suggested_severity", .int)
            .field("status", .string, .required)
            .field("status_before_waiting", .string)
            .field("severity", .int)
            .field("resolver_group", .string, .required)
            .field("linked_problem", .string)
            .field("resolution_kind", .string)
            .field("resolution_summary", .string)
            .field("clock_events", .string, .required)
            .field("raised_at", .datetime, .required)
            .field("raised_by", .string, .required)
            .field("updated_at", .datetime, .required)
            .field("version", .int, .required)
            .field("sort_due", .int64, .required)
            .field("breach_at", .int64)
            .field("search_text", .string, .required)
            .unique(on: "number")
            .create()
        let sql = database.sql
        try await sql.create(index: "incidents_partner_due").on("incidents").column("partner_id").column("sort_due")
            .column("number").run()
        try await sql.create(index: "incidents_due").on("incidents").column("sort_due").column("number").run()
        try await sql.create(index: "incidents_status").on("incidents").column("status").run()

        try await database.schema("incident_events")
            .id()
            .field("incident_id", .uuid, .required, .references("incidents", "id", onDelete: .cascade))
            .field("at", .datetime, .required)
            .field("ordinal", .int64, .required)
            .field("kind", .string, .required)
            .field("action", .string)
            .field("from_status", .string)
            .field("to_status", .string)
            .field("detail", .string)
            .field("visibility", .string, .required)
            .field("actor_name", .string, .required)
            .field("actor_role", .string, .required)
            .field("note", .string)
            .create()
        try await sql.create(index: "incident_events_incident").on("incident_events").column("incident_id")
            .column("ordinal").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("incident_events").delete()
        try await database.schema("incidents").delete()
        try await database.schema("sequences").delete()
    }
}

/// API tokens (only hashes of their secrets) and the responses remembered for idempotency keys.
struct CreateTokensAndIdempotencyKeys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("api_tokens")
            .id()
            .field("name", .string, .required)
            .field("role", .string, .required)
            .field("partner_id", .uuid, .references("partners", "id", onDelete: .restrict))
            .field("scope", .string, .required)
            .field("secret_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime)
            .field("revoked_at", .datetime)
            .field("last_used_at", .datetime)
            .unique(on: "secret_hash")
            .create()
        try await database.schema("idempotency_keys")
            .id()
            .field("scope", .string, .required)
            .field("key", .string, .required)
            .field("fingerprint", .string, .required)
            .field("status", .int, .required)
            .field("body", .data, .required)
            .field("location", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "scope", "key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("idempotency_keys").delete()
        try await database.schema("api_tokens").delete()
    }
}
