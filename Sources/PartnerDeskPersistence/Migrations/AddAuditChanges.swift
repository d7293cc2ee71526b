import FluentKit
import SQLKit

/// Audit entries that record a change to a record name it (kind and id), list what changed field by field (as
/// JSON), and keep the reason given. The index makes one record's history a short range scan.
struct AddAuditChanges: AsyncMigration {
    static let columns: [FieldKey] = ["record_type", "record_id", "changes", "reason"]

    func prepare(on database: any Database) async throws {
        // SQLite adds one column per statement.
        for column in Self.columns {
            try await database.schema("audit_events").field(column, .string).update()
        }
        let sql = database.sql
        try await sql.create(index: "audit_events_record").on("audit_events")
            .column("record_type").column("record_id").column("sequence").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        try await sql.drop(index: "audit_events_record").run()
        for column in Self.columns.reversed() {
            try await database.schema("audit_events").deleteField(column).update()
        }
    }
}
