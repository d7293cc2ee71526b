import SQLKit
import Synchronization

/// A column's name and the value to bind for it.
typealias ColumnValue = (String, any Encodable & Sendable)

/// A column name of ours, quoted for SQLite and PostgreSQL alike. `SQLIdentifier` escapes embedded quotes
/// with a regular-expression replace on every use, which profiles showed among the costliest steps of an
/// incident insert (33 columns); our names are constants without quotes, so plain quoting is exact.
func quotedColumn(_ name: String) -> SQLRaw { SQLRaw("\"\(name)\"") }

extension SQLDatabase {
    /// Inserts one row from its column values.
    ///
    /// The statement's text depends only on the dialect, the table and the columns, so it is rendered by
    /// SQLKit once and kept: building and serialising the insert expression on every call took a tenth of
    /// the time of SQLite's single writer per incident raised.
    func insert(into table: String, row: [ColumnValue]) async throws {
        let columns = row.map(\.0)
        let key = "\(dialect.name) \(table) \(columns.joined(separator: ","))"
        let text = try RenderedInserts.cache.withLock { cache in
            if let text = cache[key] { return text }
            let builder = insert(into: table).columns(columns.map(quotedColumn)).values(columns.map { _ in SQLBind(0) })
            let text = serialize(builder.query).sql
            guard cache.count < RenderedInserts.limit else { throw RenderedInserts.TooMany(count: cache.count) }
            cache[key] = text
            return text
        }
        try await execute(sql: RenderedStatement(text: text, binds: row.map(\.1))) { _ in }
    }

    /// `SELECT * FROM table`, to be narrowed by the caller.
    func selectAll(from table: String) -> SQLSelectBuilder { select().column(SQLLiteral.all).from(table) }
}

/// The rendered texts of `insert(into:row:)`, by dialect, table and columns.
private enum RenderedInserts {
    static let cache = Mutex<[String: String]>([:])
    /// Far more than the few tables and column lists the repositories write; reaching it means a caller
    /// builds column lists from data, which this cache is not for.
    static let limit = 256

    struct TooMany: Error, CustomStringConvertible {
        let count: Int
        var description: String { "More than \(count) distinct INSERT statements: column lists must be constants." }
    }
}

/// A statement whose text was rendered earlier, with the values to bind to its parameters.
private struct RenderedStatement: SQLExpression {
    let text: String
    let binds: [any Encodable & Sendable]

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write(text)
        serializer.binds += binds
    }
}
