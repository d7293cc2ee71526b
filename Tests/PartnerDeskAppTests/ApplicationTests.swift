import Foundation
import Logging
import PartnerDeskApp
import PartnerDeskDatabaseTestSupport
import PartnerDeskServices
import Synchronization
import Testing
import VaporTesting

/// The composed application on a real database: readiness, migrations, demo data and metrics.
@Suite struct ApplicationTests {
    func withApplication(
        _ backend: TestBackend, autoMigrate: Bool = true, _ body: (Application, AppConfig) async throws -> Void
    ) async throws {
        let database = try await TestDatabase.make(backend)
        var config = AppConfig()
        config.database = database.location
        config.autoMigrate = autoMigrate
        config.environmentName = "testing"
        config.bcryptCost = 4
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let app = try await PartnerDeskApplication.make(config: config, logger: logger)
        do {
            try await PartnerDeskApplication.prepareDatabase(app, config: config)
            try await body(app, config)
            try await app.asyncShutdown()
            try await database.drop()
        } catch {
            try? await app.asyncShutdown()
            try? await database.drop()
            throw error
        }
    }

    @Test(arguments: TestBackend.available)
    func readyz_isReadyOnceMigrated(_ backend: TestBackend) async throws {
        try await withApplication(backend) { app, _ in
            try await app.testing().test(.GET, "readyz") { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func readyz_answers503UntilMigrationsAreApplied(_ backend: TestBackend) async throws {
        try await withApplication(backend, autoMigrate: false) { app, config in
            try await app.testing().test(.GET, "readyz") { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.body.string.contains("partnerdesk migrate"))
            }
            try await PartnerDeskApplication.schema(of: app, config: config).migrate()
            try await app.testing().test(.GET, "readyz") { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test(arguments: TestBackend.available.filter { $0 == .postgres })
    func instancesStartingTogetherWithDemoData_onOnePostgreSQL_allStart_andLoadItOnce(_ backend: TestBackend)
        async throws
    {
        let database = try await TestDatabase.make(backend)
        var config = AppConfig()
        config.database = database.location
        config.environmentName = "testing"
        config.bcryptCost = 4
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        var apps: [Application] = []
        for _ in 0..<3 { apps.append(try await PartnerDeskApplication.make(config: config, logger: logger)) }
        let (started, settings) = (apps, config)
        let reports = await withTaskGroup(of: Result<DemoReport, any Error>.self) { group in
            for app in started {
                group.addTask {
                    do {
                        try await PartnerDeskApplication.prepareDatabase(app, config: settings)
                        return .success(try await PartnerDeskApplication.loadDemoData(app, config: settings))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let loaded = reports.compactMap { try? $0.get() }
        #expect(loaded.count == 3, "\(reports)")
        #expect(loaded.filter { !$0.partnersCreated.isEmpty }.count == 1)
        let partners = try await PartnerDeskApplication.services(of: apps[0]).partners.list()
        #expect(partners.count == Set(partners.map(\.code)).count && !partners.isEmpty)
        for app in apps { try await app.asyncShutdown() }
        try await database.drop()
    }

    @Test(arguments: TestBackend.available)
    func demo_loadsOnce_andTheSecondRunChangesNothing(_ backend: TestBackend) async throws {
        try await withApplication(backend) { app, _ in
            let services = PartnerDeskApplication.services(of: app)
            let first = try await services.demo.load()
            let partners = try await services.partners.list()
            let second = try await services.demo.load()
            #expect(first.partnersCreated.count == partners.count)
            #expect(!first.usersCreated.isEmpty)
            #expect(second.partnersCreated.isEmpty && second.usersCreated.isEmpty)
            #expect(try await services.partners.list() == partners)
        }
    }

    @Test func metrics_countRequestsAndTimeThemPerRoute() async throws {
        try await withApplication(.sqlite) { app, _ in
            try await app.testing().test(.GET, "healthz") { _ in }
            try await app.testing().test(.GET, "metrics") { response in
                let text = response.body.string
                #expect(text.contains(#"http_requests_total{"#))
                #expect(text.contains(#"path="/healthz""#))
                #expect(text.contains("http_request_duration_seconds_bucket"))
            }
        }
    }
}

@Suite struct JSONLogHandlerTests {
    @Test func eachLineIsOneJSONObject_withMetadataAndUTCTime() throws {
        let lines = Mutex<[String]>([])
        var logger = Logger(label: "partnerdesk") { label in
            JSONLogHandler(label: label, level: .info) { line in lines.withLock { $0.append(line) } }
        }
        logger[metadataKey: "request-id"] = "req-1"
        logger.debug("hidden")
        logger.info("Incident received", metadata: ["partner": "ACME"])
        let captured = lines.withLock { $0 }
        #expect(captured.count == 1)
        let object = try JSONSerialization.jsonObject(with: Data(captured[0].utf8)) as? [String: String]
        #expect(object?["request-id"] == "req-1")
        #expect(object?["partner"] == "ACME")
        #expect(object?["message"] == "Incident received")
        #expect(object?["level"] == "info")
        #expect(object?["time"]?.hasSuffix("Z") == true)
    }
}
