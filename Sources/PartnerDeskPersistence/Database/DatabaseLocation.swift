import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging

/// Where the data lives: an embedded SQLite file (the default) or a PostgreSQL server.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    /// An SQLite database file, created on first use.
    case sqlite(path: String)
    /// A PostgreSQL connection URL (`postgres://user:password@host:port/database?sslmode=…`).
    case postgres(url: String)

    /// Reads a `DATABASE_URL` or `--database` value: `postgres://…` or `postgresql://…` selects PostgreSQL;
    /// `sqlite://PATH`, `sqlite:PATH` or a plain file path selects SQLite. The text of the error says what
    /// was wrong, without repeating any password.
    public static func parse(_ text: String) -> Result<DatabaseLocation, DatabaseLocationError> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("postgres://") || trimmed.hasPrefix("postgresql://") {
            do {
                _ = try SQLPostgresConfiguration(url: trimmed)
                return .success(.postgres(url: trimmed))
            } catch {
                return .failure(
                    DatabaseLocationError(
                        message: "is not a usable PostgreSQL URL (expected postgres://user:password@host:port/database)"
                    )
                )
            }
        }
        var path = trimmed
        for prefix in ["sqlite://", "sqlite:"] where path.hasPrefix(prefix) {
            path = String(path.dropFirst(prefix.count))
            break
        }
        if path.isEmpty {
            return .failure(DatabaseLocationError(message: "names no SQLite file"))
        }
        if trimmed.contains("://"), !trimmed.hasPrefix("sqlite://") {
            return .failure(
                DatabaseLocationError(message: "uses an unsupported scheme (use postgres:// or a file path)"))
        }
        return .success(.sqlite(path: path))
    }

    /// The Fluent identifier of the driver.
    public var databaseID: DatabaseID {
        switch self {
        case .sqlite: .sqlite
        case .postgres: .psql
        }
    }

    /// Whether this is the embedded SQLite database.
    public var isSQLite: Bool {
        if case .sqlite = self { true } else { false }
    }

    /// A description safe for logs: the PostgreSQL password is never shown.
    public var description: String {
        switch self {
        case .sqlite(let path):
            return "SQLite at \(path)"
        case .postgres(let url):
            guard var components = URLComponents(string: url) else { return "PostgreSQL" }
            if components.password != nil { components.password = "***" }
            return "PostgreSQL at \(components.string ?? "?")"
        }
    }

    /// The Fluent configuration for this location. For SQLite the file's folder is created when missing.
    public func configurationFactory(maxConnectionsPerEventLoop: Int) throws -> DatabaseConfigurationFactory {
        switch self {
        case .sqlite(let path):
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return .sqlite(.file(path), sqlLogLevel: .trace)
        case .postgres(let url):
            return .postgres(
                configuration: try SQLPostgresConfiguration(url: url),
                maxConnectionsPerEventLoop: maxConnectionsPerEventLoop,
                sqlLogLevel: .trace
            )
        }
    }
}

/// Why a database setting could not be used.
public struct DatabaseLocationError: Error, Equatable, Sendable {
    /// Completes the sentence "The database setting …".
    public var message: String
}
