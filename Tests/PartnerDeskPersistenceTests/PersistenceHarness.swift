import FluentKit
import Logging
import PartnerDeskDatabaseTestSupport
import PartnerDeskPersistence
import PartnerDeskServices

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
