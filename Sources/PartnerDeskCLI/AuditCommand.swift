import ArgumentParser
import PartnerDeskDomain
import PartnerDeskServices

/// `partnerdesk audit`: prove the audit log intact, and anchor its head outside the database.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check the hash-chained audit log and keep checkpoints of it.",
        subcommands: [Verify.self, Checkpoint.self]
    )

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-hash every entry, check every link, and compare the log with every checkpoint.",
            discussion: """
                Checkpoints come from the checkpoint file (PARTNERDESK_AUDIT_CHECKPOINT_FILE) and from each \
                --checkpoint given (a line copied from the service's log or a backup). Exits non-zero naming \
                the first broken entry, or a checkpoint the log no longer matches (entries cut off the end).
                """
        )
        @OptionGroup var common: CommonOptions
        @Option(name: .customLong("checkpoint"), help: "A checkpoint line to compare the log with (repeatable).")
        var checkpoints: [String] = []

        func run() async throws {
            var given: [AuditCheckpoint] = []
            for text in checkpoints {
                guard let checkpoint = AuditCheckpoint(line: text) else {
                    throw ValidationError("Not a checkpoint line: \(text)")
                }
                given.append(checkpoint)
            }
            let result = try await withServices(common) { try await $0.audit.verify(checkpoints: given) }
            switch result.firstBreak {
            case nil: break
            case .alteredEntry(let sequence)?:
                throw AuditFailure("Entry \(sequence) was altered: its content no longer matches its hash.")
            case .brokenLink(let sequence)?:
                throw AuditFailure(
                    "Entry \(sequence) does not link to the entry before it (one was removed, replaced or moved).")
            case .gap(let expected, let found)?:
                throw AuditFailure("Entry \(expected) is missing (the next entry found is \(found)).")
            }
            for (checkpoint, finding) in result.checkpoints {
                let when = ISO8601Instant.string(from: checkpoint.at)
                switch finding {
                case .holds: continue
                case .badSignature:
                    throw AuditFailure("The checkpoint of \(when) is not signed with this service's audit key.")
                case .truncated(let last):
                    throw AuditFailure(
                        "Entries were cut off the end: the checkpoint of \(when) vouches for \(checkpoint.sequence) entries, but the log "
                            + "now ends at entry \(last).")
                case .differs:
                    throw AuditFailure(
                        "The checkpoint of \(when) does not match entry \(checkpoint.sequence): the log was rewritten "
                            + "from there.")
                }
            }
            let anchored =
                result.checkpoints.last.map {
                    " and matches \(result.checkpoints.count) checkpoint(s), the newest of \(ISO8601Instant.string(from: $0.checkpoint.at)) at entry \($0.checkpoint.sequence)"
                } ?? " (no checkpoint to compare: truncation cannot be ruled out)"
            print("The audit log is intact: \(result.entriesChecked) entries checked\(anchored).")
        }
    }

    struct Checkpoint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sign a checkpoint of the log's head now, append it to the checkpoint file and print it.",
            discussion: "Keep the printed line somewhere the database's administrators cannot change."
        )
        @OptionGroup var common: CommonOptions

        func run() async throws {
            let checkpoint = try await withServices(common) { services in
                let checkpoint = try await services.audit.checkpoint()
                try services.audit.anchor?.keep(checkpoint)
                return checkpoint
            }
            print(checkpoint.line)
        }
    }
}

/// A finding of `audit verify`: printed as it is, without the usage text, with a non-zero exit.
struct AuditFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
