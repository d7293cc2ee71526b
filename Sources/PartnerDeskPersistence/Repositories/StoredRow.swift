import FluentSQLiteDriver
import Foundation

/// One result row, read by column name as the few kinds of value our tables hold; `nil` is SQL NULL.
///
/// Rows from SQLite are read straight from the driver's values. SQLKit's general decoding (a `Decodable`
/// round trip with dynamic casts for every value, and a decoder object for every optional) cost more than
/// the query itself when a list reads fifty incidents of thirty-odd columns. Other databases go through
/// SQLKit.
protocol StoredRow {
    func optionalText(_ column: String) throws -> String?
    func optionalInteger(_ column: String) throws -> Int?
    func optionalDate(_ column: String) throws -> Date?
    func optionalBool(_ column: String) throws -> Bool?
}

/// A column that is missing from a row, or holds a value of another kind.
struct UnreadableColumn: Error, CustomStringConvertible {
    let column: String
    var description: String { "The column \(column) is missing or holds a value of another kind." }
}

extension StoredRow {
    func text(_ column: String) throws -> String { try required(column, optionalText(column)) }
    func integer(_ column: String) throws -> Int { try required(column, optionalInteger(column)) }
    func date(_ column: String) throws -> Date { try required(column, optionalDate(column)) }
    func bool(_ column: String) throws -> Bool { try required(column, optionalBool(column)) }
    func uuid(_ column: String) throws -> UUID { try required(column, optionalUUID(column)) }

    func optionalUUID(_ column: String) throws -> UUID? {
        guard let text = try optionalText(column) else { return nil }
        guard let id = UUID(uuidString: text) else { throw UnreadableColumn(column: column) }
        return id
    }

    private func required<T>(_ column: String, _ value: T?) throws -> T {
        guard let value else { throw UnreadableColumn(column: column) }
        return value
    }
}

/// A row from SQLite, read with the driver's own conversions (the ones SQLKit would end up using).
private struct SQLiteStoredRow: StoredRow {
    let row: SQLiteRow

    private func value<T>(_ column: String, _ convert: (SQLiteData) -> T?) throws -> T? {
        guard let data = row.column(column) else { throw UnreadableColumn(column: column) }
        if case .null = data { return nil }
        guard let value = convert(data) else { throw UnreadableColumn(column: column) }
        return value
    }

    func optionalText(_ column: String) throws -> String? { try value(column, String.init(sqliteData:)) }
    func optionalInteger(_ column: String) throws -> Int? { try value(column, Int.init(sqliteData:)) }
    func optionalDate(_ column: String) throws -> Date? { try value(column, Date.init(sqliteData:)) }
    func optionalBool(_ column: String) throws -> Bool? { try value(column, Bool.init(sqliteData:)) }
}

/// A row from any SQLKit database.
private struct SQLKitStoredRow: StoredRow {
    let row: any SQLRow

    private func value<T: Decodable>(_ column: String, as type: T.Type) throws -> T? {
        try row.decodeNil(column: column) ? nil : row.decode(column: column, as: T.self)
    }

    func optionalText(_ column: String) throws -> String? { try value(column, as: String.self) }
    func optionalInteger(_ column: String) throws -> Int? { try value(column, as: Int.self) }
    func optionalDate(_ column: String) throws -> Date? { try value(column, as: Date.self) }
    func optionalBool(_ column: String) throws -> Bool? { try value(column, as: Bool.self) }
}

extension SQLDatabase {
    /// Runs a query and returns its rows for reading with ``StoredRow``.
    func storedRows(_ query: any SQLQueryFetcher) async throws -> [any StoredRow] {
        guard let sqlite = self as? any SQLiteDatabase else {
            return try await query.all().map { SQLKitStoredRow(row: $0) }
        }
        let (text, binds) = serialize(query.query)
        let encoder = SQLiteDataEncoder()
        return try await sqlite.query(text, binds.map { try encoder.encode($0) }).map { SQLiteStoredRow(row: $0) }
    }
}
