import FluentKit
import Logging
import SQLKit

/// Puts the embedded SQLite database into write-ahead-log mode with full synchronisation, so an
/// acknowledged write survives a power cut, and readers never block the writer; and sizes each connection's
/// page cache and temporary storage for a store of millions of rows.
///
/// `journal_mode` is stored in the file; `synchronous` belongs to each connection, so it is set on the
/// connection of every event loop (the SQLite driver keeps exactly one per loop).
public enum SQLiteDurability {
    /// Applies both settings on the connection of every event loop and checks that SQLite accepted them.
    public static func apply(to databases: Databases, logger: Logger) async throws {
        var loops = databases.eventLoopGroup.makeIterator()
        while let loop = loops.next() {
            guard let sql = databases.database(.sqlite, logger: logger, on: loop) as? any SQLDatabase else { return }
            let mode = try await sql.raw("PRAGMA journal_mode = WAL").first()?.decode(
                column: "journal_mode", as: String.self)
            guard mode?.lowercased() == "wal" else { throw SQLiteDurabilityError.walRefused(mode: mode ?? "unknown") }
            try await sql.raw("PRAGMA synchronous = FULL").run()
            // Not durability, but set in the same place on the same connections: a statement that writes many
            // rows keeps its undo journal in memory rather than in a temporary file, and each connection may
            // cache 32 MiB of pages rather than SQLite's 2 MiB, so a large store is not re-read from disk.
            try await sql.raw("PRAGMA temp_store = MEMORY").run()
            try await sql.raw("PRAGMA cache_size = -32768").run()
        }
    }

    /// The journal mode and synchronous level of every event loop's connection, for tests and diagnostics.
    public static func settings(of databases: Databases, logger: Logger) async throws -> [(
        journalMode: String, synchronous: Int
    )] {
        var result: [(String, Int)] = []
        var loops = databases.eventLoopGroup.makeIterator()
        while let loop = loops.next() {
            guard let sql = databases.database(.sqlite, logger: logger, on: loop) as? any SQLDatabase else { break }
            let journal = try await sql.raw("PRAGMA journal_mode").first()?.decode(
                column: "journal_mode", as: String.self)
            let sync = try await sql.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self)
            result.append((journal ?? "", sync ?? -1))
        }
        return result
    }
}

/// SQLite kept its rollback journal instead of switching to write-ahead logging.
public enum SQLiteDurabilityError: Error, CustomStringConvertible {
    case walRefused(mode: String)

    public var description: String {
        switch self {
        case .walRefused(let mode):
            "SQLite refused write-ahead-log mode (journal mode is still \(mode)); is another program holding the file?"
        }
    }
}
