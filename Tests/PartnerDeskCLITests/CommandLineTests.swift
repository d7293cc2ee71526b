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
