import FluentKit
import Logging
import PartnerDeskDatabaseTestSupport
import PartnerDeskPersistence
import PartnerDeskServices
import Testing

/// The SQLite connection that writes every transaction, on a thread of its own.
@Suite struct SQLiteWriterTests {
    @Test func manyConcurrentTransactions_allCommit_andAreReadBackOnTheReadingConnections() async throws {
        try await withMigratedStore(.sqlite) { store, _, _, _ in
            let codes = (0..<200).map { "W\($0)" }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for code in codes {
                    group.addTask {
                        try await store.transaction { repositories in
                            try await repositories.sessions.recordFailure(key: code, at: .now)
                        }
                    }
                }
                try await group.waitForAll()
            }
            for code in codes {
                #expect(try await store.repositories.sessions.failures(key: code, since: .distantPast).count == 1)
            }
        }
    }

    @Test func aTransactionAfterShutdown_failsWithAnError_insteadOfStoppingTheProcess() async throws {
        try await withMigratedStore(.sqlite) { store, _, _, writer in
            await writer?.shutdown()
            await #expect(throws: (any Error).self) {
                try await store.transaction { try await $0.sessions.recordFailure(key: "late", at: .now) }
            }
        }
    }
}
