import ArgumentParser
import Foundation
import PartnerDeskApp
import PartnerDeskServices

/// `partnerdesk demo`: loads the demo data (migrating first) and prints the sign-in details.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load demo partners, contacts, users and incidents; running it again changes nothing."
    )

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let config = try loadConfig(common.overrides())
        let logger = bootstrapLogging(config)
        let report = try await withApplication(config, logger: logger) { app in
            try await PartnerDeskApplication.prepareDatabase(app, config: config)
            return try await PartnerDeskApplication.loadDemoData(app, config: config)
        }
        print(Self.describe(report))
    }

    static func describe(_ report: DemoReport) -> String {
        var lines: [String] = []
        if report.partnersCreated.isEmpty, report.usersCreated.isEmpty, report.incidentsCreated.isEmpty {
            lines.append("Demo data is already loaded; nothing changed.")
        } else {
            lines.append(
                "Loaded demo data: \(report.partnersCreated.count) partner(s), \(report.usersCreated.count) user(s), "
                    + "\(report.incidentsCreated.count) incident(s)."
            )
        }
        lines.append("Sign in as any of these (password for all: \(report.accounts.first?.password ?? "")):")
        for account in report.accounts {
            let partner = account.partnerCode.map { " (\($0))" } ?? ""
            lines.append(
                "  \(account.email.padding(toLength: 34, withPad: " ", startingAt: 0)) \(account.role.label)\(partner)")
        }
        return lines.joined(separator: "\n")
    }
}
