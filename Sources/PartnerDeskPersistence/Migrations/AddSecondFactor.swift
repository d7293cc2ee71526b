import FluentKit

/// Authenticator (TOTP) secrets on users, and sessions that wait for the code after the password.
/// One column per statement: SQLite's ALTER TABLE changes one column at a time.
struct AddSecondFactor: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users").field("totp_secret", .string).update()
        try await database.schema("users").field("totp_last_counter", .int64).update()
        try await database.schema("sessions")
            .field("awaiting_second_factor", .bool, .required, .sql(.default(false)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sessions").deleteField("awaiting_second_factor").update()
        try await database.schema("users").deleteField("totp_last_counter").update()
        try await database.schema("users").deleteField("totp_secret").update()
    }
}
