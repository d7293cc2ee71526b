import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// `/api/v1/webhooks` (partner administrators: their organisation's endpoints; administrators: all),
/// `/api/v1/notifications/preferences` (signed-in people, for themselves) and `/api/v1/outbox`
/// (administrators: the queue and its dead letters).
extension APIOperations {
    // MARK: Webhooks

    func listWebhooks(_ input: Operations.ListWebhooks.Input) async throws -> Operations.ListWebhooks.Output {
        let endpoints = try await services.notifications.webhooks(as: try APIRequest.request.principal)
        return .ok(.init(body: .json(try endpoints.map { try Components.Schemas.Webhook($0) })))
    }

    /// The organisation's recent webhook deliveries (`?partner=CODE` for administrators).
    func listWebhookDeliveries(_ input: Operations.ListWebhookDeliveries.Input) async throws
        -> Operations.ListWebhookDeliveries.Output
    {
        let deliveries = try await services.notifications.recentDeliveries(
            as: try APIRequest.request.principal, partnerCode: input.query.partner)
        return .ok(.init(body: .json(try deliveries.map { try Components.Schemas.Delivery($0) })))
    }

    func addWebhook(_ input: Operations.AddWebhook.Input) async throws -> Operations.AddWebhook.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let created = try await services.notifications.addWebhook(
            url: body.url, events: body.events, partnerCode: body.partner, as: try APIRequest.request.principal)
        return .created(.init(body: .json(try Components.Schemas.Webhook(created.endpoint, secret: created.secret))))
    }

    func rotateWebhookSecret(_ input: Operations.RotateWebhookSecret.Input) async throws
        -> Operations.RotateWebhookSecret.Output
    {
        let rotated = try await services.notifications.rotateWebhookSecret(
            try UUID.inPath(input.path.webhookID), as: try APIRequest.request.principal)
        return .ok(.init(body: .json(try Components.Schemas.Webhook(rotated.endpoint, secret: rotated.secret))))
    }

    func removeWebhook(_ input: Operations.RemoveWebhook.Input) async throws -> Operations.RemoveWebhook.Output {
        try await services.notifications.removeWebhook(
            try UUID.inPath(input.path.webhookID), as: try APIRequest.request.principal)
        return .noContent(.init())
    }

    // MARK: Preferences

    func listNotificationPreferences(_ input: Operations.ListNotificationPreferences.Input) async throws
        -> Operations.ListNotificationPreferences.Output
    {
        .ok(.init(body: .json(try await preferences())))
    }

    func setNotificationPreferences(_ input: Operations.SetNotificationPreferences.Input) async throws
        -> Operations.SetNotificationPreferences.Output
    {
        let body =
            switch input.body {
            case .json(let body): body
            }
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
        try await services.notifications.setPreferences(enabled: events, for: try APIRequest.request.principal)
        return .ok(.init(body: .json(try await preferences())))
    }

    private func preferences() async throws -> [Components.Schemas.NotificationPreference] {
        try await services.notifications.preferences(of: try APIRequest.request.principal).map {
            .init(event: try .documented($0.event.rawValue), label: $0.event.label, enabled: $0.enabled)
        }
    }

    // MARK: Outbox

    func outboxSummary(_ input: Operations.OutboxSummary.Input) async throws -> Operations.OutboxSummary.Output {
        let principal = try APIRequest.request.principal
        let counts = try await services.notifications.outboxSummary(as: principal)
            .sorted { ($0.channel.rawValue, $0.status.rawValue) < ($1.channel.rawValue, $1.status.rawValue) }
        let dead = try await services.notifications.deadLetters(as: principal)
        return .ok(
            .init(
                body: .json(
                    .init(
                        counts: try counts.map {
                            .init(
                                channel: try .documented($0.channel.rawValue),
                                status: try .documented($0.status.rawValue), count: $0.count)
                        },
                        deadLetters: try dead.map { try Components.Schemas.DeadLetter($0) }))))
    }

    func retryDeadLetter(_ input: Operations.RetryDeadLetter.Input) async throws -> Operations.RetryDeadLetter.Output {
        try await services.notifications.retryDeadLetter(
            try UUID.inPath(input.path.messageID), as: try APIRequest.request.principal)
        return .noContent(.init())
    }

    func discardDeadLetter(_ input: Operations.DiscardDeadLetter.Input) async throws
        -> Operations.DiscardDeadLetter.Output
    {
        try await services.notifications.discardDeadLetter(
            try UUID.inPath(input.path.messageID), as: try APIRequest.request.principal)
        return .noContent(.init())
    }
}

/// A webhook to add, read as sent so that the service names a wrong event or address itself; the document's
/// `NewWebhook` schema.
struct NewWebhookRequest: Codable, Hashable, Sendable {
    var url: String
    var events: [String]
    /// Administrators only: the partner's code.
    var partner: String?
}

/// The events a person wants, read as sent so that a wrong one is named; `NotificationPreferenceChange`.
struct PreferenceChangeRequest: Codable, Hashable, Sendable {
    /// The events to receive; every other event of the caller's audience is turned off.
    var enabled: [String]
}

extension Components.Schemas.Webhook {
    /// A webhook endpoint as the API shows it; the secret only in the answers that create or rotate it.
    init(_ endpoint: WebhookEndpoint, secret: String? = nil) throws {
        self.init(
            id: endpoint.id.uuidString.lowercased(), partnerID: endpoint.partnerID.description,
            url: endpoint.url.absoluteString,
            events: try endpoint.events.map(\.rawValue).sorted().map { try .documented($0) },
            createdAt: endpoint.createdAt, previousSecretValidUntil: endpoint.previousSecretExpiresAt,
            secret: secret)
    }
}

extension Components.Schemas.Delivery {
    /// One webhook delivery as its partner's administrators see it: what, where, how it went.
    init(_ message: OutboxMessage) throws {
        self.init(
            id: message.id.uuidString.lowercased(), event: message.event, endpointId: message.recipient,
            status: try .documented(message.status.rawValue), attempts: message.attempts,
            lastError: message.lastError, createdAt: message.createdAt, deliveredAt: message.deliveredAt,
            nextAttemptAt: message.status == .pending ? message.nextAttemptAt : nil)
    }
}

extension Components.Schemas.DeadLetter {
    /// A message the outbox gave up on, for administrators: who it was for and why it failed, not its body.
    init(_ message: OutboxMessage) throws {
        self.init(
            id: message.id.uuidString.lowercased(), channel: try .documented(message.channel.rawValue),
            event: message.event, recipient: message.recipient, subject: message.subject,
            attempts: message.attempts, lastError: message.lastError, createdAt: message.createdAt)
    }
}
