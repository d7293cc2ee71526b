import Foundation
import PartnerDeskDomain

/// One e-mail ready to send: its subject and words (the mail adapter lays them out as plain text and HTML),
/// with every control that reorders text shown as a marker (``BidiControls``), since the words may be a
/// partner's.
public struct MailMessage: Sendable, Hashable {
    /// Stable for the message's whole life (also across retries), sent as the `Message-ID` header so
    /// receivers can drop duplicates: `<id@partnerdesk>`.
    public var id: UUID
    public var from: EmailAddress
    public var to: [EmailAddress]
    public var subject: String
    public var content: EmailContent

    public init(id: UUID, from: EmailAddress, to: [EmailAddress], subject: String, content: EmailContent) {
        self.id = id
        self.from = from
        self.to = to
        self.subject = BidiControls.neutralised(subject)
        self.content = content.mapStrings(BidiControls.neutralised)
    }
}

/// Sends e-mail (SMTP in production).
public protocol MailTransport: Sendable {
    /// Sends the message; throws ``DeliveryFailure`` saying whether trying again may help.
    func send(_ message: MailMessage) async throws(DeliveryFailure)
}

/// One webhook call ready to make: a JSON body for one partner endpoint, signed with its secrets.
public struct WebhookRequest: Sendable, Hashable {
    /// Stable for the message's whole life, sent as `PartnerDesk-Delivery` so receivers can drop duplicates.
    public var id: UUID
    /// The event type, sent as `PartnerDesk-Event`, e.g. `incident.received`.
    public var event: String
    public var url: URL
    public var body: Data
    /// Every secret currently valid for the endpoint (two while one is being rotated): the request carries
    /// one signature per secret.
    public var secrets: [String]

    public init(id: UUID, event: String, url: URL, body: Data, secrets: [String]) {
        self.id = id
        self.event = event
        self.url = url
        self.body = body
        self.secrets = secrets
    }
}

/// Makes webhook calls (HTTPS in production), refusing targets that are not allowed.
public protocol WebhookTransport: Sendable {
    /// Posts the request; throws ``DeliveryFailure`` saying whether trying again may help.
    func post(_ request: WebhookRequest) async throws(DeliveryFailure)
}

/// Why a delivery failed, and whether another attempt may succeed.
public struct DeliveryFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// `true` for failures that may pass (timeouts, refused connections, 4xx/5xx temporary SMTP replies,
    /// HTTP 429 and 5xx); `false` for those that will not (a refused target, a permanent SMTP reply, an
    /// HTTP 4xx other than 408 and 429).
    public var retryable: Bool
    /// What happened, in words for the administrators' dead-letter list (never a secret or a message body).
    public var reason: String

    public init(retryable: Bool, reason: String) {
        self.retryable = retryable
        self.reason = reason
    }

    public var description: String { reason }
}
