import ArgumentParser
import PartnerDeskCLI
import SnapshotTesting
import Testing

@Suite struct CommandLineTests {
    /// Every command and subcommand operators have: adding, renaming or removing one changes this list.
    static let commands = [
        "serve", "migrate", "demo", "partners", "partners add", "partners list", "partners show", "users",
        "users add", "users list", "users disable", "users reset-link", "users totp-enroll", "tokens",
        "tokens create", "tokens list", "tokens revoke", "audit", "audit verify", "audit checkpoint", "calendar",
        "calendar due", "calendar elapsed", "calendar working-days", "calendar holidays", "calendar batch",
        "calendar import", "jobs",
        "jobs run-once",
    ]

    /// The command tree as the parser knows it, each command with its parent's path.
    static func tree(_ command: any ParsableCommand.Type, path: [String] = []) -> [[String]] {
        command.configuration.subcommands.flatMap { sub -> [[String]] in
            let name = sub._commandName
            return [path + [name]] + tree(sub, path: path + [name])
        }
    }

    @Test func theCommandTree_isExactlyTheListedCommands_andEachHelpNamesItsSubcommands() {
        let tree = Self.tree(PartnerDeskCommand.self)
        #expect(tree.map { $0.joined(separator: " ") } == Self.commands)
        for path in tree {
            let parent = path.dropLast()
            let help = PartnerDeskCommand.helpMessage(
                for: parent.isEmpty ? PartnerDeskCommand.self : Self.command(parent), columns: 100)
            #expect(
                help.contains("  \(path.last!)"), "the help of '\(parent.joined(separator: " "))' names \(path.last!)")
        }
    }

    static func command(_ path: some Collection<String>) -> any ParsableCommand.Type {
        path.reduce(PartnerDeskCommand.self as any ParsableCommand.Type) { command, name in
            command.configuration.subcommands.first { $0._commandName == name } ?? command
        }
    }

    /// `partnerdesk --help` is the operators' first contract: compared whole with the committed reference.
    @Test func theTopLevelHelp_matchesItsReference() {
        assertSnapshot(of: PartnerDeskCommand.helpMessage(columns: 100), as: .lines)
    }

    @Test func serve_acceptsHostnamePortAndDemo() throws {
        let parsed = try PartnerDeskCommand.parseAsRoot(["serve", "--hostname", "0.0.0.0", "--port", "9000", "--demo"])
        #expect(String(describing: type(of: parsed)) == "ServeCommand")
    }

    @Test func migrate_acceptsRevert() throws {
        _ = try PartnerDeskCommand.parseAsRoot(["migrate", "--revert"])
    }

    @Test func unknownFlag_isRefused() {
        #expect(throws: (any Error).self) {
            try PartnerDeskCommand.parseAsRoot(["serve", "--colour"])
        }
    }
}

@Suite struct CalendarCommandTests {
    @Test(arguments: [
        ["calendar", "due", "--from", "2026-11-23T09:00:00Z"],
        ["calendar", "due", "--from", "2026-11-23T09:00:00Z", "--hours", "2", "--seconds", "10"],
        ["calendar", "due", "--from", "2026-11-23T09:00:00Z", "--hours=-2"],
        ["calendar", "due", "--from", "2026-11-23T09:00:00Z", "--severity", "6"],
        ["calendar", "working-days", "--from", "2026-11-23T09:00:00Z", "--days", "0"],
        ["calendar", "holidays", "--year", "2026", "--division", "wales"],
    ])
    func badInput_isRefusedBeforeRunning(_ arguments: [String]) {
        #expect(throws: (any Error).self) {
            try PartnerDeskCommand.parseAsRoot(arguments)
        }
    }

    @Test func goodInput_parses() throws {
        _ = try PartnerDeskCommand.parseAsRoot(["calendar", "due", "--from", "2026-11-23T09:00:00Z", "--severity", "3"])
        _ = try PartnerDeskCommand.parseAsRoot([
            "calendar", "elapsed", "--from", "2026-11-23T09:00:00Z", "--to", "2026-11-24T09:00:00Z",
        ])
        _ = try PartnerDeskCommand.parseAsRoot(["calendar", "batch", "--tier", "silver"])
    }
}
