import FluentKit
import SQLKit

/// Replaying clocks after a bank-holiday import reads the running ones a page at a time in reference order.
/// With only `active_until` indexed, every page read and sorted all of them (100,000 running clocks took 45 s
/// to replay); with the reference number after it, a page is one range of the index. The new index begins with
/// `active_until`, so it also serves the monthly report's range over it and replaces the old one.
struct IndexRunningClocks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.create(index: "incidents_running").on("incidents").column("active_until")
            .column("number").run()
        try await database.sql.drop(index: "incidents_active").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.create(index: "incidents_active").on("incidents").column("active_until").run()
        try await database.sql.drop(index: "incidents_running").run()
    }
}
