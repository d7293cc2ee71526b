import ArgumentParser
import Foundation
import PartnerDeskApp
import Vapor

/// `partnerdesk serve`: runs the web service until SIGTERM or SIGINT, then stops gracefully.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the web service (default http://127.0.0.1:8080).",
        discussion: """
            On start the database is created if missing and migrated (unless PARTNERDESK_AUTO_MIGRATE=false), and
            the background jobs (SLA escalations, message delivery) run every PARTNERDESK_JOBS_INTERVAL seconds.
            SIGTERM or SIGINT stops accepting connections, lets requests in flight finish, stops the jobs, then
            closes the database.
            """
    )

    @OptionGroup var common: CommonOptions

    @ArgumentParser.Option(help: "Address to listen on (env PARTNERDESK_HOST).")
    var hostname: String?

    @ArgumentParser.Option(help: "Port to listen on (env PARTNERDESK_PORT).")
    var port: Int?

    @ArgumentParser.Flag(help: "Load the demo data before serving (env PARTNERDESK_DEMO).")
    var demo = false

    func run() async throws {
        var overrides = common.overrides()
        overrides.hostname = hostname
        overrides.port = port
        overrides.loadDemoData = demo ? true : nil
        let config = try loadConfig(overrides)
        let logger = bootstrapLogging(config)
        logger.info("Starting PartnerDesk", metadata: ["database": "\(config.database)"])
        if config.metricsAccess == .closed {
            logger.warning(
                "/metrics is shut: PartnerDesk is reachable beyond loopback and PARTNERDESK_METRICS_TOKEN is not set")
        }
        try await withApplication(config, arguments: ["partnerdesk", "serve"], logger: logger) { app in
            try await PartnerDeskApplication.prepareDatabase(app, config: config)
            try await PartnerDeskApplication.takeInBankHolidays(app)
            if config.loadDemoData {
                let report = try await PartnerDeskApplication.loadDemoData(app, config: config)
                // Written unbuffered: print() to a pipe would hold the sign-in details until the server stops.
                FileHandle.standardOutput.write(Data((DemoCommand.describe(report) + "\n").utf8))
            }
            if config.jobsInterval > 0 {
                app.lifecycle.use(
                    BackgroundJobsRunner(
                        services: PartnerDeskApplication.services(of: app), intervalSeconds: config.jobsInterval))
            }
            // Vapor's serve command listens on the configured address and returns on SIGTERM or SIGINT.
            try await app.execute()
            // Stop the server first: no new connections, and the requests in flight finish (up to the server's
            // shutdown timeout). Only then may the application's shutdown stop the jobs and close the database;
            // left to it, the server would be stopped last, after the connections its requests still use.
            await app.server.shutdown()
        }
        logger.info("PartnerDesk stopped")
    }
}
