import Foundation
import Metrics
import PartnerDeskServices

/// Delivery figures for `/metrics`: `partnerdesk_outbox_messages{channel,status}` (queue depth),
/// `partnerdesk_outbox_oldest_pending_seconds`, `partnerdesk_delivery_latency_seconds{channel}` (from the
/// change to the delivery) and `partnerdesk_delivery_failures_total{channel}`.
struct PrometheusDeliveryMetrics: DeliveryMetrics {
    init() {
        // The registry must be in place before the first metric is made.
        _ = PartnerDeskMetrics.registry
    }

    func delivered(channel: OutboxMessage.Channel, after latency: TimeInterval) {
        Timer(label: "partnerdesk_delivery_latency_seconds", dimensions: [("channel", channel.rawValue)])
            .recordNanoseconds(Int64(max(0, latency) * 1_000_000_000))
    }

    func failed(channel: OutboxMessage.Channel) {
        Counter(label: "partnerdesk_delivery_failures_total", dimensions: [("channel", channel.rawValue)]).increment()
    }

    func queue(_ counts: [OutboxCount], oldestPending: Date?, now: Date) {
        for channel in OutboxMessage.Channel.allCases {
            for status in OutboxMessage.Status.allCases {
                let count = counts.first { $0.channel == channel && $0.status == status }?.count ?? 0
                Gauge(
                    label: "partnerdesk_outbox_messages",
                    dimensions: [("channel", channel.rawValue), ("status", status.rawValue)]
                ).record(count)
            }
        }
        Gauge(label: "partnerdesk_outbox_oldest_pending_seconds")
            .record(oldestPending.map { max(0, now.timeIntervalSince($0)) } ?? 0)
    }
}
