import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// `/api/v1/webhooks` (partner administrators: their organisation's endpoints; administrators: all),
/// `/api/v1/notifications/preferences` (signed-in people, for themselves) and `/api/v1/outbox`
/// (administrators: the queue and its dead letters).
struct NotificationsController {
    let services: AppServices

    func register(on api: any RoutesBuilder) {
        let webhooks = api.grouped("webhooks")
        webhooks.get(use: listWebhooks).declaring(.manageWebhooks)
        webhooks.get("deliveries", use: recentDeliveries).declaring(.manageWebhooks)
        webhooks.post(use: addWebhook).declaring(.manageWebhooks)
        webhooks.post(":webhookID", "rotate-secret", use: rotateSecret).declaring(.manageWebhooks)
        webhooks.delete(":webhookID", use: removeWebhook).declaring(.manageWebhooks)
        let preferences = api.grouped("notifications", "preferences")
        preferences.get(use: listPreferences).declaring(.manageOwnNotifications)
        preferences.put(use: setPreferences).declaring(.manageOwnNotifications)
        let outbox = api.grouped("outbox")
        outbox.get(use: outboxSummary).declaring(.manageOutbox)
        outbox.post(":messageID", "retry", use: retry).declaring(.manageOutbox)
        outbox.delete(":messageID", use: discard).declaring(.manageOutbox)
    }

    // MARK: Webhooks

    struct NewWebhook: Content {
        var url: String
        var events: [String]
        /// Administrators only: the partner's code.
        var partner: String?
    }

    @Sendable func listWebhooks(_ request: Request) async throws -> [WebhookDTO] {
        try await services.notifications.webhooks(as: try request.principal).map { WebhookDTO($0, secret: nil) }
    }

    /// The organisation's recent webhook deliveries (`?partner=CODE` for administrators).
    @Sendable func recentDeliveries(_ request: Request) async throws -> [DeliveryDTO] {
        let code = try request.query.get(String?.self, at: "partner")
        return try await services.notifications.recentDeliveries(as: try request.principal, partnerCode: code)
            .map(DeliveryDTO.init)
    }

    @Sendable func addWebhook(_ request: Request) async throws -> Response {
        let body = try request.decodeJSONBody(NewWebhook.self)
        let created = try await services.notifications.addWebhook(
            url: body.url, events: body.events, partnerCode: body.partner, as: try request.principal)
        return try await WebhookDTO(created.endpoint, secret: created.secret).encodeResponse(
            status: .created, for: request)
    }

    @Sendable func rotateSecret(_ request: Request) async throws -> WebhookDTO {
        let rotated = try await services.notifications.rotateWebhookSecret(
            try request.uuidParameter("webhookID"), as: try request.principal)
        return WebhookDTO(rotated.endpoint, secret: rotated.secret)
    }

    @Sendable func removeWebhook(_ request: Request) async throws -> HTTPStatus {
        try await services.notifications.removeWebhook(
            try request.uuidParameter("webhookID"), as: try request.principal)
        return .noContent
    }

    // MARK: Preferences

    struct Preference: Content {
        var event: String
        var label: String
        var enabled: Bool
    }

    struct PreferenceChange: Content {
        /// The events to receive; every other event of the caller's audience is turned off.
        var enabled: [String]
    }

    @Sendable func listPreferences(_ request: Request) async throws -> [Preference] {
        try await services.notifications.preferences(of: try request.principal).map {
            Preference(event: $0.event.rawValue, label: $0.event.label, enabled: $0.enabled)
        }
    }

    @Sendable func setPreferences(_ request: Request) async throws -> [Preference] {
        let body = try request.decodeJSONBody(PreferenceChange.self)
        var check = ValidationCollector()
        var events: Set<NotificationEvent> = []
        for name in body.enabled {
            if let event = NotificationEvent(rawValue: name) {
                events.insert(event)
            } else {
                check.add("enabled", "unknown_value", "'\(name)' is not a notification event.")
            }
        }
        try check.finish()
        try await services.notifications.setPreferences(enabled: events, for: try request.principal)
        return try await listPreferences(request)
    }

    // MARK: Outbox

    struct OutboxDTO: Content {
        struct Count: Content {
            var channel: String
            var status: String
            var count: Int
        }

        var counts: [Count]
        var deadLetters: [DeadLetterDTO]
    }

    @Sendable func outboxSummary(_ request: Request) async throws -> OutboxDTO {
        let principal = try request.principal
        let counts = try await services.notifications.outboxSummary(as: principal)
        let dead = try await services.notifications.deadLetters(as: principal)
        return OutboxDTO(
            counts: counts.map { .init(channel: $0.channel.rawValue, status: $0.status.rawValue, count: $0.count) }
                .sorted { ($0.channel, $0.status) < ($1.channel, $1.status) },
            deadLetters: dead.map(DeadLetterDTO.init))
    }

    @Sendable func retry(_ request: Request) async throws -> HTTPStatus {
        try await services.notifications.retryDeadLetter(
            try request.uuidParameter("messageID"), as: try request.principal)
        return .noContent
    }

    @Sendable func discard(_ request: Request) async throws -> HTTPStatus {
        try await services.notifications.discardDeadLetter(
            try request.uuidParameter("messageID"), as: try request.principal)
        return .noContent
    }
}

/// A webhook endpoint as the API shows it; the secret only in the answers that create or rotate it.
/// One webhook delivery as its partner's administrators see it: what, where, how it went.
struct DeliveryDTO: Content {
    var id: String
    var event: String
    var endpointId: String
    var status: String
    var attempts: Int
    var lastError: String?
    var createdAt: String
    var deliveredAt: String?
    var nextAttemptAt: String?

    init(_ message: OutboxMessage) {
        id = message.id.uuidString.lowercased()
        event = message.event
        endpointId = message.recipient
        status = message.status.rawValue
        attempts = message.attempts
        lastError = message.lastError
        createdAt = ISO8601Instant.string(from: message.createdAt)
        deliveredAt = message.deliveredAt.map(ISO8601Instant.string(from:))
        nextAttemptAt = message.status == .pending ? ISO8601Instant.string(from: message.nextAttemptAt) : nil
    }
}

struct WebhookDTO: Content {
    var id: String
    var partnerID: String
    var url: String
    var events: [String]
    var createdAt: String
    /// Until when the secret before the last rotation still signs deliveries.
    var previousSecretValidUntil: String?
    var secret: String?

    init(_ endpoint: WebhookEndpoint, secret: String?) {
        id = endpoint.id.uuidString.lowercased()
        partnerID = endpoint.partnerID.description
        url = endpoint.url.absoluteString
        events = endpoint.events.map(\.rawValue).sorted()
        createdAt = ISO8601Instant.string(from: endpoint.createdAt)
        previousSecretValidUntil = endpoint.previousSecretExpiresAt.map(ISO8601Instant.string(from:))
        self.secret = secret
    }
}

/// A message the outbox gave up on, for administrators: who it was for and why it failed, not its body.
struct DeadLetterDTO: Content {
    var id: String
    var channel: String
    var event: String
    var recipient: String
    var subject: String
    var attempts: Int
    var lastError: String?
    var createdAt: String

    init(_ message: OutboxMessage) {
        id = message.id.uuidString.lowercased()
        channel = message.channel.rawValue
        event = message.event
        recipient = message.recipient
        subject = message.subject
        attempts = message.attempts
        lastError = message.lastError
        createdAt = ISO8601Instant.string(from: message.createdAt)
    }
}
