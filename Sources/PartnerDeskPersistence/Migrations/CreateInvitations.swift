import FluentKit
import SQLKit

/// Invitations partner administrators sent, kept so the organisation sees each one alike until it is accepted
/// or expires, whether or not the address already had an account (see `PendingInvitation`).
struct CreateInvitations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("invitations")
            .id()
            .field("partner_id", .uuid, .required, .references("partners", "id"))
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("role", .string, .required)
            .field("invited_by", .string, .required)
            .field("invited_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("link_hash", .string, .required)
            .field("user_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("accepted_at", .datetime)
            .create()
        let sql = database.sql
        try await sql.create(index: "invitations_partner").on("invitations").column("partner_id").column("invited_at")
            .run()
        try await sql.create(index: "invitations_link").on("invitations").column("link_hash").unique().run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("invitations").delete()
    }
}
