import SQLKit

/// A column's name and the value to bind for it.
typealias ColumnValue = (String, any Encodable & Sendable)

extension SQLDatabase {
    /// An INSERT of one row from its column values.
    func insert(into table: String, row: [ColumnValue]) -> SQLInsertBuilder {
        insert(into: table).columns(row.map(\.0)).values(row.map { SQLBind($0.1) })
    }

    /// `SELECT * FROM table`, to be narrowed by the caller.
    func selectAll(from table: String) -> SQLSelectBuilder { select().column(SQLLiteral.all).from(table) }
}
