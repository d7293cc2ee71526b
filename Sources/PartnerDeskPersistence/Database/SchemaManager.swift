import FluentKit
import Logging
import SQLKit

/// Applies, reverts and inspects the migration list on one database.
///
/// On PostgreSQL every change runs on one connection holding an advisory lock, so several instances
/// starting together never apply the same migration twice.
public struct SchemaManager: Sendable {
    private let databases: Databases
    private let id: DatabaseID
    private let logger: Logger

    public init(databases: Databases, id: DatabaseID, logger: Logger) {
        self.databases = databases
        self.id = id
        self.logger = logger
    }

    /// The migrations this code knows, registered on `migrations` for the chosen database.
    public static func register(on migrations: Migrations, id: DatabaseID) {
        migrations.add(PartnerDeskMigrations.all, to: id)
    }

    /// Applies every pending migration as one batch; returns their names.
    @discardableResult
    public func migrate() async throws -> [String] {
        try await withMigrator { migrator in
            try await migrator.setupIfNeeded().get()
            let pending = try await migrator.previewPrepareBatch().get().map { $0.0.name }
            if !pending.isEmpty { try await migrator.prepareBatch().get() }
            return pending
        }
    }

    /// Reverts the most recently applied batch; returns the names of the reverted migrations.
    @discardableResult
    public func revertLastBatch() async throws -> [String] {
        try await withMigrator { migrator in
            try await migrator.setupIfNeeded().get()
            let reverted = try await migrator.previewRevertLastBatch().get().map { $0.0.name }
            if !reverted.isEmpty { try await migrator.revertLastBatch().get() }
            return reverted
        }
    }

    /// Reverts every batch, leaving an empty schema (used by tests that walk the list both ways).
    public func revertAll() async throws {
        try await withMigrator { migrator in
            try await migrator.setupIfNeeded().get()
            try await migrator.revertAllBatches().get()
        }
    }

    /// Names of migrations not yet applied.
    public func pending() async throws -> [String] {
        try await migrator(on: database()).previewPrepareBatch().get().map { $0.0.name }
    }

    private func database() -> any Database {
        databases.database(id, logger: logger, on: databases.eventLoopGroup.any())!
    }

    private func migrator(on database: any Database) -> Migrator {
        let migrations = Migrations()
        Self.register(on: migrations, id: id)
        return Migrator(databaseFactory: { _ in database }, migrations: migrations, on: database.eventLoop)
    }

    private func withMigrator<T: Sendable>(_ body: @escaping @Sendable (Migrator) async throws -> T) async throws -> T {
        guard id == .psql else { return try await body(migrator(on: database())) }
        return try await exclusively { connection in try await body(migrator(on: connection)) }
    }

    /// Runs `body` while no other PartnerDesk instance on the same PostgreSQL database runs a section of its
    /// own (migrations, loading the demo data): it holds the advisory lock on one connection, which it hands
    /// to `body`. On SQLite there is one process, so `body` simply runs.
    public func exclusively<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T
    {
        guard id == .psql else { return try await body(database()) }
        return try await database().withConnection { connection in
            let sql = connection.sql
            try await sql.raw("SELECT pg_advisory_lock(\(literal: Self.migrationLockKey))").run()
            do {
                let result = try await body(connection)
                try await sql.raw("SELECT pg_advisory_unlock(\(literal: Self.migrationLockKey))").run()
                return result
            } catch {
                try? await sql.raw("SELECT pg_advisory_unlock(\(literal: Self.migrationLockKey))").run()
                throw error
            }
        }
    }

    /// An arbitrary constant shared by every PartnerDesk instance ("PDMIGRAT" in ASCII).
    private static let migrationLockKey: Int64 = 0x5044_4D49_4752_4154
}
