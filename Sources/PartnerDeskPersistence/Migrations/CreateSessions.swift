import FluentKit
import SQLKit

/// Browser sessions, failed sign-ins (for throttling) and one-time links (invitations, password resets).
/// Only hashes of secrets are stored.
struct CreateSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("sessions")
            .field("secret_hash", .string, .identifier(auto: false))
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("csrf_token", .string, .required)
            .field("revoked_at", .datetime)
            .create()
        try await database.schema("sign_in_failures")
            .id()
            .field("key", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await database.schema("one_time_links")
            .field("secret_hash", .string, .identifier(auto: false))
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("purpose", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .create()
        let sql = database.sql
        try await sql.create(index: "sessions_user").on("sessions").column("user_id").run()
        try await sql.create(index: "sign_in_failures_key").on("sign_in_failures").column("key").column("at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("one_time_links").delete()
        try await database.schema("sign_in_failures").delete()
        try await database.schema("sessions").delete()
    }
}
