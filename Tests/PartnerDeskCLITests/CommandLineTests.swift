import PartnerDeskCLI
import Testing

@Suite struct CommandLineTests {
    @Test func help_listsEveryCommand() {
        let help = PartnerDeskCommand.helpMessage()
        for command in ["serve", "migrate", "demo"] {
            #expect(help.contains(command))
        }
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
