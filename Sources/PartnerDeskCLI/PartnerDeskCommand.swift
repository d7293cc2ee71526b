import ArgumentParser

/// The `partnerdesk` command: runs the service and looks after its data.
public struct PartnerDeskCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "partnerdesk",
        abstract: "Service management for the partners of a national identity platform.",
        discussion: """
            Settings come from flags and environment variables (see .env.example); a flag wins over its variable.
            With nothing configured, data lives in an SQLite database under ./partnerdesk-data/.
            """,
        subcommands: [
            ServeCommand.self, MigrateCommand.self, DemoCommand.self, PartnersCommand.self, UsersCommand.self,
            TokensCommand.self,
            AuditCommand.self, CalendarCommand.self, JobsCommand.self,
        ]
    )

    public init() {}
}
