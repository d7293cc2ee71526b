import FluentKit
import SQLKit

/// Writes SQLite transactions in groups: transactions that arrive while one group is being written wait, and
/// are then written together inside one `BEGIN IMMEDIATE … COMMIT`, so they share its write lock and its
/// `fsync`. With `synchronous=FULL` the sync is what limits a single writer; grouping lets sixteen waiting
/// incident creations cost one sync instead of sixteen.
///
/// The loop runs on the ``SQLiteWriter``'s own thread, where its statements run.
///
/// Each caller still sees its own all-or-nothing transaction: results are handed out only after the group
/// committed, and when any transaction in a group fails the whole group is rolled back and every member is
/// written again on its own, so one caller's refusal never undoes or fails another's work.
actor SQLiteGroupCommit {
    typealias Work = @Sendable (any Database) async throws -> any Sendable

    private struct Member {
        let work: Work
        let continuation: CheckedContinuation<any Sendable, any Error>
    }

    private let writer: SQLiteWriter
    private let largestGroup: Int
    private var waiting: [Member] = []
    private var writing = false

    init(largestGroup: Int = 64, writer: SQLiteWriter) {
        self.largestGroup = largestGroup
        self.writer = writer
    }

    /// Runs `work` in a transaction, possibly together with others, and returns its result once committed.
    func run(_ work: @escaping Work) async throws -> any Sendable {
        try await withCheckedThrowingContinuation { continuation in
            waiting.append(Member(work: work, continuation: continuation))
            if !writing {
                writing = true
                Task(executorPreference: writer.executor) { await self.writeWaitingGroups() }
            }
        }
    }

    private func writeWaitingGroups() async {
        while !waiting.isEmpty {
            let group = Array(waiting.prefix(largestGroup))
            waiting.removeFirst(group.count)
            // While this group is written the actor is free, so newcomers join `waiting` for the next group.
            await write(group)
        }
        writing = false
    }

    private func write(_ group: [Member]) async {
        let outcome: Result<[any Sendable]?, any Error>
        do {
            outcome = .success(try await transaction(group.map(\.work)))
        } catch {
            outcome = .failure(error)
        }
        switch outcome {
        case .success(let results?):
            for (member, result) in zip(group, results) { member.continuation.resume(returning: result) }
        case .success(nil) where group.count > 1:
            for member in group { await write([member]) }
        case .success(nil):
            preconditionFailure("a single transaction that fails reports its error")
        case .failure(let error):
            for member in group { member.continuation.resume(throwing: error) }
        }
    }

    /// Runs the works in one transaction. Returns their results after COMMIT, or nil after rolling back when
    /// one of several failed; a lone work's failure is thrown.
    private func transaction(_ works: [Work]) async throws -> [any Sendable]? {
        let executor = writer.executor
        return try await writer.database().withConnection { connection in
            // The driver runs this closure in a task of its own, which does not inherit the preference.
            try await withTaskExecutorPreference(executor) {
                let sql = connection.sql
                try await sql.raw("BEGIN IMMEDIATE TRANSACTION").run()
                var results: [any Sendable] = []
                do {
                    for work in works { results.append(try await work(connection)) }
                } catch {
                    try? await sql.raw("ROLLBACK TRANSACTION").run()
                    if works.count == 1 { throw error }
                    return nil
                }
                do {
                    try await sql.raw("COMMIT TRANSACTION").run()
                } catch {
                    try? await sql.raw("ROLLBACK TRANSACTION").run()
                    throw error
                }
                return results
            }
        }
    }
}
