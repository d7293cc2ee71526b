import ArgumentParser
import PartnerDeskServices

/// `partnerdesk jobs run-once`: the background jobs once, for schedulers and for servers started with
/// `PARTNERDESK_JOBS_INTERVAL=0`.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "Run the background jobs (SLA escalations, missed HSSI deadlines, message delivery).",
        subcommands: [RunOnce.self]
    )

    struct RunOnce: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run-once",
            abstract: "Announce the SLA thresholds reached, then deliver the messages that are due, and exit.",
            discussion: "Safe while servers run the same jobs: nothing is announced or sent twice."
        )
        @OptionGroup var common: CommonOptions

        func run() async throws {
            let report = try await withServices(common) { try await $0.jobs.tick(now: $0.clock.now()) }
            print(
                "SLA escalations announced: \(report.escalations). HSSI alerts queued: \(report.hssiAlerts). "
                    + "Integration notice reminders: \(report.noticeReminders). "
                    + "Downtime allowance warnings: \(report.allowanceWarnings). "
                    + "Service report editions issued: \(report.reportEditions). "
                    + "Service request warnings: \(report.requestWarnings). "
                    + "Messages delivered: \(report.delivery.delivered), "
                    + "to retry later: \(report.delivery.retried), given up (dead letters): \(report.delivery.deadLettered)."
            )
        }
    }
}
