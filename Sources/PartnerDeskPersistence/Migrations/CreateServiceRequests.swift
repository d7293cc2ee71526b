import FluentKit
import SQLKit

/// Service requests: each whole as a JSON document, with the columns lists and the warnings job read beside
/// it (instants as seconds since 1970), and their own reference sequence.
struct CreateServiceRequests: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw("INSERT INTO sequences (name, value) VALUES ('service_request', 0)").run()
        try await database.schema("service_requests")
            .id()
            .field("number", .int64, .required)
            .field("partner_id", .uuid, .required, .references("partners", "id", onDelete: .restrict))
            .field("status", .string, .required)
            .field("next_warning_at", .double)
            .field("version", .int, .required)
            .field("document", .string, .required)
            .unique(on: "number")
            .create()
        try await sql.create(index: "service_requests_partner").on("service_requests").column("partner_id")
            .column("number").run()
        try await sql.create(index: "service_requests_next_warning").on("service_requests")
            .column("next_warning_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("service_requests").delete()
        try await database.sql.raw("DELETE FROM sequences WHERE name = 'service_request'").run()
    }
}
