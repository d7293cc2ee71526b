import FluentKit
import FluentSQLiteDriver
import Logging
import NIOCore
import NIOPosix

/// The one SQLite connection that writes, with a thread of its own.
///
/// SQLite lets one connection write at a time, so every transaction goes through this connection, in groups
/// (see ``SQLiteGroupCommit``). It is kept apart from the connections that serve reads, so a read never waits
/// for a group being written. Its SQLite calls and the group-commit loop share one thread: each statement is
/// queued behind the code that issued it and runs as soon as that code waits, and its answer resumes that
/// code on the same thread. Had the loop run on the application's event loops, every statement's answer
/// would wait its turn behind HTTP work there, and the single writer, not the processors, would set the
/// pace of every creation.
public final class SQLiteWriter: Sendable {
    let databases: Databases
    /// Runs the group-commit loop on the thread that makes the SQLite calls.
    let executor: ThreadPoolTaskExecutor
    private let threadPool: NIOThreadPool
    private let logger: Logger
    /// Handed out once shutdown has begun, when Fluent gives out no database: a transaction still arriving
    /// then fails on the closed connection (an error answer) instead of stopping the process.
    private let closing: any Database

    /// Opens the writing connection for an SQLite location, in write-ahead-log mode with full
    /// synchronisation (see ``SQLiteDurability``); nil for PostgreSQL, which has many writers. Call
    /// ``shutdown()`` when done.
    public static func open(for location: DatabaseLocation, logger: Logger) async throws -> SQLiteWriter? {
        guard case .sqlite(let path) = location else { return nil }
        let writer = SQLiteWriter(path: path, logger: logger)
        do {
            try await SQLiteDurability.apply(to: writer.databases, logger: logger)
            return writer
        } catch {
            await writer.shutdown()
            throw error
        }
    }

    /// The event loop of every writer's connection pool, for the life of the process like NIO's own
    /// singletons: a task that reaches a writer after its shutdown must find a loop to fail on.
    private static let loops = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private static let loop = loops.next()

    private init(path: String, logger: Logger) {
        threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        databases = Databases(threadPool: threadPool, on: Self.loops)
        databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
        executor = ThreadPoolTaskExecutor(threadPool)
        self.logger = logger
        closing = databases.database(.sqlite, logger: logger, on: Self.loop)!
    }

    /// A session on the writing connection.
    func database() -> any Database {
        databases.database(.sqlite, logger: logger, on: Self.loop) ?? closing
    }

    /// The journal mode and synchronous level of the writing connection.
    public func settings() async throws -> (journalMode: String, synchronous: Int)? {
        try await SQLiteDurability.settings(of: databases, logger: logger).first
    }

    /// Closes the connection and stops its thread.
    public func shutdown() async {
        await databases.shutdownAsync()
        try? await threadPool.shutdownGracefully()
    }
}

/// Runs the jobs of Swift tasks that prefer it on a thread pool (the writer's single thread). A job that
/// calls SQLite there queues the call behind itself, so the same thread runs it next without waking another.
final class ThreadPoolTaskExecutor: TaskExecutor {
    private let pool: NIOThreadPool

    init(_ pool: NIOThreadPool) {
        self.pool = pool
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        pool.submit { _ in job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
