import FluentKit

/// The components each partner chose as the ones its services use (one row per partner that chose; a JSON
/// array of codes), so outage and maintenance notices reach only those they concern.
struct CreateComponentChoices: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("partner_components")
            .field("partner_id", .uuid, .identifier(auto: false), .references("partners", "id", onDelete: .cascade))
            .field("components", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("partner_components").delete()
    }
}
