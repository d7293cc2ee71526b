import Foundation
import PartnerDeskServices
import Synchronization

/// Transports and metrics that keep what they are given, and fail on demand, for delivery tests.
public final class RecordingTransports: MailTransport, WebhookTransport, DeliveryMetrics {
    private struct State {
        var mails: [MailMessage] = []
        var webhooks: [WebhookRequest] = []
        var failure: DeliveryFailure?
        var delivered = 0
        var failed = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// Every e-mail sent, in order.
    public var mails: [MailMessage] { state.withLock { $0.mails } }
    /// Every webhook posted, in order.
    public var webhooks: [WebhookRequest] { state.withLock { $0.webhooks } }
    /// Deliveries and failed attempts the metrics were told of.
    public var deliveredCount: Int { state.withLock { $0.delivered } }
    public var failedCount: Int { state.withLock { $0.failed } }

    /// Makes every following delivery fail this way (nil: succeed again).
    public func failing(with failure: DeliveryFailure?) { state.withLock { $0.failure = failure } }

    public func send(_ message: MailMessage) async throws(DeliveryFailure) {
        let failure = state.withLock { $0.failure }
        if let failure { throw failure }
        state.withLock { $0.mails.append(message) }
    }

    public func post(_ request: WebhookRequest) async throws(DeliveryFailure) {
        let failure = state.withLock { $0.failure }
        if let failure { throw failure }
        state.withLock { $0.webhooks.append(request) }
    }

    public func delivered(channel: OutboxMessage.Channel, after latency: TimeInterval) {
        state.withLock { $0.delivered += 1 }
    }

    public func failed(channel: OutboxMessage.Channel) { state.withLock { $0.failed += 1 } }
    public func queue(_ counts: [OutboxCount], oldestPending: Date?, now: Date) {}
}
