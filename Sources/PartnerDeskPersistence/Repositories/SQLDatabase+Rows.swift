import SQLKit

/// A column's name and the value to bind for it.
typealias ColumnValue = (String, any Encodable & Sendable)

/// A column name of ours, quoted for SQLite and PostgreSQL alike. `SQLIdentifier` escapes embedded quotes
/// with a regular-expression replace on every use, which profiles showed among the costliest steps of an
/// incident insert (33 columns); our names are constants without quotes, so plain quoting is exact.
func quotedColumn(_ name: String) -> SQLRaw { SQLRaw("\"\(name)\"") }

extension SQLDatabase {
    /// An INSERT of one row from its column values.
    func insert(into table: String, row: [ColumnValue]) -> SQLInsertBuilder {
        insert(into: table).columns(row.map { quotedColumn($0.0) }).values(row.map { SQLBind($0.1) })
    }

    /// `SELECT * FROM table`, to be narrowed by the caller.
    func selectAll(from table: String) -> SQLSelectBuilder { select().column(SQLLiteral.all).from(table) }
}
