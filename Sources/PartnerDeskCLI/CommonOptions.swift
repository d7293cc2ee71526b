import ArgumentParser
import Foundation
import Logging
import PartnerDeskApp
import Vapor

/// Flags every command that opens the database understands.
struct CommonOptions: ParsableArguments {
    @ArgumentParser.Option(help: "Database: postgres://… for PostgreSQL, or an SQLite file path (env DATABASE_URL).")
    var database: String?

    @ArgumentParser.Option(help: "Folder for the embedded SQLite database (env PARTNERDESK_DATA_DIR).")
    var dataDir: String?

    @ArgumentParser.Option(help: "trace, debug, info, notice, warning, error or critical (env PARTNERDESK_LOG_LEVEL).")
    var logLevel: String?

    func overrides() -> AppConfig.Overrides {
        AppConfig.Overrides(database: database, dataDirectory: dataDir, logLevel: logLevel)
    }
}

/// Loads the configuration or stops the command with every problem listed.
func loadConfig(_ overrides: AppConfig.Overrides) throws -> AppConfig {
    do {
        return try AppConfig.load(environment: ProcessInfo.processInfo.environment, overrides: overrides)
    } catch {
        throw ValidationError(error.description)
    }
}

/// Sends log lines to standard error in the configured format. Logging can be set up only once per process.
func bootstrapLogging(_ config: AppConfig) -> Logger {
    let level = config.logLevel
    switch config.logFormat {
    case .json:
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: level) }
    case .text:
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
    var logger = Logger(label: "partnerdesk")
    logger.logLevel = level
    return logger
}

/// Runs `body` with a prepared application and always shuts it down cleanly (closing the database).
func withApplication<T>(
    _ config: AppConfig, arguments: [String] = ["partnerdesk"], logger: Logger,
    _ body: (Application) async throws -> T
) async throws -> T {
    let app = try await PartnerDeskApplication.make(config: config, arguments: arguments, logger: logger)
    do {
        let result = try await body(app)
        try await app.asyncShutdown()
        return result
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
}
