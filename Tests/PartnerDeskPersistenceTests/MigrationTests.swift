import FluentKit
import Logging
import PartnerDeskDatabaseTestSupport
import PartnerDeskPersistence
import SQLKit
import Testing

@Suite struct MigrationTests {
    @Test(arguments: TestBackend.available)
    func migrations_goForwardBackAndForwardAgain(_ backend: TestBackend) async throws {
        try await withMigratedStore(backend) { _, databases, schema in
            #expect(try await schema.pending().isEmpty)
            let tables = try await tableNames(databases)
            #expect(tables.isSuperset(of: ["partners", "partner_services", "partner_contacts", "users"]))

            try await schema.revertAll()
            #expect(try await schema.pending().count == PartnerDeskMigrations.all.count)
            #expect(try await tableNames(databases).isDisjoint(with: ["partners", "users"]))

            let applied = try await schema.migrate()
            #expect(applied.count == PartnerDeskMigrations.all.count)
            #expect(try await schema.pending().isEmpty)
        }
    }

    @Test(arguments: TestBackend.available)
    func revertLastBatch_undoesOnlyTheNewestBatch(_ backend: TestBackend) async throws {
        try await withMigratedStore(backend) { _, _, schema in
            let reverted = try await schema.revertLastBatch()
            #expect(reverted.count == PartnerDeskMigrations.all.count)
            #expect(try await schema.revertLastBatch().isEmpty)
            #expect(try await schema.migrate().count == PartnerDeskMigrations.all.count)
        }
    }

    @Test func sqliteDurability_setsWriteAheadLogAndFullSync() async throws {
        try await withMigratedStore(.sqlite) { _, databases, _, writer in
            try await SQLiteDurability.apply(to: databases, logger: Logger(label: "test"))
            let settings = try await SQLiteDurability.settings(of: databases, logger: Logger(label: "test"))
            #expect(!settings.isEmpty)
            #expect(settings.allSatisfy { $0.journalMode == "wal" && $0.synchronous == 2 })
            // The connection that commits every transaction is set up the same way on its own.
            let writing = try #require(try await writer?.settings())
            #expect(writing.journalMode == "wal" && writing.synchronous == 2)
        }
    }

    private func tableNames(_ databases: Databases) async throws -> Set<String> {
        let database = databases.database(logger: Logger(label: "test"), on: databases.eventLoopGroup.any())!
        let sql = database as! any SQLDatabase
        let query: SQLQueryString =
            sql.dialect.name == "sqlite"
            ? "SELECT name FROM sqlite_master WHERE type = 'table'"
            : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'"
        return Set(try await sql.raw(query).all().map { try $0.decode(column: "name", as: String.self) })
    }
}
