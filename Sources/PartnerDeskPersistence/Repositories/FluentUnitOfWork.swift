import FluentKit
import PartnerDeskServices

/// The repositories over one Fluent database session.
struct FluentRepositories: Repositories {
    let database: any Database

    var partners: any PartnerRepository { FluentPartnerRepository(database: database) }
    var users: any UserRepository { FluentUserRepository(database: database) }
    var incidents: any IncidentRepository { FluentIncidentRepository(database: database) }
    var tokens: any TokenRepository { FluentTokenRepository(database: database) }
    var idempotency: any IdempotencyRepository { FluentIdempotencyRepository(database: database) }
}

/// Runs use-case work on a Fluent database, with real SQL transactions.
public struct FluentUnitOfWork: UnitOfWork {
    private let database: @Sendable () -> any Database

    /// Creates a unit of work over a database source; the closure is called once per operation so work is
    /// spread over the connection pools of every event loop.
    public init(database: @escaping @Sendable () -> any Database) {
        self.database = database
    }

    public var repositories: any Repositories { FluentRepositories(database: database()) }

    public func transaction<T: Sendable>(
        _ work: @escaping @Sendable (any Repositories) async throws -> T
    ) async throws -> T {
        try await database().transaction { transaction in
            try await work(FluentRepositories(database: transaction))
        }
    }
}
