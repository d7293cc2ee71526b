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
}
