import Foundation
import PartnerDeskDomain

/// A message in the transactional outbox: written in the same transaction as the change that causes it,
/// delivered afterwards by ``OutboxDispatcher``, retried, and finally delivered or given up (a dead letter).
public struct OutboxMessage: Sendable, Hashable, Identifiable {
    public enum Channel: String, CaseIterable, Sendable {
        case email
        case webhook
    }

    public enum Status: String, CaseIterable, Sendable {
        case pending
        case delivered
        case dead
    }

    /// Stable for the message's whole life: the e-mail's Message-ID and the webhook's delivery id.
    public var id: UUID
    public var channel: Channel
    /// The ``NotificationEvent`` raw value.
    public var event: String
    /// The e-mail address, or the webhook endpoint's id.
    public var recipient: String
    /// The e-mail's subject and words; empty for webhooks.
    public var subject: String
    public var content: EmailContent
    /// The webhook's JSON body; empty for e-mail.
    public var payload: String
    public var partnerID: Partner.ID?
    public var incidentID: Incident.ID?
    public var status: Status
    /// Delivery attempts made so far.
    public var attempts: Int
    /// Not before this instant.
    public var nextAttemptAt: Date
    /// Why the last attempt failed, in words (never a secret or a body).
    public var lastError: String?
    public var createdAt: Date
    public var deliveredAt: Date?

    public init(
        id: UUID, channel: Channel, event: String, recipient: String, subject: String = "",
        content: EmailContent = .none, payload: String = "", partnerID: Partner.ID?, incidentID: Incident.ID?,
        status: Status = .pending, attempts: Int = 0, nextAttemptAt: Date, lastError: String? = nil,
        createdAt: Date, deliveredAt: Date? = nil
    ) {
        self.id = id
        self.channel = channel
        self.event = event
        self.recipient = recipient
        self.subject = subject
        self.content = content
        self.payload = payload
        self.partnerID = partnerID
        self.incidentID = incidentID
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.createdAt = createdAt
        self.deliveredAt = deliveredAt
    }

    /// Whether the words may stay stored once delivered: an invitation carries a one-time link that works as a
    /// password until it is used, so only a note of it is kept.
    public var keepsContentAfterDelivery: Bool { event != InvitationNotice.event }
}

/// How many messages are in one state on one channel, for metrics and the administrators' page.
public struct OutboxCount: Sendable, Hashable {
    public var channel: OutboxMessage.Channel
    public var status: OutboxMessage.Status
    public var count: Int

    public init(channel: OutboxMessage.Channel, status: OutboxMessage.Status, count: Int) {
        self.channel = channel
        self.status = status
        self.count = count
    }
}

/// Stores the outbox and the record of which SLA escalations have fired.
public protocol OutboxRepository: Sendable {
    /// Adds messages (inside the caller's transaction, with the change that causes them).
    func enqueue(_ messages: [OutboxMessage]) async throws
    /// Takes up to `limit` pending messages due at `now` that no worker holds, and holds them until
    /// `now + lease`: another worker (on this or another server) cannot take them meanwhile; if this one dies,
    /// they become available again when the lease ends.
    func claim(dueAt now: Date, lease: TimeInterval, limit: Int) async throws -> [OutboxMessage]
    func markDelivered(_ id: UUID, at instant: Date) async throws
    /// Replaces a message's words, for one whose words must not stay stored once delivered.
    func forgetContent(_ id: UUID, replacement: EmailContent) async throws
    /// Records a failed attempt: pending again from `retryAt`, or a dead letter when `retryAt` is nil.
    func markFailed(_ id: UUID, attempts: Int, retryAt: Date?, error: String) async throws
    /// Messages in one state, newest first.
    func list(status: OutboxMessage.Status, limit: Int) async throws -> [OutboxMessage]
    /// One partner's most recent messages on a channel, newest first, whatever their status.
    func list(partnerID: Partner.ID, channel: OutboxMessage.Channel, limit: Int) async throws -> [OutboxMessage]
    func find(id: UUID) async throws -> OutboxMessage?
    /// Puts a dead letter back in the queue with a fresh set of attempts; false when it is not a dead letter.
    func requeue(_ id: UUID, at instant: Date) async throws -> Bool
    /// Deletes a dead letter; false when it is not one.
    func discard(_ id: UUID) async throws -> Bool
    func counts() async throws -> [OutboxCount]
    /// The oldest pending message's creation instant, for the delivery-lag metric.
    func oldestPending() async throws -> Date?
    /// Records that a threshold (50, 75 or 100 per cent) of an incident's target (in business seconds) has
    /// been announced; false when it already was, by this server or another.
    func recordEscalation(incidentID: Incident.ID, percent: Int, targetSeconds: Int, at instant: Date) async throws
        -> Bool
}

/// A partner's endpoint for webhooks, with the secrets that sign them.
public struct WebhookEndpoint: Sendable, Hashable, Identifiable {
    public typealias ID = UUID

    public var id: ID
    public var partnerID: Partner.ID
    public var url: URL
    public var events: Set<NotificationEvent>
    public var secret: String
    /// The secret before the last rotation, still sent until ``previousSecretExpiresAt``.
    public var previousSecret: String?
    public var previousSecretExpiresAt: Date?
    public var createdAt: Date

    public init(
        id: ID, partnerID: Partner.ID, url: URL, events: Set<NotificationEvent>, secret: String,
        previousSecret: String? = nil, previousSecretExpiresAt: Date? = nil, createdAt: Date
    ) {
        self.id = id
        self.partnerID = partnerID
        self.url = url
        self.events = events
        self.secret = secret
        self.previousSecret = previousSecret
        self.previousSecretExpiresAt = previousSecretExpiresAt
        self.createdAt = createdAt
    }

    /// The secrets to sign with at `instant`: the current one, and the previous one until it expires.
    public func secrets(at instant: Date) -> [String] {
        guard let previousSecret, let expiry = previousSecretExpiresAt, instant < expiry else { return [secret] }
        return [secret, previousSecret]
    }
}

/// Stores partners' webhook endpoints.
public protocol WebhookEndpointRepository: Sendable {
    func create(_ endpoint: WebhookEndpoint) async throws
    func find(id: WebhookEndpoint.ID) async throws -> WebhookEndpoint?
    /// Every endpoint, or one partner's, oldest first.
    func list(partnerID: Partner.ID?) async throws -> [WebhookEndpoint]
    func update(_ endpoint: WebhookEndpoint) async throws
    func delete(id: WebhookEndpoint.ID) async throws
}

/// Stores which notifications people have turned off (everyone receives the events of their audience
/// unless they opt out).
public protocol NotificationPreferenceRepository: Sendable {
    /// The events each of these users turned off.
    func optOuts(of users: [User.ID]) async throws -> [User.ID: Set<NotificationEvent>]
    /// Replaces one user's opt-outs.
    func setOptOuts(_ events: Set<NotificationEvent>, for user: User.ID) async throws
}

extension WebhookEndpoint: OwnedRecord {
    /// An endpoint is its partner's.
    public var owner: RecordOwner { .partner(partnerID) }
}

extension WebhookEndpoint: AuditedRecord {
    /// The address without user name, password, query or fragment, where endpoints sometimes carry a secret.
    static func auditedAddress(_ url: URL) -> String {
        guard var parts = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url.host ?? "" }
        let hidden = parts.user != nil || parts.password != nil || parts.query != nil || parts.fragment != nil
        (parts.user, parts.password, parts.query, parts.fragment) = (nil, nil, nil, nil)
        return (parts.string ?? url.host ?? "") + (hidden ? " (credentials and query not kept)" : "")
    }

    public var auditSubject: AuditSubject { AuditSubject(kind: "webhook", id: id.uuidString) }

    /// The address and events; a new secret shows only as the time the old one stops signing.
    public var auditFields: [String: String] {
        var fields = [
            "partner": partnerID.description, "url": Self.auditedAddress(url),
            "events": events.map(\.rawValue).sorted().joined(separator: ", "),
        ]
        fields["previousSecretExpiresAt"] = previousSecretExpiresAt.map(ISO8601Instant.string(from:))
        return fields
    }
}
