import Foundation

/// Where delivery figures go (Prometheus in production): queue depth, delivery latency, failures by channel.
public protocol DeliveryMetrics: Sendable {
    /// A message was delivered `latency` seconds after it was written to the outbox.
    func delivered(channel: OutboxMessage.Channel, after latency: TimeInterval)
    /// An attempt failed (retried or given up).
    func failed(channel: OutboxMessage.Channel)
    /// The outbox's contents after a tick, and the age of its oldest pending message.
    func queue(_ counts: [OutboxCount], oldestPending: Date?, now: Date)
}
