import FluentKit
import SQLKit

/// Partners get a version for optimistic concurrency now that their details can be edited, and each partner's
/// way to live (onboarding evidence, status moves, early-live check-ins) is kept whole as a JSON document.
struct CreatePartnerJourneys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("partners").field("version", .int, .required, .sql(.default(1))).update()
        try await database.schema("partner_journeys")
            .field("id", .uuid, .identifier(auto: false), .references("partners", "id", onDelete: .cascade))
            .field("version", .int, .required)
            .field("document", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("partner_journeys").delete()
        try await database.schema("partners").deleteField("version").update()
    }
}
