import FluentKit
import Foundation
import Logging
import PartnerDeskDatabaseTestSupport
import PartnerDeskDomain
import PartnerDeskServices
import SQLKit
import Testing

@testable import PartnerDeskPersistence

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

    /// E-mails queued before the outbox kept content blocks are sent from their plain text, a paragraph per
    /// blank-line-separated block; going back gives the earlier version bodies it can send.
    @Test(arguments: TestBackend.available)
    func queuedEmails_keepTheirWords_acrossTheMoveToContentBlocks(_ backend: TestBackend) async throws {
        try await withMigratedStore(backend) { store, databases, _ in
            let database = databases.database(logger: Logger(label: "test"), on: databases.eventLoopGroup.any())!
            let now = Date(timeIntervalSince1970: 1_795_000_000)
            let queued = OutboxMessage(
                id: UUID(), channel: .email, event: "incident.received", recipient: "ada@example.org",
                subject: "Received", content: EmailContent([.paragraph("Hello"), .action(label: "Open", link: "<x>")]),
                partnerID: nil, incidentID: nil, nextAttemptAt: now, createdAt: now)
            try await store.repositories.outbox.enqueue([queued])

            try await StoreEmailContent().revert(on: database)
            let sql = database.sql
            let bodies = try #require(
                try await sql.select().column("text_body").column("html_body").from("outbox").first())
            #expect(try bodies.decode(column: "text_body", as: String.self) == "Hello\n\nOpen\n\n<x>")
            #expect(try bodies.decode(column: "html_body", as: String.self) == "<pre>Hello\n\nOpen\n\n&lt;x&gt;</pre>")
            let older = UUID()
            try await sql.update("outbox").set("text_body", to: "First.\n\nSecond,\nstill second.\n\n\nThird\n")
                .where("id", .equal, queued.id).run()
            try await sql.insert(into: "outbox")
                .columns(
                    "id", "channel", "event", "recipient", "subject", "text_body", "html_body", "payload",
                    "status", "attempts", "next_attempt_at", "claimed_until", "created_at"
                )
                .values(
                    SQLBind(older), SQLBind("webhook"), SQLBind("incident.received"), SQLBind(UUID().uuidString),
                    SQLBind(""), SQLBind(""), SQLBind(""), SQLBind("{}"), SQLBind("pending"), SQLBind(0),
                    SQLBind(Int64(0)), SQLBind(Int64(0)), SQLBind(now)
                ).run()

            try await StoreEmailContent().prepare(on: database)
            let outbox = store.repositories.outbox
            #expect(
                try await outbox.find(id: queued.id)?.content
                    == EmailContent([.paragraph("First."), .paragraph("Second,\nstill second."), .paragraph("Third")]))
            #expect(try await outbox.find(id: older)?.content == EmailContent.none)
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
