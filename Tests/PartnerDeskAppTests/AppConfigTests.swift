import Foundation
import PartnerDeskApp
import PartnerDeskPersistence
import Testing

@Suite struct AppConfigTests {
    @Test func noConfiguration_meansLoopback8080AndEmbeddedSQLite() throws {
        let config = try AppConfig.load(environment: [:])
        #expect(config.hostname == "127.0.0.1")
        #expect(config.port == 8080)
        #expect(config.database == .sqlite(path: "partnerdesk-data/partnerdesk.sqlite"))
        #expect(config.autoMigrate)
        #expect(!config.loadDemoData)
        #expect(config.logFormat == .json)
    }

    @Test func environment_overridesDefaults_andFlagsOverrideEnvironment() throws {
        let environment = [
            "PARTNERDESK_HOST": "0.0.0.0", "PARTNERDESK_PORT": "9000", "PARTNERDESK_DATA_DIR": "/var/lib/pd",
            "PARTNERDESK_LOG_LEVEL": "debug", "PARTNERDESK_DEMO": "yes", "PARTNERDESK_AUTO_MIGRATE": "false",
            "PARTNERDESK_HSSI_UPDATE_MINUTES_SEV1": "30",
        ]
        let fromEnvironment = try AppConfig.load(environment: environment)
        #expect(
            fromEnvironment.hssiUpdateMinutesSeverityOne == 30 && fromEnvironment.hssiUpdateMinutesSeverityTwo == 120)
        #expect(fromEnvironment.hostname == "0.0.0.0")
        #expect(fromEnvironment.port == 9000)
        #expect(fromEnvironment.database == .sqlite(path: "/var/lib/pd/partnerdesk.sqlite"))
        #expect(fromEnvironment.logLevel == .debug)
        #expect(fromEnvironment.loadDemoData)
        #expect(!fromEnvironment.autoMigrate)

        let flags = AppConfig.Overrides(
            hostname: "::1", port: 9443, database: "postgres://u:p@db:5432/pd", logLevel: "error")
        let fromFlags = try AppConfig.load(environment: environment, overrides: flags)
        #expect(fromFlags.hostname == "::1")
        #expect(fromFlags.port == 9443)
        #expect(fromFlags.database == .postgres(url: "postgres://u:p@db:5432/pd"))
        #expect(fromFlags.logLevel == .error)
    }

    @Test func metrics_areOpenOnlyOnLoopbackWithoutAPublicAddress() throws {
        let token = String(repeating: "a1", count: 16)
        #expect(try AppConfig.load(environment: [:]).metricsAccess == .open)
        #expect(try AppConfig.load(environment: ["PARTNERDESK_HOST": "0.0.0.0"]).metricsAccess == .closed)
        #expect(
            try AppConfig.load(environment: ["PARTNERDESK_TRUSTED_PROXIES": "127.0.0.1"]).metricsAccess == .closed,
            "a proxy on this machine makes a loopback-only service reachable")
        #expect(try AppConfig.load(environment: ["PARTNERDESK_HOST": "127.0.0.2"]).metricsAccess == .open)
        #expect(
            try AppConfig.load(environment: ["PARTNERDESK_PUBLIC_URL": "https://desk.example.org"]).metricsAccess
                == .closed)
        #expect(
            try AppConfig.load(environment: ["PARTNERDESK_HOST": "0.0.0.0", "PARTNERDESK_METRICS_TOKEN": token])
                .metricsAccess == .token(token))
        #expect(throws: AppConfigError.self) {
            try AppConfig.load(environment: ["PARTNERDESK_METRICS_TOKEN": "short"])
        }
    }

    @Test func trustedProxies_areReadAsAddressesAndRanges() throws {
        let config = try AppConfig.load(environment: ["PARTNERDESK_TRUSTED_PROXIES": "127.0.0.1, 10.0.0.0/8"])
        #expect(config.trustedProxies.ranges.map(\.description) == ["127.0.0.1/32", "10.0.0.0/8"])
        #expect(try AppConfig.load(environment: [:]).trustedProxies.ranges.isEmpty)
        let error = #expect(throws: AppConfigError.self) {
            try AppConfig.load(environment: ["PARTNERDESK_TRUSTED_PROXIES": "proxy.internal"])
        }
        let problems = error?.problems ?? []
        #expect(problems.contains { $0.contains("PARTNERDESK_TRUSTED_PROXIES") && $0.contains("proxy.internal") })
    }

    @Test func everyBadValue_isReportedAtOnce() {
        let environment = [
            "PARTNERDESK_PORT": "eighty", "DATABASE_URL": "mysql://db/pd", "PARTNERDESK_LOG_LEVEL": "loud",
            "PARTNERDESK_LOG_FORMAT": "xml", "PARTNERDESK_AUTO_MIGRATE": "maybe", "PARTNERDESK_DB_POOL_SIZE": "0",
            "PARTNERDESK_BCRYPT_COST": "99", "PARTNERDESK_ENV": "staging", "PARTNERDESK_HSSI_UPDATE_MINUTES_SEV2": "0",
        ]
        #expect {
            try AppConfig.load(environment: environment)
        } throws: { error in
            let problems = (error as? AppConfigError)?.problems ?? []
            return problems.count == 9
                && problems.contains { $0.hasPrefix("PARTNERDESK_PORT must be a whole number from 1 to 65535") }
                && problems.contains { $0.hasPrefix("DATABASE_URL uses an unsupported scheme") }
        }
    }

    @Test func portFlagOutOfRange_isRefused() {
        #expect(throws: AppConfigError.self) {
            try AppConfig.load(environment: [:], overrides: .init(port: 70000))
        }
    }

    @Test func postgresPassword_neverAppearsInDescriptions() {
        let location = DatabaseLocation.postgres(url: "postgres://desk:s3cret@db.internal:5432/pd")
        #expect(!location.description.contains("s3cret"))
        #expect(location.description.contains("db.internal"))
    }

    @Test(arguments: [
        ("postgresql://u@h/db", DatabaseLocation.postgres(url: "postgresql://u@h/db")),
        ("sqlite:///tmp/x.sqlite", .sqlite(path: "/tmp/x.sqlite")),
        ("data/pd.sqlite", .sqlite(path: "data/pd.sqlite")),
    ])
    func databaseSetting_isParsed(_ text: String, _ expected: DatabaseLocation) throws {
        #expect(try DatabaseLocation.parse(text).get() == expected)
    }
}

@Suite struct EnvExampleTests {
    @Test func envExample_documentsEveryVariableTheCodeReads() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let example = try String(contentsOf: root.appendingPathComponent(".env.example"), encoding: .utf8)
        let source = try String(
            contentsOf: root.appendingPathComponent("Sources/PartnerDeskApp/AppConfig.swift"), encoding: .utf8
        )
        let variables = Set(source.matches(of: /"((?:PARTNERDESK_[A-Z_]+)|DATABASE_URL)"/).map { String($0.output.1) })
        #expect(variables.count >= 10)
        for variable in variables {
            #expect(example.contains("\(variable)="), "\(variable) is missing from .env.example")
        }
    }
}

@Suite struct ConfigurationFileTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func documentedTierExample_loads() throws {
        let path = Self.root.appendingPathComponent("docs/examples/tiers.json").path
        let config = try AppConfig.load(environment: ["PARTNERDESK_TIERS_FILE": path])
        #expect(config.tiers.map(\.id) == ["gold"])
        #expect(config.tiers.first?.incidentResolutionSeconds[.one] == 7_200)
    }

    @Test func documentedServiceRequestCatalogue_loads_andABrokenOneIsRefused() throws {
        let path = Self.root.appendingPathComponent("docs/examples/service-request-types.json").path
        let config = try AppConfig.load(environment: ["PARTNERDESK_SERVICE_REQUEST_TYPES_FILE": path])
        #expect(config.serviceRequestTypes.types.map(\.id) == ["dns_change", "redirect_change"])
        #expect(try AppConfig.load(environment: [:]).serviceRequestTypes == .standard)
        #expect {
            try AppConfig.load(environment: ["PARTNERDESK_SERVICE_REQUEST_TYPES_FILE": "/nonexistent/types.json"])
        } throws: { error in
            (error as? AppConfigError)?.problems.contains {
                $0.hasPrefix("PARTNERDESK_SERVICE_REQUEST_TYPES_FILE names a file that cannot be read")
            } == true
        }
    }

    @Test func govUKBankHolidayFile_isImportedForEveryDivision() throws {
        let path = Self.root.appendingPathComponent("Tests/PartnerDeskDomainTests/Fixtures/bank-holidays.json").path
        let config = try AppConfig.load(environment: ["PARTNERDESK_BANK_HOLIDAYS_FILE": path])
        #expect(config.importedHolidays.count == 3)
    }

    @Test func unreadableOrInvalidFiles_areReportedWithTheirVariable() {
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("pd-tiers-\(UUID().uuidString).json")
        FileManager.default.createFile(atPath: broken.path, contents: Data(#"{"tiers": [{"id": "x"}]}"#.utf8))
        defer { try? FileManager.default.removeItem(at: broken) }
        #expect {
            try AppConfig.load(environment: [
                "PARTNERDESK_TIERS_FILE": broken.path, "PARTNERDESK_BANK_HOLIDAYS_FILE": "/nonexistent/holidays.json",
            ])
        } throws: { error in
            let problems = (error as? AppConfigError)?.problems ?? []
            return problems.contains { $0.hasPrefix("PARTNERDESK_TIERS_FILE") }
                && problems.contains { $0.hasPrefix("PARTNERDESK_BANK_HOLIDAYS_FILE names a file that cannot be read") }
        }
    }
}
