import FluentKit
import Logging
import PartnerDeskDatabaseTestSupport
import PartnerDeskPersistence
import PartnerDeskServices

/// Runs a test body against a fresh, migrated database on one engine, and removes it afterwards.
func withMigratedStore(
    _ backend: TestBackend, _ body: (FluentUnitOfWork, Databases, SchemaManager) async throws -> Void
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
    do {
        try await schema.migrate()
        let store = FluentUnitOfWork(isSQLite: backend == .sqlite) {
            databases.database(id, logger: logger, on: databases.eventLoopGroup.any())!
        }
        try await body(store, databases, schema)
        await databases.shutdownAsync()
        try await testDatabase.drop()
    } catch {
        await databases.shutdownAsync()
        try? await testDatabase.drop()
        throw error
    }
}
