import Foundation
import PartnerDeskDomain

/// What people control about notifications: which ones they receive, their organisation's webhook
/// endpoints (partner administrators), and the outbox's dead letters (administrators).
public struct NotificationSettingsService: Sendable {
    /// How long the secret before a rotation keeps signing webhooks, so receivers can switch without downtime.
    public static let rotationOverlap: TimeInterval = 24 * 3_600

    let store: any UnitOfWork
    let ids: any IDGenerator
    let clock: any Clock
    let secrets: any SecretKeeper
    let audit: AuditService
    /// The rules deliveries follow, applied when an endpoint is registered too, so a partner learns at once
    /// that an address will never be called instead of finding dead letters later.
    let webhookPolicy: WebhookTargetPolicy

    public init(
        store: any UnitOfWork, ids: any IDGenerator, clock: any Clock, secrets: any SecretKeeper, audit: AuditService,
        webhookPolicy: WebhookTargetPolicy
    ) {
        self.webhookPolicy = webhookPolicy
        self.store = store
        self.ids = ids
        self.clock = clock
        self.secrets = secrets
        self.audit = audit
    }

    // MARK: Preferences

    /// The events sent to people of the person's role and whether they receive each.
    public func preferences(of principal: Principal) async throws -> [(event: NotificationEvent, enabled: Bool)] {
        let user = try person(principal)
        let off = try await store.repositories.notificationPreferences.optOuts(of: [user])[user] ?? []
        return Self.events(for: principal).map { ($0, !off.contains($0)) }
    }

    /// Receives exactly the `enabled` events of those sent to the person's role from now on.
    public func setPreferences(enabled: Set<NotificationEvent>, for principal: Principal) async throws {
        let user = try person(principal)
        let events = Self.events(for: principal)
        let unknown = enabled.subtracting(events)
        guard unknown.isEmpty else {
            throw ValidationFailure([
                ValidationIssue(
                    field: "events", code: "unknown_value",
                    message:
                        "These messages are not sent to your role: \(unknown.map(\.rawValue).sorted().joined(separator: ", "))."
                )
            ])
        }
        let optOuts = Set(events).subtracting(enabled)
        let audit = self.audit
        try await store.transaction { repositories in
            let before = try await repositories.notificationPreferences.optOuts(of: [user])[user] ?? []
            try await repositories.notificationPreferences.setOptOuts(optOuts, for: user)
            let changes = FieldChange.between(
                ["optedOut": before.map(\.rawValue).sorted().joined(separator: ", ")],
                ["optedOut": optOuts.map(\.rawValue).sorted().joined(separator: ", ")])
            try await audit.append(
                AuditRecord(principal: principal, action: "notification.preferences", outcome: .succeeded)
                    .about(AuditSubject(kind: "preferences", id: user.description), changes: changes),
                in: repositories)
        }
    }

    private func person(_ principal: Principal) throws -> User.ID {
        try Authorization.require(principal, .manageOwnNotifications)
        guard case .user(let id) = principal.credential else { throw ServiceError.forbidden }
        return id
    }

    private static func events(for principal: Principal) -> [NotificationEvent] {
        NotificationEvent.allCases.filter { $0.isSent(to: principal.role) }
    }

    // MARK: Webhook endpoints

    /// A new endpoint and its secret, shown once.
    public struct CreatedEndpoint: Sendable {
        public var endpoint: WebhookEndpoint
        public var secret: String
    }

    /// The organisation's endpoints (every endpoint for administrators).
    public func webhooks(as principal: Principal) async throws -> [WebhookEndpoint] {
        try Authorization.require(principal, .manageWebhooks)
        return try await store.repositories.webhooks.list(
            partnerID: principal.role.isPartnerRole ? principal.partnerID : nil)
    }

    /// Adds an endpoint for the caller's organisation (administrators name the partner).
    public func addWebhook(
        url text: String, events names: [String], partnerCode: String?, as principal: Principal
    ) async throws -> CreatedEndpoint {
        try Authorization.require(principal, .manageWebhooks)
        var check = ValidationCollector()
        let url = URL(string: text.trimmingCharacters(in: .whitespaces))
        if let url, url.host != nil, url.scheme != nil {
            do {
                _ = try webhookPolicy.registrable(url)
            } catch {
                check.add(
                    "url", "refused_address",
                    "PartnerDesk will not call this address (\(error.rule.summary): \(error.subject)). Give a public "
                        + "https address of your service.")
            }
        } else {
            check.add("url", "invalid_format", "Give the endpoint's full address, starting with https://.")
        }
        var events: Set<NotificationEvent> = []
        for name in names {
            if let event = NotificationEvent(rawValue: name), event.audience == .partner {
                events.insert(event)
            } else {
                check.add("events", "unknown_value", "'\(name)' is not an event sent to partners.")
            }
        }
        if names.isEmpty { check.add("events", "required", "Choose at least one event.") }
        try check.finish()
        guard let url else { throw ServiceError.notFound }
        let now = clock.now()
        let secret = secrets.makeSecret()
        let ids = self.ids
        let audit = self.audit
        let chosen = events
        let endpoint = try await store.transaction { repositories in
            let partnerID = try await owningPartner(principal, code: partnerCode, in: repositories)
            let endpoint = WebhookEndpoint(
                id: ids.make(), partnerID: partnerID, url: url, events: chosen, secret: secret, createdAt: now)
            try await repositories.webhooks.create(endpoint)
            try await audit.append(
                AuditRecord(
                    principal: principal, action: "webhook.create", outcome: .succeeded,
                    target: WebhookEndpoint.auditedAddress(endpoint.url)
                ).about(nil, endpoint),
                in: repositories)
            return endpoint
        }
        return CreatedEndpoint(endpoint: endpoint, secret: secret)
    }

    /// Gives an endpoint a new secret; the old one keeps signing for ``rotationOverlap``.
    public func rotateWebhookSecret(_ id: WebhookEndpoint.ID, as principal: Principal) async throws -> CreatedEndpoint {
        let now = clock.now()
        let secret = secrets.makeSecret()
        let audit = self.audit
        return try await store.transaction { repositories in
            var endpoint = try await visibleEndpoint(id, principal: principal, in: repositories)
            let before = endpoint
            endpoint.previousSecret = endpoint.secret
            endpoint.previousSecretExpiresAt = now.addingTimeInterval(Self.rotationOverlap)
            endpoint.secret = secret
            try await repositories.webhooks.update(endpoint)
            try await audit.append(
                AuditRecord(
                    principal: principal, action: "webhook.rotate_secret", outcome: .succeeded,
                    target: WebhookEndpoint.auditedAddress(endpoint.url)
                ).about(before, endpoint),
                in: repositories)
            return CreatedEndpoint(endpoint: endpoint, secret: secret)
        }
    }

    /// Removes an endpoint; messages already queued for it become dead letters when their turn comes.
    public func removeWebhook(_ id: WebhookEndpoint.ID, as principal: Principal) async throws {
        let audit = self.audit
        try await store.transaction { repositories in
            let endpoint = try await visibleEndpoint(id, principal: principal, in: repositories)
            try await repositories.webhooks.delete(id: id)
            try await audit.append(
                AuditRecord(
                    principal: principal, action: "webhook.delete", outcome: .succeeded,
                    target: WebhookEndpoint.auditedAddress(endpoint.url)
                ).about(endpoint, nil),
                in: repositories)
        }
    }

    /// The organisation's most recent webhook deliveries, delivered, waiting or given up, newest first, so its
    /// administrators can see why an endpoint receives nothing (administrators name the partner).
    public func recentDeliveries(as principal: Principal, partnerCode: String? = nil, limit: Int = 50) async throws
        -> [OutboxMessage]
    {
        try Authorization.require(principal, .manageWebhooks)
        let repositories = store.repositories
        let partnerID = try await owningPartner(principal, code: partnerCode, in: repositories)
        return try await repositories.outbox.list(
            partnerID: partnerID, channel: .webhook, limit: min(max(limit, 1), 200))
    }

    private func visibleEndpoint(_ id: WebhookEndpoint.ID, principal: Principal, in repositories: any Repositories)
        async throws -> WebhookEndpoint
    {
        try Authorization.require(principal, .manageWebhooks, on: try await repositories.webhooks.find(id: id))
    }

    /// The partner an endpoint is for: the caller's own, or for administrators the one they name.
    private func owningPartner(_ principal: Principal, code: String?, in repositories: any Repositories) async throws
        -> Partner.ID
    {
        if principal.role.isPartnerRole, let own = principal.partnerID { return own }
        guard let code = code.flatMap(PartnerCode.init), let partner = try await repositories.partners.find(code: code)
        else {
            throw ValidationFailure([
                ValidationIssue(
                    field: "partner", code: "required", message: "Name the partner the endpoint belongs to.")
            ])
        }
        return partner.id
    }

    // MARK: Outbox

    /// The outbox's contents by channel and state.
    public func outboxSummary(as principal: Principal) async throws -> [OutboxCount] {
        try Authorization.require(principal, .manageOutbox)
        return try await store.repositories.outbox.counts()
    }

    /// Dead letters, newest first.
    public func deadLetters(as principal: Principal, limit: Int = 100) async throws -> [OutboxMessage] {
        try Authorization.require(principal, .manageOutbox)
        return try await store.repositories.outbox.list(status: .dead, limit: limit)
    }

    /// Queues a dead letter again with a fresh set of attempts.
    public func retryDeadLetter(_ id: UUID, as principal: Principal) async throws {
        try Authorization.require(principal, .manageOutbox)
        let now = clock.now()
        let audit = self.audit
        try await store.transaction { repositories in
            guard try await repositories.outbox.requeue(id, at: now) else { throw ServiceError.notFound }
            try await audit.append(
                AuditRecord(principal: principal, action: "outbox.retry", outcome: .succeeded, target: "\(id)"),
                in: repositories)
        }
    }

    /// Deletes a dead letter for good.
    public func discardDeadLetter(_ id: UUID, as principal: Principal) async throws {
        try Authorization.require(principal, .manageOutbox)
        let audit = self.audit
        try await store.transaction { repositories in
            guard try await repositories.outbox.discard(id) else { throw ServiceError.notFound }
            try await audit.append(
                AuditRecord(principal: principal, action: "outbox.discard", outcome: .succeeded, target: "\(id)"),
                in: repositories)
        }
    }
}
