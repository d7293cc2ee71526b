import FluentKit
import SQLKit

/// The append-only, hash-chained audit log. Triggers refuse every UPDATE and DELETE, so even a mistaken
/// statement cannot quietly edit history (a determined database owner could drop the triggers, which is
/// what `partnerdesk audit verify` is there to catch).
struct CreateAuditLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("audit_events")
            .field("sequence", .int64, .identifier(auto: false))
            .field("at", .datetime, .required)
            .field("at_millis", .int64, .required)
            .field("actor", .string, .required)
            .field("actor_name", .string, .required)
            .field("partner_id", .uuid)
            .field("action", .string, .required)
            .field("outcome", .string, .required)
            .field("target", .string)
            .field("detail", .string)
            .field("request_id", .string)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .create()
        let sql = database.sql
        try await sql.create(index: "audit_events_partner").on("audit_events").column("partner_id").column("sequence")
            .run()
        try await sql.raw("INSERT INTO sequences (name, value) VALUES ('audit', 0)").run()
        if sql.dialect.name == "sqlite" {
            for operation in ["UPDATE", "DELETE"] {
                try await sql.raw(
                    """
                    CREATE TRIGGER audit_events_no_\(unsafeRaw: operation.lowercased()) BEFORE \(unsafeRaw: operation) ON audit_events
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END
                    """
                ).run()
            }
        } else {
            try await sql.raw(
                """
                CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
                FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()
                """
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        try await database.schema("audit_events").delete()
        if sql.dialect.name != "sqlite" {
            try await sql.raw("DROP FUNCTION IF EXISTS audit_events_append_only()").run()
        }
        try await sql.raw("DELETE FROM sequences WHERE name = 'audit'").run()
    }
}
