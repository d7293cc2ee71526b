import FluentKit
import Logging
import PartnerDeskDatabaseTestSupport
import PartnerDeskPersistence
import PartnerDeskServices
import PartnerDeskTestSupport

/// Runs a test body against a fresh, migrated database on one engine, and removes it afterwards.
func withMigratedStore(
    _ backend: TestBackend, _ body: (FluentUnitOfWork, Databases, SchemaManager) async throws -> Void
) async throws {
    try await withMigratedStore(backend) { store, databases, schema, _ in try await body(store, databases, schema) }
}

/// The same, also handing over the SQLite writing connection (nil on PostgreSQL).
func withMigratedStore(
    _ backend: TestBackend,
    _ body: (FluentUnitOfWork, Databases, SchemaManager, SQLiteWriter?) async throws -> Void
) async throws {
    let testDatabase = try await TestDatabase.make(backend)
    let logger = {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        return logger
    }()
    let databases = try testDatabase.openDatabases()
    let id = testDatabase.location.databaseID
    let schema = SchemaManager(databases: databases, id: id, logger: logger)
    var writer: SQLiteWriter?
    do {
        try await schema.migrate()
        writer = try await SQLiteWriter.open(for: testDatabase.location, logger: logger)
        let store = FluentUnitOfWork(sqliteWriter: writer) {
            databases.database(id, logger: logger, on: databases.eventLoopGroup.any())!
        }
        try await body(store, databases, schema, writer)
        await writer?.shutdown()
        await databases.shutdownAsync()
        try await testDatabase.drop()
    } catch {
        await writer?.shutdown()
        await databases.shutdownAsync()
        try? await testDatabase.drop()
        throw error
    }
}

/// The stores the repository contract runs on: the in-memory store the use-case tests use, SQLite, and
/// PostgreSQL where ``TestBackend/available`` has it, so the three cannot drift apart.
enum ContractStore: String, CaseIterable, Sendable, CustomStringConvertible {
    case memory
    case sqlite
    case postgres

    static var available: [ContractStore] {
        [.memory] + TestBackend.available.map { $0 == .sqlite ? .sqlite : .postgres }
    }

    var description: String { rawValue }
}

/// Runs a test body against a fresh, empty store of the kind (migrated, for the databases).
func withStore(_ kind: ContractStore, _ body: (any UnitOfWork) async throws -> Void) async throws {
    switch kind {
    case .memory: try await body(InMemoryStore())
    case .sqlite: try await withMigratedStore(.sqlite) { store, _, _ in try await body(store) }
    case .postgres: try await withMigratedStore(.postgres) { store, _, _ in try await body(store) }
    }
}
