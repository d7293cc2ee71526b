import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// The messages a person may receive, each with a checkbox.
struct PreferencesPage: Encodable {
    struct Choice: Encodable {
        var event: String
        var label: String
        var enabled: Bool
    }

    var title = "Your notifications"
    var signedIn: SignedInHeader
    var csrf: String
    var summary: String
    var choices: [Choice]
    var notice: String?

    init(
        principal: Principal, csrf: String, choices: [(event: NotificationEvent, enabled: Bool)], notice: String?
    ) {
        signedIn = SignedInHeader(principal, csrf: csrf)
        self.csrf = csrf
        summary =
            principal.role.isPartnerRole
            ? "E-mails about your organisation's incidents, sent as the service desk moves them on."
            : "E-mails when an incident your group is working on uses half or three quarters of its resolution target, or misses it. Service managers receive them for every group."
        self.choices = choices.map { Choice(event: $0.event.rawValue, label: $0.event.label, enabled: $0.enabled) }
        self.notice = notice
    }
}

/// An organisation's webhook endpoints (every endpoint for administrators) and the form to add one.
struct WebhooksPage: Encodable {
    /// A secret just made, shown once.
    struct Secret: Encodable {
        var url: String
        var secret: String
    }

    struct Endpoint: Encodable {
        var id: String
        var url: String
        var partner: String
        var events: String
        var created: String
        var rotation: String?
    }

    struct Choice: Encodable {
        var event: String
        var label: String
        var checked: Bool
    }

    /// One recent delivery, for the organisation's own administrators.
    struct Delivery: Encodable {
        var event: String
        var endpoint: String
        var queued: String
        var outcome: String
    }

    var title = "Webhooks"
    var signedIn: SignedInHeader
    var csrf: String
    var endpoints: [Endpoint]
    var hasEndpoints: Bool
    var showPartner: Bool
    var partners: [SelectOption]
    var events: [Choice]
    var url: String
    var secret: Secret?
    var notice: String?
    var errors: [PageError]
    var hasErrors: Bool
    var deliveries: [Delivery]
    var hasDeliveries: Bool
    var showDeliveries: Bool

    init(
        principal: Principal, csrf: String, endpoints: [WebhookEndpoint], partners: [Partner],
        values: [String: String], secret: Secret?, notice: String?, errors: [PageError],
        deliveries: [OutboxMessage] = []
    ) {
        let addresses = Dictionary(uniqueKeysWithValues: endpoints.map { ($0.id.uuidString.lowercased(), $0.url) })
        self.deliveries = deliveries.map { message in
            let outcome: String
            switch message.status {
            case .delivered:
                outcome = "Delivered \(message.deliveredAt.map(PageFormat.londonTime) ?? "")"
            case .pending:
                outcome =
                    message.attempts == 0
                    ? "Waiting to be sent"
                    : "Failed \(message.attempts) times (\(message.lastError ?? "no answer")); next try "
                        + PageFormat.londonTime(message.nextAttemptAt)
            case .dead:
                outcome = "Given up after \(message.attempts) attempts: \(message.lastError ?? "no answer")"
            }
            return Delivery(
                event: NotificationEvent(rawValue: message.event)?.label ?? message.event,
                endpoint: addresses[message.recipient]?.absoluteString ?? "a removed endpoint",
                queued: PageFormat.londonTime(message.createdAt), outcome: outcome)
        }
        hasDeliveries = !deliveries.isEmpty
        showDeliveries = principal.role.isPartnerRole
        signedIn = SignedInHeader(principal, csrf: csrf)
        self.csrf = csrf
        let names = Dictionary(uniqueKeysWithValues: partners.map { ($0.id, $0.name) })
        self.endpoints = endpoints.map { endpoint in
            Endpoint(
                id: endpoint.id.uuidString.lowercased(), url: endpoint.url.absoluteString,
                partner: names[endpoint.partnerID] ?? "",
                events: endpoint.events.sorted { $0.rawValue < $1.rawValue }.map(\.label).joined(separator: "; "),
                created: PageFormat.londonTime(endpoint.createdAt),
                rotation: endpoint.previousSecretExpiresAt.map {
                    "The previous secret also signs until \(PageFormat.londonTime($0))."
                })
        }
        hasEndpoints = !endpoints.isEmpty
        showPartner = !principal.role.isPartnerRole
        self.partners =
            SelectOption.partners(partners, none: "Choose a partner", selected: values["partner"])
        let submitted = !values.isEmpty
        events = NotificationEvent.allCases.filter { $0.audience == .partner }.map {
            Choice(event: $0.rawValue, label: $0.label, checked: submitted ? values[$0.rawValue] == "on" : true)
        }
        url = values["url"] ?? ""
        self.secret = secret
        self.notice = notice
        self.errors = errors
        hasErrors = !errors.isEmpty
    }
}

/// The outbox for administrators: how many messages are where, and the dead letters to retry or discard.
struct OutboxPage: Encodable {
    struct Count: Encodable {
        var channel: String
        var pending: Int
        var delivered: Int
        var dead: Int
    }

    struct Letter: Encodable {
        var id: String
        var channel: String
        var event: String
        var recipient: String
        var subject: String
        var attempts: Int
        var error: String
        var created: String
    }

    var title = "Outbox"
    var signedIn: SignedInHeader
    var csrf: String
    var counts: [Count]
    var letters: [Letter]
    var hasLetters: Bool
    var notice: String?

    init(principal: Principal, csrf: String, counts: [OutboxCount], dead: [OutboxMessage], notice: String?) {
        signedIn = SignedInHeader(principal, csrf: csrf)
        self.csrf = csrf
        self.counts = OutboxMessage.Channel.allCases.map { channel in
            func count(_ status: OutboxMessage.Status) -> Int {
                counts.first { $0.channel == channel && $0.status == status }?.count ?? 0
            }
            return Count(
                channel: channel == .email ? "E-mail" : "Webhooks", pending: count(.pending),
                delivered: count(.delivered), dead: count(.dead))
        }
        letters = dead.map { message in
            Letter(
                id: message.id.uuidString.lowercased(), channel: message.channel == .email ? "E-mail" : "Webhook",
                event: NotificationEvent(rawValue: message.event)?.label ?? message.event,
                recipient: message.recipient, subject: message.subject, attempts: message.attempts,
                error: message.lastError ?? "", created: PageFormat.londonTime(message.createdAt))
        }
        hasLetters = !letters.isEmpty
        self.notice = notice
    }
}
