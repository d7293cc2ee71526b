import FluentKit

/// Partners, their services and their registration-form contacts.
struct CreatePartners: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("partners")
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("status", .string, .required)
            .field("tier_id", .string, .required)
            .unique(on: "code")
            .create()
        try await database.schema("partner_services")
            .id()
            .field("partner_id", .uuid, .required, .references("partners", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("client_id", .string, .required)
            .field("position", .int, .required)
            .unique(on: "client_id")
            .create()
        try await database.schema("partner_contacts")
            .id()
            .field("partner_id", .uuid, .required, .references("partners", "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("name", .string, .required)
            .field("email", .string, .required)
            .field("phone", .string)
            .unique(on: "partner_id", "role")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("partner_contacts").delete()
        try await database.schema("partner_services").delete()
        try await database.schema("partners").delete()
    }
}
