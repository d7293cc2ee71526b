import Foundation
import PartnerDeskServices
import SQLKit

/// Records kept as one JSON document each, beside the columns that order, find and keep them unique: read and
/// written whole, a change only where the row still has the version it was read at.
struct SQLDocuments {
    let sql: any SQLDatabase

    private static let encoder = JSONEncoder()

    /// The JSON text of a record.
    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Writes every column but the first (the id) where the row still has `expectedVersion`.
    func replace(_ table: String, id: UUID, row: [ColumnValue], expectedVersion: Int) async throws {
        var update = sql.update(table)
        for (column, value) in row.dropFirst() { update = update.set(quotedColumn(column), to: SQLBind(value)) }
        let claimed = try await update.where("id", .equal, id).where("version", .equal, expectedVersion)
            .returning("id").all()
        guard !claimed.isEmpty else { throw RepositoryError.staleVersion }
    }

    /// The one record whose `column` has `value`, if any.
    func document<Record: Decodable>(_ table: String, where column: String, _ value: any Encodable & Sendable)
        async throws -> Record?
    {
        let found: [Record] = try await documents(
            sql.select().column("document").from(table).where(column, .equal, value))
        return found.first
    }

    /// The records a query selects (its `document` column), in its order.
    func documents<Record: Decodable>(_ query: SQLSelectBuilder) async throws -> [Record] {
        try await query.all().map { row in
            let document = try row.decode(column: "document", as: String.self)
            do {
                return try JSONDecoder().decode(Record.self, from: Data(document.utf8))
            } catch {
                throw StoredDataError.unreadable(table: "\(Record.self)", id: nil)
            }
        }
    }

    /// The next value of a named sequence, never handed out twice.
    func next(_ sequence: String) async throws -> Int {
        let row = try await sql.raw(
            "UPDATE sequences SET value = value + 1 WHERE name = \(bind: sequence) RETURNING value"
        ).first()
        guard let value = try row?.decode(column: "value", as: Int.self) else {
            throw StoredDataError.unreadable(table: "sequences", id: nil)
        }
        return value
    }
}
