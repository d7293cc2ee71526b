import ArgumentParser
import PartnerDeskDomain
import PartnerDeskServices

/// `partnerdesk audit`: prove the audit log intact.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check the hash-chained audit log.", subcommands: [Verify.self]
    )

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-hash every entry and check every link; exits non-zero naming the first broken entry."
        )
        @OptionGroup var common: CommonOptions

        func run() async throws {
            let result = try await withServices(common) { try await $0.audit.verify() }
            switch result.firstBreak {
            case nil:
                print("The audit log is intact: \(result.entriesChecked) entries checked.")
            case .alteredEntry(let sequence)?:
                throw ValidationError("Entry \(sequence) was altered: its content no longer matches its hash.")
            case .brokenLink(let sequence)?:
                throw ValidationError(
                    "Entry \(sequence) does not link to the entry before it (one was removed or replaced).")
            case .gap(let expected, let found)?:
                throw ValidationError("Entry \(expected) is missing (the next entry found is \(found)).")
            }
        }
    }
}
