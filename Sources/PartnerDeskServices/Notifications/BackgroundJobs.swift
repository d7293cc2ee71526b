import Foundation

/// The work that happens on a timer rather than on a request: taking in bank holidays another server imported,
/// SLA escalations, missed HSSI deadlines, integration
/// notice reminders, downtime allowance warnings, service request target warnings, and the monthly service
/// reports issued or revised first (their
/// messages join the outbox), then outbox delivery, then a little upkeep of the known-problem
/// search index, then a checkpoint of the audit log's head when it has grown (see ``AuditService/anchorHead()``). The server runs it every few seconds; `partnerdesk jobs run-once`
/// runs it once. Safe on several servers at once (see ``EscalationService`` and ``OutboxDispatcher``).
public struct BackgroundJobs: Sendable {
    /// What one run did.
    public struct Report: Sendable, Hashable {
        public var escalations: Int
        /// Messages queued for missed HSSI deadlines.
        public var hssiAlerts: Int
        /// Reminders sent for integration notices not yet acknowledged.
        public var noticeReminders: Int
        /// Warnings to service managers that the month's downtime allowance is going.
        public var allowanceWarnings: Int
        /// Monthly report editions issued, first or revised.
        public var reportEditions: Int
        /// Warnings to the service desk that a service request's last day is near or has passed.
        public var requestWarnings: Int
        public var delivery: OutboxDispatcher.Report
    }

    public let escalations: EscalationService
    public let dispatcher: OutboxDispatcher
    let hssis: HSSIService
    let releases: ReleaseService
    let serviceLevels: ServiceLevelService
    let reports: ServiceReportService
    let bankHolidays: BankHolidayService
    let serviceRequests: ServiceRequestService
    let audit: AuditService
    let store: any UnitOfWork

    public init(
        escalations: EscalationService, hssis: HSSIService, releases: ReleaseService,
        serviceLevels: ServiceLevelService, reports: ServiceReportService, bankHolidays: BankHolidayService,
        serviceRequests: ServiceRequestService, audit: AuditService,
        dispatcher: OutboxDispatcher, store: any UnitOfWork
    ) {
        self.serviceLevels = serviceLevels
        self.reports = reports
        self.bankHolidays = bankHolidays
        self.serviceRequests = serviceRequests
        self.escalations = escalations
        self.hssis = hssis
        self.releases = releases
        self.audit = audit
        self.dispatcher = dispatcher
        self.store = store
    }

    public func tick(now: Date) async throws -> Report {
        // Bank holidays another server imported, before anything reads a calendar.
        try await bankHolidays.refresh()
        let escalated = try await escalations.tick(now: now)
        let alerts = try await hssis.tick(now: now)
        let reminders = try await releases.sendReminders(at: now)
        let warnings = try await serviceLevels.warnOfAllowance(now: now)
        let editions = try await reports.issueDue(now: now) + reports.reviseRequested(now: now)
        let requestWarnings = try await serviceRequests.sendWarnings(at: now)
        let report = Report(
            escalations: escalated, hssiAlerts: alerts, noticeReminders: reminders, allowanceWarnings: warnings,
            reportEditions: editions, requestWarnings: requestWarnings,
            delivery: try await dispatcher.tick(now: now))
        try await store.transaction { try await $0.problems.maintainSearchIndex() }
        try await audit.anchorHead()
        return report
    }
}
