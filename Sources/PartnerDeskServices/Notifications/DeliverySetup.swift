import Foundation
import Logging
import PartnerDeskDomain

/// How notifications leave the service: the sender and links they carry, and the transports and metrics
/// the outbox dispatcher uses.
public struct DeliverySetup: Sendable {
    public var sender: EmailAddress
    /// The service's public address, for links in messages.
    public var publicURL: String
    public var mail: any MailTransport
    public var webhooks: any WebhookTransport
    public var metrics: any DeliveryMetrics
    public var retry: RetryPolicy
    public var logger: Logger

    public init(
        sender: EmailAddress, publicURL: String, mail: any MailTransport, webhooks: any WebhookTransport,
        metrics: any DeliveryMetrics, retry: RetryPolicy = .standard, logger: Logger
    ) {
        self.sender = sender
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        self.mail = mail
        self.webhooks = webhooks
        self.metrics = metrics
        self.retry = retry
        self.logger = logger
    }
}

/// The mail transport of a deployment without an SMTP relay: every attempt fails with a reason that says
/// so, and the messages wait in the outbox (then become dead letters) instead of vanishing.
public struct NoMailRelay: MailTransport {
    public init() {}

    public func send(_ message: MailMessage) async throws(DeliveryFailure) {
        throw DeliveryFailure(
            retryable: true, reason: "No SMTP relay is configured (set PARTNERDESK_SMTP_HOST) so e-mail cannot be sent."
        )
    }
}
