import FluentKit
import Foundation
import Logging
import NIOPosix
import PartnerDeskPersistence
import SQLKit

/// The database engines every repository and migration test runs on.
public enum TestBackend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    /// The engines to test on this machine: SQLite always; PostgreSQL when `TEST_DATABASE_URL` is set, and
    /// always under `CI=true`, where a missing server must fail the run rather than skip it.
    public static var available: [TestBackend] {
        let environment = ProcessInfo.processInfo.environment
        let wantsPostgres = environment["TEST_DATABASE_URL"] != nil || environment["CI"] == "true"
        return wantsPostgres ? [.sqlite, .postgres] : [.sqlite]
    }

    public var description: String { rawValue }
}

/// A fresh, empty database for one test: a temporary SQLite file, or a new database on the PostgreSQL server
/// named by `TEST_DATABASE_URL`. ``drop()`` removes it.
public struct TestDatabase: Sendable {
    public let location: DatabaseLocation
    private let cleanup: @Sendable () async throws -> Void

    /// Creates an empty database on the given engine.
    public static func make(_ backend: TestBackend) async throws -> TestDatabase {
        switch backend {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "partnerdesk-test-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return TestDatabase(location: .sqlite(path: folder.appendingPathComponent("test.sqlite").path)) {
                try? FileManager.default.removeItem(at: folder)
            }
        case .postgres:
            guard let adminURL = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"] else {
                throw TestDatabaseError.postgresMissing
            }
            let name = "pd_test_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""))"
            try await withAdminConnection(adminURL) { sql in
                try await sql.raw("CREATE DATABASE \(ident: name)").run()
            }
            guard var components = URLComponents(string: adminURL) else { throw TestDatabaseError.postgresMissing }
            components.path = "/\(name)"
            return TestDatabase(location: .postgres(url: components.string!)) {
                try await withAdminConnection(adminURL) { sql in
                    try await sql.raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run()
                }
            }
        }
    }

    /// Removes the database.
    public func drop() async throws {
        try await cleanup()
    }

    /// A Fluent `Databases` for this database, outside any Vapor application. Shut it down after use.
    public func openDatabases() throws -> Databases {
        let databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        databases.use(try location.configurationFactory(maxConnectionsPerEventLoop: 2), as: location.databaseID)
        return databases
    }

    private static func withAdminConnection(
        _ url: String, _ body: @Sendable (any SQLDatabase) async throws -> Void
    ) async throws {
        let databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        databases.use(
            try DatabaseLocation.postgres(url: url).configurationFactory(maxConnectionsPerEventLoop: 1), as: .psql)
        do {
            var logger = Logger(label: "test")
            logger.logLevel = .warning
            let database = databases.database(.psql, logger: logger, on: databases.eventLoopGroup.any())!
            try await body(database as! any SQLDatabase)
            await databases.shutdownAsync()
        } catch {
            await databases.shutdownAsync()
            throw error
        }
    }
}

public enum TestDatabaseError: Error, CustomStringConvertible {
    case postgresMissing

    public var description: String {
        "PostgreSQL tests need TEST_DATABASE_URL (scripts/test sets it up); CI=true forbids skipping them."
    }
}
