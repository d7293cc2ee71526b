import FluentKit
import Logging
import PartnerDeskServices
import SQLKit

/// Readiness as the database sees it: it answers a trivial query and no migration is pending.
public struct DatabaseReadinessProbe: ReadinessProbe {
    private let databases: Databases
    private let id: DatabaseID
    private let logger: Logger

    public init(databases: Databases, id: DatabaseID, logger: Logger) {
        self.databases = databases
        self.id = id
        self.logger = logger
    }

    public func check() async -> Readiness {
        guard let database = databases.database(id, logger: logger, on: databases.eventLoopGroup.any()),
            let sql = database as? any SQLDatabase
        else { return .notReady(reason: "The database is not configured.") }
        do {
            try await sql.raw("SELECT 1").run()
        } catch {
            return .notReady(reason: "The database does not answer: \(String(reflecting: error))")
        }
        do {
            let pending = try await SchemaManager(databases: databases, id: id, logger: logger).pending()
            if !pending.isEmpty {
                return .notReady(
                    reason: "\(pending.count) migration(s) not applied (\(pending.joined(separator: ", "))): "
                        + "run `partnerdesk migrate`."
                )
            }
        } catch {
            return .notReady(reason: "The migration history cannot be read: run `partnerdesk migrate`.")
        }
        return .ready
    }
}
