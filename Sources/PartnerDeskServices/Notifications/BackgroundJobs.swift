import Foundation

/// The work that happens on a timer rather than on a request: SLA escalations first (their messages join
/// the outbox), then outbox delivery, then a little upkeep of the known-problem search index. The server runs it every few seconds; `partnerdesk jobs run-once`
/// runs it once. Safe on several servers at once (see ``EscalationService`` and ``OutboxDispatcher``).
public struct BackgroundJobs: Sendable {
    /// What one run did.
    public struct Report: Sendable, Hashable {
        public var escalations: Int
        public var delivery: OutboxDispatcher.Report
    }

    public let escalations: EscalationService
    public let dispatcher: OutboxDispatcher
    let store: any UnitOfWork

    public init(escalations: EscalationService, dispatcher: OutboxDispatcher, store: any UnitOfWork) {
        self.escalations = escalations
        self.dispatcher = dispatcher
        self.store = store
    }

    public func tick(now: Date) async throws -> Report {
        let escalated = try await escalations.tick(now: now)
        let report = Report(escalations: escalated, delivery: try await dispatcher.tick(now: now))
        try await store.repositories.problems.maintainSearchIndex()
        return report
    }
}
