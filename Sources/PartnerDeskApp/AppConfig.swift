import Foundation
import Logging
import PartnerDeskDomain
import PartnerDeskMail
import PartnerDeskPersistence
import PartnerDeskWeb
import PartnerDeskWebhooks

/// Every setting of a PartnerDesk process, read in one place from flags and environment variables.
///
/// A flag wins over its environment variable, which wins over the default. ``load(environment:overrides:)``
/// reports every bad value at once, so an operator fixes a broken configuration in one go.
public struct AppConfig: Sendable, Equatable {
    /// How log lines are written.
    public enum LogFormat: String, Sendable, Equatable, CaseIterable {
        /// One JSON object per line, for log collectors.
        case json
        /// Plain text, for a person at a terminal.
        case text
    }

    public var hostname: String = "127.0.0.1"
    public var port: Int = 8080
    public var dataDirectory: String = "partnerdesk-data"
    public var database: DatabaseLocation = .sqlite(path: "partnerdesk-data/partnerdesk.sqlite")
    /// PostgreSQL connections per event loop (SQLite always uses one).
    public var databasePoolSize: Int = 4
    /// Whether `serve` applies pending migrations at start-up.
    public var autoMigrate: Bool = true
    /// Whether `serve` loads the demo data at start-up.
    public var loadDemoData: Bool = false
    public var logLevel: Logger.Level = .info
    public var logFormat: LogFormat = .json
    /// The bcrypt cost for new password hashes.
    public var bcryptCost: Int = 12
    /// Vapor's environment name (`production`, `development`, `testing`).
    public var environmentName: String = "production"
    /// The address people use to reach PartnerDesk (`PARTNERDESK_PUBLIC_URL`); `https://` turns on HSTS and
    /// secure cookies.
    public var publicURL: String = "http://127.0.0.1:8080"
    /// Service-level tiers beyond the built-in Silver, from `PARTNERDESK_TIERS_FILE`.
    public var tiers: [ServiceLevelTier] = []
    /// The kinds of service request on offer: the built-in ones, or those of
    /// `PARTNERDESK_SERVICE_REQUEST_TYPES_FILE`.
    public var serviceRequestTypes: ServiceRequestCatalogue = .standard
    /// Whether staff must sign in with an authenticator code (`PARTNERDESK_REQUIRE_STAFF_TOTP`).
    public var requireStaffSecondFactor: Bool = false
    /// Bank holidays imported from a GOV.UK-format file (`PARTNERDESK_BANK_HOLIDAYS_FILE`), by division.
    public var importedHolidays: [Division: [BankHoliday]] = [:]
    /// The address notifications come from (`PARTNERDESK_MAIL_FROM`).
    public var mailFrom = EmailAddress("partnerdesk@partnerdesk.invalid")!
    /// Seconds between runs of the background jobs in `serve` (`PARTNERDESK_JOBS_INTERVAL`); 0 runs none, for
    /// a server that leaves them to `partnerdesk jobs run-once` from a scheduler.
    public var jobsInterval = 15
    /// Working days a release's notes must be published before it may go (`PARTNERDESK_RELEASE_NOTES_LEAD_DAYS`).
    public var releaseNotesLeadDays = 1
    /// Business hours before it starts that maintenance must be announced (`PARTNERDESK_MAINTENANCE_LEAD_HOURS`).
    public var maintenanceLeadHours = 20
    /// Seconds a client connection may sit with nothing read or written before it is closed
    /// (`PARTNERDESK_IDLE_TIMEOUT`), so idle clients cannot pin connections; 0 never closes them.
    public var idleTimeout = 60
    /// API writes each partner organisation may make a minute (`PARTNERDESK_PARTNER_WRITES_PER_MINUTE`), in
    /// bursts of as many; 0 for no limit.
    public var partnerWritesPerMinute = 300
    /// The most screenshots, and megabytes of them, one incident keeps (`PARTNERDESK_SCREENSHOTS_PER_INCIDENT`,
    /// `PARTNERDESK_SCREENSHOT_MB_PER_INCIDENT`).
    public var screenshotsPerIncident = 20
    public var screenshotMegabytesPerIncident = 50
    /// Minutes between an HSSI's status updates at severity 1 and at severity 2
    /// (`PARTNERDESK_HSSI_UPDATE_MINUTES_SEV1`, `PARTNERDESK_HSSI_UPDATE_MINUTES_SEV2`).
    public var hssiUpdateMinutesSeverityOne = 60
    public var hssiUpdateMinutesSeverityTwo = 120
    /// The SMTP relay for notification e-mail (`PARTNERDESK_SMTP_*`); without one, e-mail waits in the outbox.
    public var smtp: SMTPConfiguration?
    /// Webhook targets allowed although they are private, loopback or link-local (`PARTNERDESK_WEBHOOK_ALLOW`).
    public var webhookAllowList = WebhookAllowList()
    /// The reverse proxies whose `Forwarded` or `X-Forwarded-For` headers name the client
    /// (`PARTNERDESK_TRUSTED_PROXIES`); nobody's, unless configured.
    public var trustedProxies = TrustedProxies()
    /// The token Prometheus presents for `/metrics` (`PARTNERDESK_METRICS_TOKEN`).
    public var metricsToken: String?
    /// The Chromium that prints reports to PDF (`PARTNERDESK_CHROMIUM`); found on `PATH` when not given.
    public var chromiumPath: String?
    /// The key that signs audit checkpoints (`PARTNERDESK_AUDIT_KEY_FILE`); never in the database. Created on
    /// first use when missing.
    public var auditKeyFile = "partnerdesk-data/audit-checkpoint.key"
    /// Where audit checkpoints are appended (`PARTNERDESK_AUDIT_CHECKPOINT_FILE`).
    public var auditCheckpointFile = "partnerdesk-data/audit-checkpoints.log"
    /// Whether `PARTNERDESK_PUBLIC_URL` was given (rather than made from the listening address).
    public var publicURLConfigured = false

    /// Who may read `/metrics`: with a token, whoever presents it; without one, anyone only while the service
    /// listens on loopback alone, has no public address and no proxy in front, and nobody otherwise.
    public var metricsAccess: MetricsAccess {
        if let metricsToken { return .token(metricsToken) }
        let loopback =
            ["::1", "localhost"].contains(hostname)
            || IPAddressRange("127.0.0.0/8")!.contains(
                IPAddress(hostname) ?? .v6(high: 0, low: 0))
        // A proxy on the same machine would make a loopback-only service reachable from anywhere.
        return loopback && !publicURLConfigured && trustedProxies.ranges.isEmpty ? .open : .closed
    }

    /// The defaults, used when nothing is configured.
    public init() {}

    /// Values given as command-line flags; `nil` means "not given".
    public struct Overrides: Sendable, Equatable {
        public var hostname: String?
        public var port: Int?
        public var database: String?
        public var dataDirectory: String?
        public var logLevel: String?
        public var loadDemoData: Bool?

        public init(
            hostname: String? = nil, port: Int? = nil, database: String? = nil, dataDirectory: String? = nil,
            logLevel: String? = nil, loadDemoData: Bool? = nil
        ) {
            self.hostname = hostname
            self.port = port
            self.database = database
            self.dataDirectory = dataDirectory
            self.logLevel = logLevel
            self.loadDemoData = loadDemoData
        }
    }

    /// Reads the configuration; throws one error listing every bad value.
    public static func load(
        environment: [String: String], overrides: Overrides = Overrides()
    ) throws(AppConfigError) -> AppConfig {
        var config = AppConfig()
        var problems: [String] = []
        func value(_ flag: String?, _ variable: String) -> (text: String, source: String)? {
            if let flag { return (flag, "--\(flagName(variable))") }
            if let text = environment[variable], !text.isEmpty { return (text, variable) }
            return nil
        }

        if let (host, source) = value(overrides.hostname, "PARTNERDESK_HOST") {
            if host.contains(where: \.isWhitespace) || host.isEmpty {
                problems.append("\(source) must be a host name or IP address, not '\(host)'.")
            } else {
                config.hostname = host
            }
        }
        if let port = overrides.port {
            if (1...65535).contains(port) {
                config.port = port
            } else {
                problems.append("--port must be a whole number from 1 to 65535, not \(port).")
            }
        } else if let text = environment["PARTNERDESK_PORT"], !text.isEmpty {
            if let port = Int(text), (1...65535).contains(port) {
                config.port = port
            } else {
                problems.append("PARTNERDESK_PORT must be a whole number from 1 to 65535, not '\(text)'.")
            }
        }
        if let (folder, _) = value(overrides.dataDirectory, "PARTNERDESK_DATA_DIR") {
            config.dataDirectory = folder
        }
        config.database = .sqlite(path: (config.dataDirectory as NSString).appendingPathComponent("partnerdesk.sqlite"))
        config.auditKeyFile =
            environment["PARTNERDESK_AUDIT_KEY_FILE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (config.dataDirectory as NSString).appendingPathComponent("audit-checkpoint.key")
        config.auditCheckpointFile =
            environment["PARTNERDESK_AUDIT_CHECKPOINT_FILE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (config.dataDirectory as NSString).appendingPathComponent("audit-checkpoints.log")
        if let (text, source) = value(overrides.database, "DATABASE_URL") {
            switch DatabaseLocation.parse(text) {
            case .success(let location): config.database = location
            case .failure(let error): problems.append("\(source) \(error.message).")
            }
        }
        integer("PARTNERDESK_DB_POOL_SIZE", in: 1...64, into: &config.databasePoolSize)
        boolean("PARTNERDESK_AUTO_MIGRATE", into: &config.autoMigrate)
        boolean("PARTNERDESK_REQUIRE_STAFF_TOTP", into: &config.requireStaffSecondFactor)
        if let demo = overrides.loadDemoData, demo {
            config.loadDemoData = true
        } else {
            boolean("PARTNERDESK_DEMO", into: &config.loadDemoData)
        }
        if let (text, source) = value(overrides.logLevel, "PARTNERDESK_LOG_LEVEL") {
            if let level = Logger.Level(rawValue: text.lowercased()) {
                config.logLevel = level
            } else {
                let known = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
                problems.append("\(source) must be one of \(known), not '\(text)'.")
            }
        }
        if let text = environment["PARTNERDESK_LOG_FORMAT"], !text.isEmpty {
            if let format = LogFormat(rawValue: text.lowercased()) {
                config.logFormat = format
            } else {
                problems.append("PARTNERDESK_LOG_FORMAT must be json or text, not '\(text)'.")
            }
        }
        integer("PARTNERDESK_BCRYPT_COST", in: 10...16, into: &config.bcryptCost)
        if let text = environment["PARTNERDESK_ENV"], !text.isEmpty {
            if ["production", "development", "testing"].contains(text) {
                config.environmentName = text
            } else {
                problems.append("PARTNERDESK_ENV must be production, development or testing, not '\(text)'.")
            }
        }
        if let text = environment["PARTNERDESK_PUBLIC_URL"], !text.isEmpty {
            if let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil {
                config.publicURL = text.hasSuffix("/") ? String(text.dropLast()) : text
                config.publicURLConfigured = true
            } else {
                problems.append("PARTNERDESK_PUBLIC_URL must be an http:// or https:// address, not '\(text)'.")
            }
        } else {
            config.publicURL = "http://\(config.hostname):\(config.port)"
        }
        if let path = environment["PARTNERDESK_TIERS_FILE"], !path.isEmpty {
            if let data = FileManager.default.contents(atPath: path) {
                do {
                    config.tiers = try ServiceLevelTierConfiguration.decode(data)
                } catch {
                    problems += error.problems.map { "PARTNERDESK_TIERS_FILE (\(path)): \($0)" }
                }
            } else {
                problems.append("PARTNERDESK_TIERS_FILE names a file that cannot be read: \(path).")
            }
        }
        if let path = environment["PARTNERDESK_SERVICE_REQUEST_TYPES_FILE"], !path.isEmpty {
            if let data = FileManager.default.contents(atPath: path) {
                do {
                    config.serviceRequestTypes = try ServiceRequestCatalogue(json: data)
                } catch {
                    problems += error.problems.map { "PARTNERDESK_SERVICE_REQUEST_TYPES_FILE (\(path)): \($0)" }
                }
            } else {
                problems.append("PARTNERDESK_SERVICE_REQUEST_TYPES_FILE names a file that cannot be read: \(path).")
            }
        }
        if let path = environment["PARTNERDESK_BANK_HOLIDAYS_FILE"], !path.isEmpty {
            if let data = FileManager.default.contents(atPath: path) {
                do {
                    config.importedHolidays = try GovUKBankHolidayFeed.decode(data)
                } catch {
                    problems.append(
                        "PARTNERDESK_BANK_HOLIDAYS_FILE (\(path)) is not a GOV.UK bank-holidays file: \(error)")
                }
            } else {
                problems.append("PARTNERDESK_BANK_HOLIDAYS_FILE names a file that cannot be read: \(path).")
            }
        }
        if let text = environment["PARTNERDESK_MAIL_FROM"], !text.isEmpty {
            if let address = EmailAddress(text) {
                config.mailFrom = address
            } else {
                problems.append("PARTNERDESK_MAIL_FROM must be an e-mail address, not '\(text)'.")
            }
        }
        integer("PARTNERDESK_JOBS_INTERVAL", in: 0...3_600, into: &config.jobsInterval)
        integer("PARTNERDESK_RELEASE_NOTES_LEAD_DAYS", in: 1...20, into: &config.releaseNotesLeadDays)
        integer("PARTNERDESK_MAINTENANCE_LEAD_HOURS", in: 0...500, into: &config.maintenanceLeadHours)
        integer("PARTNERDESK_IDLE_TIMEOUT", in: 0...3_600, into: &config.idleTimeout)
        integer("PARTNERDESK_PARTNER_WRITES_PER_MINUTE", in: 0...1_000_000, into: &config.partnerWritesPerMinute)
        integer("PARTNERDESK_SCREENSHOTS_PER_INCIDENT", in: 1...1_000, into: &config.screenshotsPerIncident)
        integer("PARTNERDESK_SCREENSHOT_MB_PER_INCIDENT", in: 10...10_000, into: &config.screenshotMegabytesPerIncident)
        integer("PARTNERDESK_HSSI_UPDATE_MINUTES_SEV1", in: 5...1_440, into: &config.hssiUpdateMinutesSeverityOne)
        integer("PARTNERDESK_HSSI_UPDATE_MINUTES_SEV2", in: 5...1_440, into: &config.hssiUpdateMinutesSeverityTwo)
        if let host = environment["PARTNERDESK_SMTP_HOST"], !host.isEmpty {
            var port: Int?
            if let text = environment["PARTNERDESK_SMTP_PORT"], !text.isEmpty {
                port = Int(text)
                if port == nil { problems.append("PARTNERDESK_SMTP_PORT must be a whole number, not '\(text)'.") }
            }
            var security = SMTPConfiguration.Security.startTLS
            switch environment["PARTNERDESK_SMTP_SECURITY"]?.lowercased() {
            case nil, "", "starttls": break
            case "tls": security = .implicitTLS
            case "plain": security = .plain
            case let other?:
                problems.append("PARTNERDESK_SMTP_SECURITY must be starttls, tls or plain, not '\(other)'.")
            }
            let username = environment["PARTNERDESK_SMTP_USERNAME"] ?? ""
            let password = environment["PARTNERDESK_SMTP_PASSWORD"] ?? ""
            if username.isEmpty != password.isEmpty {
                problems.append("PARTNERDESK_SMTP_USERNAME and PARTNERDESK_SMTP_PASSWORD must be set together.")
            }
            let smtp = SMTPConfiguration(
                host: host, port: port, security: security,
                credentials: username.isEmpty ? nil : .init(username: username, password: password),
                heloName: environment["PARTNERDESK_SMTP_HELO"].flatMap { $0.isEmpty ? nil : $0 }
                    ?? URL(string: config.publicURL)?.host ?? "localhost",
                trustRootsPEMPath: environment["PARTNERDESK_SMTP_CA_FILE"].flatMap { $0.isEmpty ? nil : $0 })
            problems += smtp.problems.map { "SMTP: \($0)." }
            config.smtp = smtp
        }
        if let text = environment["PARTNERDESK_WEBHOOK_ALLOW"], !text.isEmpty {
            do {
                config.webhookAllowList = try WebhookAllowList(parsing: text)
            } catch {
                problems.append(
                    "PARTNERDESK_WEBHOOK_ALLOW has entries that are neither CIDR ranges nor host names: "
                        + error.invalidEntries.joined(separator: ", ") + ".")
            }
        }
        var proxyHeader = TrustedProxies.Header.xForwardedFor
        if let text = environment["PARTNERDESK_TRUSTED_PROXY_HEADER"], !text.isEmpty {
            if let header = TrustedProxies.Header(rawValue: text.lowercased()) {
                proxyHeader = header
            } else {
                problems.append("PARTNERDESK_TRUSTED_PROXY_HEADER must be X-Forwarded-For or Forwarded, not '\(text)'.")
            }
        }
        if let text = environment["PARTNERDESK_TRUSTED_PROXIES"], !text.isEmpty {
            do {
                config.trustedProxies = try TrustedProxies(parsing: text, header: proxyHeader)
            } catch {
                problems.append(
                    "PARTNERDESK_TRUSTED_PROXIES has entries that are neither addresses nor CIDR ranges: "
                        + error.entries.joined(separator: ", ") + ".")
            }
        }
        if let path = environment["PARTNERDESK_CHROMIUM"], !path.isEmpty { config.chromiumPath = path }
        if let token = environment["PARTNERDESK_METRICS_TOKEN"], !token.isEmpty {
            if token.count >= 32, token.allSatisfy({ $0.isASCII && !$0.isWhitespace }) {
                config.metricsToken = token
            } else {
                problems.append(
                    "PARTNERDESK_METRICS_TOKEN must be at least 32 characters without spaces (try: openssl rand -hex 32)."
                )
            }
        }
        if !problems.isEmpty { throw AppConfigError(problems: problems) }
        return config

        func integer(_ variable: String, in range: ClosedRange<Int>, into target: inout Int) {
            guard let text = environment[variable], !text.isEmpty else { return }
            if let number = Int(text), range.contains(number) {
                target = number
            } else {
                problems.append(
                    "\(variable) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'."
                )
            }
        }
        func boolean(_ variable: String, into target: inout Bool) {
            guard let text = environment[variable], !text.isEmpty else { return }
            switch text.lowercased() {
            case "true", "1", "yes", "on": target = true
            case "false", "0", "no", "off": target = false
            default: problems.append("\(variable) must be true or false, not '\(text)'.")
            }
        }
    }

    private static func flagName(_ variable: String) -> String {
        switch variable {
        case "PARTNERDESK_HOST": "hostname"
        case "DATABASE_URL": "database"
        case "PARTNERDESK_DATA_DIR": "data-dir"
        case "PARTNERDESK_LOG_LEVEL": "log-level"
        default: variable.lowercased()
        }
    }
}

/// Every problem found in a configuration, reported together.
public struct AppConfigError: Error, Equatable, CustomStringConvertible {
    public var problems: [String]

    public var description: String {
        (["The configuration has \(problems.count) problem(s):"] + problems.map { "  - \($0)" }).joined(separator: "\n")
    }
}
