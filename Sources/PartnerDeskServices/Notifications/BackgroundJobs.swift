import Foundation

/// The work that happens on a timer rather than on a request: SLA escalations first (their messages join
/// the outbox), then outbox delivery. The server runs it every few seconds; `partnerdesk jobs run-once`
/// runs it once. Safe on several servers at once (see ``EscalationService`` and ``OutboxDispatcher``).
public struct BackgroundJobs: Sendable {
    /// What one run did.
    public struct Report: Sendable, Hashable {
        public var escalations: Int
        public var delivery: OutboxDispatcher.Report
    }

    public let escalations: EscalationService
    public let dispatcher: OutboxDispatcher

    public init(escalations: EscalationService, dispatcher: OutboxDispatcher) {
        self.escalations = escalations
        self.dispatcher = dispatcher
    }

    public func tick(now: Date) async throws -> Report {
        let escalated = try await escalations.tick(now: now)
        return Report(escalations: escalated, delivery: try await dispatcher.tick(now: now))
    }
}
