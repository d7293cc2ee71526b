import FluentKit
import SQLKit

extension Database {
    /// The same session as SQLKit sees it. Both drivers PartnerDesk runs on (SQLite and PostgreSQL) are SQL
    /// databases, so this is the one place the cast is made.
    var sql: any SQLDatabase { self as! any SQLDatabase }
}
