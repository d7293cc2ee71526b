import ArgumentParser
import PartnerDeskApp

/// `partnerdesk migrate`: applies pending migrations, or reverts the last batch with `--revert`.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply pending database migrations (or revert the last batch with --revert)."
    )

    @OptionGroup var common: CommonOptions

    @ArgumentParser.Flag(help: "Revert the most recently applied batch of migrations.")
    var revert = false

    func run() async throws {
        var config = try loadConfig(common.overrides())
        config.autoMigrate = false
        let logger = bootstrapLogging(config)
        let revert = self.revert
        try await withApplication(config, logger: logger) { app in
            try await PartnerDeskApplication.prepareDatabase(app, config: config)
            let schema = PartnerDeskApplication.schema(of: app, config: config)
            if revert {
                let names = try await schema.revertLastBatch()
                print(names.isEmpty ? "Nothing to revert." : "Reverted: \(names.joined(separator: ", "))")
            } else {
                let names = try await schema.migrate()
                print(names.isEmpty ? "The database is up to date." : "Applied: \(names.joined(separator: ", "))")
            }
        }
    }
}
