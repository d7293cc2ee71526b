import Fluent
import FluentKit
import Logging
import PartnerDeskDomain
import PartnerDeskMail
import PartnerDeskPersistence
import PartnerDeskServices
import PartnerDeskWeb
import PartnerDeskWebhooks
import Vapor

/// Builds a configured Vapor application from an ``AppConfig``: database, migrations, services and routes.
/// Every command (serve, migrate, demo) starts here; tests pass their own configuration.
public enum PartnerDeskApplication {
    /// Creates the application without touching the schema. Call ``prepareDatabase(_:config:)`` next.
    public static func make(config: AppConfig, arguments: [String] = ["partnerdesk"], logger: Logger) async throws
        -> Application
    {
        // Touching the registry bootstraps swift-metrics before the first request is counted.
        let metrics = PartnerDeskMetrics.registry
        let app = try await Application.make(Environment(name: config.environmentName, arguments: arguments))
        do {
            app.logger = logger
            app.http.server.configuration.hostname = config.hostname
            app.http.server.configuration.port = config.port
            app.http.server.configuration.idleTimeout =
                config.idleTimeout > 0 ? .seconds(Int64(config.idleTimeout)) : nil
            app.databases.use(
                try config.database.configurationFactory(maxConnectionsPerEventLoop: config.databasePoolSize),
                as: config.database.databaseID
            )
            SchemaManager.register(on: app.migrations, id: config.database.databaseID)
            let writer = try await SQLiteWriter.open(for: config.database, logger: logger)
            if let writer { app.lifecycle.use(SQLiteWriterShutdown(writer: writer)) }
            let services = try makeServices(app: app, config: config, writer: writer)
            try PartnerDeskWeb.configure(
                app,
                context: .init(
                    services: services, metrics: { metrics.emitToString() },
                    publicURL: config.publicURL, metricsAccess: config.metricsAccess,
                    trustedProxies: config.trustedProxies,
                    partnerWriteLimit: config.partnerWritesPerMinute > 0
                        ? WriteRateLimit(limit: config.partnerWritesPerMinute) : nil,
                    pdf: ChromiumPDFPrinter.support(
                        configured: config.chromiumPath, environment: ProcessInfo.processInfo.environment)
                )
            )
            app.storage[ServicesKey.self] = services
            return app
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// Takes in the bank holidays imported through PartnerDesk, so the calendars match the other servers'.
    public static func takeInBankHolidays(_ app: Application) async throws {
        try await services(of: app).bankHolidays.refresh()
    }

    /// Applies the SQLite durability settings and, when configured, pending migrations.
    public static func prepareDatabase(_ app: Application, config: AppConfig) async throws {
        if config.database.isSQLite {
            try await SQLiteDurability.apply(to: app.databases, logger: app.logger)
        }
        if config.autoMigrate {
            let applied = try await schema(of: app, config: config).migrate()
            if !applied.isEmpty {
                app.logger.info("Applied migrations", metadata: ["migrations": .array(applied.map { .string($0) })])
            }
        }
    }

    /// Loads the demo data (a second load changes nothing), one instance at a time when several start together
    /// on one PostgreSQL database: otherwise each would find the demo partners missing and try to add them.
    public static func loadDemoData(_ app: Application, config: AppConfig) async throws -> DemoReport {
        let demo = services(of: app).demo
        return try await schema(of: app, config: config).exclusively { _ in try await demo.load() }
    }

    /// The schema manager for the configured database.
    public static func schema(of app: Application, config: AppConfig) -> SchemaManager {
        SchemaManager(databases: app.databases, id: config.database.databaseID, logger: app.logger)
    }

    /// The use cases wired to this application's database.
    public static func services(of app: Application) -> AppServices {
        app.storage[ServicesKey.self]!
    }

    private static func makeServices(app: Application, config: AppConfig, writer: SQLiteWriter?) throws -> AppServices {
        let databases = app.databases
        let id = config.database.databaseID
        let logger = app.logger
        // Once shutdown has begun Fluent hands out no database. A request still running then uses this one,
        // whose closed pool fails the query (a clean error answer) instead of crashing the process.
        guard let fallback = databases.database(id, logger: logger, on: databases.eventLoopGroup.any()) else {
            throw Abort(.internalServerError, reason: "The database \(id) is not configured.")
        }
        let database: @Sendable () -> any Database = {
            databases.database(id, logger: logger, on: databases.eventLoopGroup.any()) ?? fallback
        }
        // Deliveries and registrations follow the same rules.
        let webhookPolicy = WebhookTargetPolicy(allowList: config.webhookAllowList)
        return AppServices(
            store: FluentUnitOfWork(sqliteWriter: writer, database: database),
            readiness: DatabaseReadinessProbe(databases: databases, id: id, logger: logger),
            clock: SystemClock(),
            ids: TimeOrderedIDGenerator(clock: SystemClock()),
            hasher: BcryptPasswordHasher(cost: config.bcryptCost),
            secrets: TokenSecretKeeper(),
            digester: SHA256Digester(),
            catalog: try ServiceLevelCatalog(tiers: config.tiers, importedHolidays: config.importedHolidays),
            delivery: DeliverySetup(
                sender: config.mailFrom, publicURL: config.publicURL,
                mail: try config.smtp.map { try SMTPMailTransport(configuration: $0, clock: SystemClock()) }
                    ?? NoMailRelay(),
                webhooks: try HTTPWebhookTransport(
                    configuration: .init(policy: webhookPolicy),
                    clock: SystemClock()),
                metrics: PrometheusDeliveryMetrics(), logger: logger),
            screenshotLimits: ScreenshotLimits(
                perIncident: config.screenshotsPerIncident,
                bytesPerIncident: config.screenshotMegabytesPerIncident * 1024 * 1024),
            requireStaffSecondFactor: config.requireStaffSecondFactor,
            hssiCadence: HSSIUpdateCadence(
                severityOneSeconds: config.hssiUpdateMinutesSeverityOne * 60,
                severityTwoSeconds: config.hssiUpdateMinutesSeverityTwo * 60) ?? .standard,
            auditAnchor: try FileAuditAnchor(
                keyFile: URL(fileURLWithPath: config.auditKeyFile),
                checkpointFile: URL(fileURLWithPath: config.auditCheckpointFile), logger: logger),
            webhookPolicy: webhookPolicy,
            releaseLeadTime: ReleaseLeadTime(workingDays: config.releaseNotesLeadDays),
            maintenanceLeadTime: MaintenanceLeadTime(businessHours: config.maintenanceLeadHours),
            serviceRequestTypes: config.serviceRequestTypes
        )
    }

    /// Closes the SQLite writing connection when the application stops.
    private struct SQLiteWriterShutdown: LifecycleHandler {
        let writer: SQLiteWriter

        func shutdownAsync(_ application: Application) async {
            await writer.shutdown()
        }
    }

    private struct ServicesKey: StorageKey {
        typealias Value = AppServices
    }
}
