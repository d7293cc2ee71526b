import FluentKit
import PartnerDeskServices
import SQLKit

/// The repositories over one Fluent database session.
struct FluentRepositories: Repositories {
    let database: any Database

    var partners: any PartnerRepository { SQLPartnerRepository(sql: database.sql) }
    var users: any UserRepository { FluentUserRepository(database: database) }
    var incidents: any IncidentRepository { SQLIncidentRepository(sql: database.sql) }
    var tokens: any TokenRepository { SQLTokenRepository(sql: database.sql) }
    var idempotency: any IdempotencyRepository { FluentIdempotencyRepository(database: database) }
    var audit: any AuditRepository { FluentAuditRepository(database: database) }
    var attachments: any AttachmentRepository { FluentAttachmentRepository(database: database) }
    var blobs: any BlobRepository { FluentBlobRepository(database: database) }
    var sessions: any SessionRepository { FluentSessionRepository(database: database) }
    var outbox: any OutboxRepository { SQLOutboxRepository(sql: database.sql) }
    var webhooks: any WebhookEndpointRepository { SQLWebhookEndpointRepository(sql: database.sql) }
    var problems: any ProblemRepository { SQLProblemRepository(sql: database.sql) }
    var hssis: any HSSIRepository { SQLHSSIRepository(sql: database.sql) }
    var releases: any ReleaseRepository { SQLReleaseRepository(sql: database.sql) }
    var serviceLevels: any ServiceLevelRepository { SQLServiceLevelRepository(sql: database.sql) }
    var reports: any ServiceReportRepository { SQLServiceReportRepository(sql: database.sql) }
    var bankHolidays: any BankHolidayRepository { SQLBankHolidayRepository(sql: database.sql) }
    var serviceRequests: any ServiceRequestRepository { SQLServiceRequestRepository(sql: database.sql) }
    var partnerJourneys: any PartnerJourneyRepository { SQLPartnerJourneyRepository(sql: database.sql) }
    var notificationPreferences: any NotificationPreferenceRepository {
        SQLNotificationPreferenceRepository(sql: database.sql)
    }
}

/// Runs use-case work on a Fluent database, with real SQL transactions.
///
/// On SQLite, which allows one writer at a time, transactions are written on the ``SQLiteWriter``'s
/// connection, in groups by ``SQLiteGroupCommit``, and begin with `BEGIN IMMEDIATE`, which takes the write lock up front: deferred transactions that read first
/// and write later would otherwise fail with "database is locked" when they overlap another write.
public struct FluentUnitOfWork: UnitOfWork {
    private let database: @Sendable () -> any Database
    private let groupCommit: SQLiteGroupCommit?

    /// Creates a unit of work over a database source; the closure is called once per operation so work is
    /// spread over the connection pools of every event loop. On SQLite, `sqliteWriter` writes every
    /// transaction.
    public init(sqliteWriter: SQLiteWriter?, database: @escaping @Sendable () -> any Database) {
        self.database = database
        self.groupCommit = sqliteWriter.map { SQLiteGroupCommit(writer: $0) }
    }

    public var repositories: any Repositories { FluentRepositories(database: database()) }

    public func transaction<T: Sendable>(
        _ work: @escaping @Sendable (any Repositories) async throws -> T
    ) async throws -> T {
        guard let groupCommit else {
            return try await database().transaction { try await work(FluentRepositories(database: $0)) }
        }
        return try await groupCommit.run { try await work(FluentRepositories(database: $0)) } as! T
    }
}
