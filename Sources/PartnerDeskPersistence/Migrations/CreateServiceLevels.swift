import FluentKit
import SQLKit

/// The platform's components, outages, maintenance windows and the allowance warnings already sent; records
/// kept as one JSON document each beside the columns queries and uniqueness need.
struct CreateServiceLevels: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw("INSERT INTO sequences (name, value) VALUES ('outage', 0), ('maintenance', 0)").run()
        try await database.schema("service_components")
            .field("code", .string, .identifier(auto: false))
            .field("position", .int, .required)
            .field("document", .string, .required)
            .create()
        try await database.schema("outages")
            .id()
            .field("number", .int64, .required)
            .field("component", .string, .required)
            .field("started_at", .double, .required)
            .field("ended_at", .double)
            // The alert that opened it, so a repeated delivery cannot open a second one.
            .field("alert_key", .string)
            .field("document", .string, .required)
            .field("version", .int, .required)
            .field("updated_at", .double, .required)
            .unique(on: "number")
            .unique(on: "alert_key")
            .create()
        try await sql.create(index: "outages_started").on("outages").column("started_at").run()
        try await database.schema("maintenance_windows")
            .id()
            .field("number", .int64, .required)
            .field("starts_at", .double, .required)
            .field("ends_at", .double, .required)
            .field("document", .string, .required)
            .field("version", .int, .required)
            .field("updated_at", .double, .required)
            .unique(on: "number")
            .create()
        try await sql.create(index: "maintenance_windows_starts").on("maintenance_windows").column("starts_at").run()
        try await database.schema("service_level_alerts")
            .field("key", .string, .identifier(auto: false))
            .field("sent_at", .double, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("service_level_alerts").delete()
        try await database.schema("maintenance_windows").delete()
        try await database.schema("outages").delete()
        try await database.schema("service_components").delete()
        try await database.sql.raw("DELETE FROM sequences WHERE name IN ('outage', 'maintenance')").run()
    }
}
