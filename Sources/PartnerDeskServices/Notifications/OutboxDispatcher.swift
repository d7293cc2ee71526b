import Foundation
import Logging
import PartnerDeskDomain

/// Delivers what the outbox holds: claims due messages (so no other server sends them too), sends each
/// through its channel, and records the outcome: delivered, retried later with backoff, or a dead letter
/// after the last attempt or a failure that retrying cannot fix.
///
/// A server that dies after claiming leaves its messages held until the lease ends; another tick then
/// sends them. A message can therefore arrive twice in that one case, and carries a stable id for receivers
/// to drop the repeat.
public struct OutboxDispatcher: Sendable {
    /// What one tick did.
    public struct Report: Sendable, Hashable {
        public var delivered = 0
        public var retried = 0
        public var deadLettered = 0
    }

    let store: any UnitOfWork
    /// The address e-mails come from.
    let sender: EmailAddress
    let mail: any MailTransport
    let webhooks: any WebhookTransport
    let retry: RetryPolicy
    let random: @Sendable () -> Double
    let metrics: any DeliveryMetrics
    let logger: Logger
    /// How long a claim holds a message; longer than any single delivery may take.
    let lease: TimeInterval = 120
    /// Messages per claim.
    let batch = 50

    public init(
        store: any UnitOfWork, sender: EmailAddress, mail: any MailTransport, webhooks: any WebhookTransport,
        retry: RetryPolicy = .standard, random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        metrics: any DeliveryMetrics, logger: Logger
    ) {
        self.store = store
        self.sender = sender
        self.mail = mail
        self.webhooks = webhooks
        self.retry = retry
        self.random = random
        self.metrics = metrics
        self.logger = logger
    }

    /// Delivers the messages due at `now`, claiming batches until none are left.
    public func tick(now: Date) async throws -> Report {
        var report = Report()
        let (lease, batch) = (self.lease, self.batch)
        while true {
            let claimed = try await store.transaction {
                try await $0.outbox.claim(dueAt: now, lease: lease, limit: batch)
            }
            for message in claimed { try await deliver(message, now: now, report: &report) }
            if claimed.count < batch { break }
        }
        let outbox = store.repositories.outbox
        let counts = try await outbox.counts()
        metrics.queue(counts, oldestPending: try await outbox.oldestPending(), now: now)
        return report
    }

    private func deliver(_ message: OutboxMessage, now: Date, report: inout Report) async throws {
        let started = ContinuousClock.now
        do {
            try await send(message, now: now)
            try await store.transaction { repositories in
                try await repositories.outbox.markDelivered(message.id, at: now)
                if !message.keepsContentAfterDelivery {
                    try await repositories.outbox.forgetContent(message.id, replacement: Self.forgotten)
                }
            }
            metrics.delivered(channel: message.channel, after: now.timeIntervalSince(message.createdAt))
            report.delivered += 1
        } catch let failure as DeliveryFailure {
            let attempts = message.attempts + 1
            let wait = failure.retryable ? retry.wait(afterAttempt: attempts, random: random()) : nil
            let retryAt = wait.map { now.addingTimeInterval($0) }
            try await store.transaction {
                try await $0.outbox.markFailed(message.id, attempts: attempts, retryAt: retryAt, error: failure.reason)
            }
            metrics.failed(channel: message.channel)
            if wait == nil {
                report.deadLettered += 1
                logger.warning(
                    "Delivery given up",
                    metadata: [
                        "message": "\(message.id)", "channel": "\(message.channel.rawValue)",
                        "event": "\(message.event)", "attempts": "\(attempts)", "reason": "\(failure.reason)",
                    ])
            } else {
                report.retried += 1
            }
        }
        logger.debug(
            "Delivery attempt", metadata: ["message": "\(message.id)", "took": "\(ContinuousClock.now - started)"])
    }

    /// What a delivered message keeps in place of words that must not stay stored.
    static let forgotten = EmailContent([.paragraph("Delivered; the message held a one-time link and is not kept.")])

    private func send(_ message: OutboxMessage, now: Date) async throws(DeliveryFailure) {
        switch message.channel {
        case .email:
            guard let address = EmailAddress(message.recipient) else {
                throw DeliveryFailure(retryable: false, reason: "The recipient is not an e-mail address.")
            }
            let mailMessage = MailMessage(
                id: message.id, from: sender, to: [address], subject: message.subject,
                content: message.content)
            try await mail.send(mailMessage)
        case .webhook:
            guard let id = UUID(uuidString: message.recipient) else {
                throw DeliveryFailure(retryable: false, reason: "The recipient is not a webhook endpoint.")
            }
            let endpoint: WebhookEndpoint?
            do {
                endpoint = try await store.repositories.webhooks.find(id: id)
            } catch {
                throw DeliveryFailure(retryable: true, reason: "The endpoint could not be read: \(error)")
            }
            guard let endpoint else {
                throw DeliveryFailure(retryable: false, reason: "The webhook endpoint no longer exists.")
            }
            try await webhooks.post(
                WebhookRequest(
                    id: message.id, event: message.event, url: endpoint.url, body: Data(message.payload.utf8),
                    secrets: endpoint.secrets(at: now)))
        }
    }
}
