import Foundation

/// The body of every webhook call, whatever the event: `{"id", "event", "occurredAt", "data"}` with its keys
/// sorted, instants in UTC and slashes unescaped, so a receiver can rely on one shape.
public struct WebhookEnvelope<Payload: Encodable & Sendable>: Encodable, Sendable {
    var id: String
    var event: String
    var occurredAt: String
    var data: Payload

    /// The JSON body for one delivery of `event` carrying `data`.
    public static func body(event: NotificationEvent, data: Payload, deliveryID: UUID, occurredAt: Date) -> Data {
        let envelope = WebhookEnvelope(
            id: deliveryID.uuidString.lowercased(), event: event.rawValue,
            occurredAt: ISO8601Instant.string(from: occurredAt), data: data)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(envelope)) ?? Data()
    }
}
