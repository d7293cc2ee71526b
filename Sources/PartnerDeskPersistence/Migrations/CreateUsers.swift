import FluentKit

/// People who sign in, each with one role and, for partner roles, one partner.
struct CreateUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users")
            .id()
            .field("email", .string, .required)
            .field("display_name", .string, .required)
            .field("role", .string, .required)
            .field("partner_id", .uuid, .references("partners", "id", onDelete: .restrict))
            .field("password_hash", .string, .required)
            .field("is_active", .bool, .required)
            .unique(on: "email")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").delete()
    }
}
