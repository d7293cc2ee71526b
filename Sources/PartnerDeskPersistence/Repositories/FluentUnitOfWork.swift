import FluentKit
import PartnerDeskServices
import SQLKit

/// The repositories over one Fluent database session.
struct FluentRepositories: Repositories {
    let database: any Database

    var partners: any PartnerRepository { FluentPartnerRepository(database: database) }
    var users: any UserRepository { FluentUserRepository(database: database) }
    var incidents: any IncidentRepository { FluentIncidentRepository(database: database) }
    var tokens: any TokenRepository { FluentTokenRepository(database: database) }
    var idempotency: any IdempotencyRepository { FluentIdempotencyRepository(database: database) }
    var audit: any AuditRepository { FluentAuditRepository(database: database) }
    var attachments: any AttachmentRepository { FluentAttachmentRepository(database: database) }
    var blobs: any BlobRepository { FluentBlobRepository(database: database) }
    var sessions: any SessionRepository { FluentSessionRepository(database: database) }
}

/// Runs use-case work on a Fluent database, with real SQL transactions.
///
/// On SQLite, transactions run one at a time in this process and begin with `BEGIN IMMEDIATE`, which takes
/// the single write lock up front. Deferred transactions that read first and write later would otherwise
/// fail with "database is locked" when two of them, or a transaction and another write, overlap.
public struct FluentUnitOfWork: UnitOfWork {
    private let database: @Sendable () -> any Database
    private let sqliteGate: TransactionQueue?

    /// Creates a unit of work over a database source; the closure is called once per operation so work is
    /// spread over the connection pools of every event loop.
    public init(isSQLite: Bool, database: @escaping @Sendable () -> any Database) {
        self.database = database
        self.sqliteGate = isSQLite ? TransactionQueue() : nil
    }

    public var repositories: any Repositories { FluentRepositories(database: database()) }

    public func transaction<T: Sendable>(
        _ work: @escaping @Sendable (any Repositories) async throws -> T
    ) async throws -> T {
        guard let sqliteGate else {
            return try await database().transaction { try await work(FluentRepositories(database: $0)) }
        }
        let database = self.database
        return try await sqliteGate.run {
            try await database().withConnection { connection in
                let sql = connection as! any SQLDatabase
                try await sql.raw("BEGIN IMMEDIATE TRANSACTION").run()
                do {
                    let result = try await work(FluentRepositories(database: connection))
                    try await sql.raw("COMMIT TRANSACTION").run()
                    return result
                } catch {
                    try? await sql.raw("ROLLBACK TRANSACTION").run()
                    throw error
                }
            }
        }
    }
}
