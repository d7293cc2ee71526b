import Foundation
import PartnerDeskDatabaseTestSupport
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import SQLKit
import Testing

@Suite struct AuditLogTests {
    @Test(arguments: TestBackend.available)
    func chain_verifies_refusesEdits_andNamesTheFirstTamperedEntry(_ backend: TestBackend) async throws {
        try await withMigratedStore(backend) { store, databases, _ in
            let audit = AuditService(
                store: store, clock: FixedClock(Date(timeIntervalSince1970: 1_790_000_000.123)),
                hasher: CountingSecretKeeper()
            )
            for index in 1...4 {
                try await audit.record(
                    AuditRecord(principal: nil, action: "test.action", outcome: .succeeded, target: "T\(index)"))
            }
            let intact = try await audit.verify(pageSize: 3)
            #expect(intact.entriesChecked == 4 && intact.firstBreak == nil)
            #expect(try await audit.list(AuditQuery()).map(\.sequence) == [4, 3, 2, 1])

            let sql =
                databases.database(logger: .init(label: "test"), on: databases.eventLoopGroup.any()) as! any SQLDatabase
            await #expect(throws: (any Error).self) {
                try await sql.raw("UPDATE audit_events SET outcome = 'denied' WHERE sequence = 2").run()
            }
            await #expect(throws: (any Error).self) {
                try await sql.raw("DELETE FROM audit_events WHERE sequence = 2").run()
            }
            // Someone with full access removes the guard and edits history: verification names the entry.
            if backend == .sqlite {
                try await sql.raw("DROP TRIGGER audit_events_no_update").run()
            } else {
                try await sql.raw("DROP TRIGGER audit_events_append_only ON audit_events").run()
            }
            try await sql.raw("UPDATE audit_events SET target = 'T9' WHERE sequence = 3").run()
            #expect(try await audit.verify(pageSize: 2).firstBreak == .alteredEntry(sequence: 3))
        }
    }

    /// The chain catches an edited, a removed and a reordered entry; a checkpoint kept outside the database
    /// catches entries cut off the end, which leave a shorter chain that is valid on its own.
    @Test(arguments: TestBackend.available)
    func tampering_ofEveryKind_isReported_truncationThroughTheCheckpoint(_ backend: TestBackend) async throws {
        for tampering in ["truncate", "alter", "delete", "reorder"] {
            try await withMigratedStore(backend) { store, databases, _ in
                let clock = FixedClock(Date(timeIntervalSince1970: 1_790_000_000))
                let anchor = InMemoryAuditAnchor()
                let audit = AuditService(store: store, clock: clock, hasher: CountingSecretKeeper(), anchor: anchor)
                for index in 1...6 {
                    try await audit.record(
                        AuditRecord(principal: nil, action: "test.action", outcome: .succeeded, target: "T\(index)"))
                }
                clock.advance(by: 120)
                let checkpoint = try #require(try await audit.anchorHead())
                #expect(checkpoint.sequence == 6)
                #expect(try await audit.anchorHead() == nil, "nothing new: no second checkpoint")
                #expect(try await audit.verify().isIntact)

                let sql =
                    databases.database(logger: .init(label: "test"), on: databases.eventLoopGroup.any())
                    as! any SQLDatabase
                if backend == .sqlite {
                    try await sql.raw("DROP TRIGGER audit_events_no_update").run()
                    try await sql.raw("DROP TRIGGER audit_events_no_delete").run()
                } else {
                    try await sql.raw("DROP TRIGGER audit_events_append_only ON audit_events").run()
                }
                switch tampering {
                case "truncate":
                    try await sql.raw("DELETE FROM audit_events WHERE sequence > 4").run()
                    let result = try await audit.verify()
                    #expect(result.firstBreak == nil, "a shortened chain is a valid chain")
                    #expect(result.checkpoints.map(\.finding) == [.truncated(lastSequence: 4)])
                    #expect(!result.isIntact)
                    // The background jobs notice too, on every run.
                    await #expect(throws: AuditLogShortened.self) { try await audit.anchorHead() }
                case "alter":
                    try await sql.raw("UPDATE audit_events SET detail = 'nothing happened' WHERE sequence = 5").run()
                    #expect(try await audit.verify().firstBreak == .alteredEntry(sequence: 5))
                case "delete":
                    try await sql.raw("DELETE FROM audit_events WHERE sequence = 3").run()
                    #expect(try await audit.verify().firstBreak == .gap(expected: 3, found: 4))
                default:
                    // Entries 2 and 3 swap places, each keeping its own content and hash.
                    try await sql.raw("UPDATE audit_events SET sequence = 100 WHERE sequence = 2").run()
                    try await sql.raw("UPDATE audit_events SET sequence = 2 WHERE sequence = 3").run()
                    try await sql.raw("UPDATE audit_events SET sequence = 3 WHERE sequence = 100").run()
                    let result = try await audit.verify()
                    #expect(result.firstBreak == .brokenLink(sequence: 2))
                }
                // A checkpoint signed with another key is not believed.
                let forged = AuditCheckpoint(
                    sequence: 1, hash: checkpoint.hash, at: clock.now(), sign: InMemoryAuditAnchor(key: "guess").sign)
                let withForgery = try await AuditService(
                    store: store, clock: clock, hasher: CountingSecretKeeper(), anchor: InMemoryAuditAnchor()
                ).verify(checkpoints: [forged])
                #expect(withForgery.checkpoints.map(\.finding) == [.badSignature])
            }
        }
    }
}
