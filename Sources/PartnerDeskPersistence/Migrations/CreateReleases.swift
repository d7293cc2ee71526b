import FluentKit
import SQLKit

/// Sprints (with their features), releases, integration-environment notices and the assurance levels, each
/// kept as one JSON document beside the columns queries and uniqueness need.
struct CreateReleases: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw("INSERT INTO sequences (name, value) VALUES ('integration_notice', 0)").run()
        try await database.schema("sprints")
            .id()
            .field("number", .int64, .required)
            .field("starts_on", .string, .required)
            .field("document", .string, .required)
            .field("version", .int, .required)
            .field("updated_at", .double, .required)
            .unique(on: "number")
            .create()
        try await database.schema("releases")
            .id()
            .field("name", .string, .required)
            .field("planned_at", .double, .required)
            .field("status", .string, .required)
            .field("document", .string, .required)
            .field("version", .int, .required)
            .field("updated_at", .double, .required)
            .unique(on: "name")
            .create()
        try await sql.create(index: "releases_planned").on("releases").column("planned_at").run()
        try await database.schema("integration_notices")
            .id()
            .field("number", .int64, .required)
            .field("document", .string, .required)
            .field("version", .int, .required)
            .field("updated_at", .double, .required)
            .unique(on: "number")
            .create()
        try await database.schema("approval_levels")
            .field("code", .string, .identifier(auto: false))
            .field("position", .int, .required)
            .field("document", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("approval_levels").delete()
        try await database.schema("integration_notices").delete()
        try await database.schema("releases").delete()
        try await database.schema("sprints").delete()
        try await database.sql.raw("DELETE FROM sequences WHERE name = 'integration_notice'").run()
    }
}
