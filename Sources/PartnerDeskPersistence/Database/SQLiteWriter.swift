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
    private let loops: MultiThreadedEventLoopGroup
    private let threadPool: NIOThreadPool
    private let loop: any EventLoop
    private let logger: Logger

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

    private init(path: String, logger: Logger) {
        loops = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        loop = loops.next()
        threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        databases = Databases(threadPool: threadPool, on: loops)
        databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
        executor = ThreadPoolTaskExecutor(threadPool)
        self.logger = logger
    }

    /// A session on the writing connection.
    func database() -> any Database {
        databases.database(.sqlite, logger: logger, on: loop)!
    }

    /// The journal mode and synchronous level of the writing connection.
    public func settings() async throws -> (journalMode: String, synchronous: Int)? {
        try await SQLiteDurability.settings(of: databases, logger: logger).first
    }

    /// Closes the connection and stops its threads.
    public func shutdown() async {
        await databases.shutdownAsync()
        try? await threadPool.shutdownGracefully()
        try? await loops.shutdownGracefully()
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
