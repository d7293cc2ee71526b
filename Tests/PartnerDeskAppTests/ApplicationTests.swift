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
