import Foundation
import PartnerDeskServices
import Synchronization
import Vapor

/// Runs the background jobs every few seconds while the server is up, and stops them before the database
/// closes on shutdown. A failed run is logged and the next one comes as usual: what it did not finish is
/// still in the database.
public final class BackgroundJobsRunner: LifecycleHandler {
    private let jobs: BackgroundJobs
    private let clock: any PartnerDeskServices.Clock
    private let interval: Duration
    private let task = Mutex<Task<Void, Never>?>(nil)

    public init(services: AppServices, intervalSeconds: Int) {
        self.jobs = services.jobs
        self.clock = services.clock
        self.interval = .seconds(intervalSeconds)
    }

    public func didBootAsync(_ application: Application) async throws {
        let (jobs, clock, interval, logger) = (self.jobs, self.clock, self.interval, application.logger)
        task.withLock {
            $0 = Task {
                while !Task.isCancelled {
                    do {
                        let report = try await jobs.tick(now: clock.now())
                        if report.escalations + report.hssiAlerts + report.noticeReminders + report.allowanceWarnings
                            + report.reportEditions + report.requestWarnings + report.delivery.delivered
                            + report.delivery.retried
                            + report.delivery.deadLettered > 0
                        {
                            logger.info(
                                "Background jobs ran",
                                metadata: [
                                    "escalations": "\(report.escalations)", "hssi_alerts": "\(report.hssiAlerts)",
                                    "notice_reminders": "\(report.noticeReminders)",
                                    "allowance_warnings": "\(report.allowanceWarnings)",
                                    "report_editions": "\(report.reportEditions)",
                                    "request_warnings": "\(report.requestWarnings)",
                                    "delivered": "\(report.delivery.delivered)",
                                    "retried": "\(report.delivery.retried)",
                                    "dead_lettered": "\(report.delivery.deadLettered)",
                                ])
                        }
                    } catch {
                        logger.error("Background jobs failed", metadata: ["error": "\(String(reflecting: error))"])
                    }
                    try? await Task.sleep(for: interval)
                }
            }
        }
    }

    public func shutdownAsync(_ application: Application) async {
        let running = task.withLock { $0 }
        running?.cancel()
        await running?.value
    }
}
