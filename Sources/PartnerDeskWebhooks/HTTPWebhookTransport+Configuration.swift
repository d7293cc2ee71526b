import NIOSSL
import PartnerDeskDomain

extension HTTPWebhookTransport {
    /// How ``HTTPWebhookTransport`` calls partners: which targets it may reach, how long it waits, how many
    /// redirects it follows and how it checks certificates.
    public struct Configuration: Sendable {
        /// Which URLs and addresses may be called.
        public var policy: WebhookTargetPolicy
        /// How long to wait for one TCP connection to open.
        public var connectTimeout: Duration
        /// How long one delivery may take in all: every lookup, connection, TLS handshake and request,
        /// redirects included, until the response's status line and headers arrive.
        public var requestTimeout: Duration
        /// How many 307 or 308 redirects to follow before giving up.
        public var maximumRedirects: Int
        /// TLS settings for `https` targets. The server name sent and the name the certificate is checked
        /// against are always the URL's host; keep ``defaultTLS``'s full verification in production and change
        /// only the trusted authorities when a partner needs a private one.
        public var tls: TLSConfiguration

        /// The default settings: connections within 5 seconds, deliveries within 15, at most 3 redirects,
        /// TLS 1.2 or later with the system's trusted certificate authorities.
        public init(
            policy: WebhookTargetPolicy = WebhookTargetPolicy(),
            connectTimeout: Duration = .seconds(5),
            requestTimeout: Duration = .seconds(15),
            maximumRedirects: Int = 3,
            tls: TLSConfiguration = Configuration.defaultTLS
        ) {
            self.policy = policy
            self.connectTimeout = connectTimeout
            self.requestTimeout = requestTimeout
            self.maximumRedirects = maximumRedirects
            self.tls = tls
        }

        /// TLS 1.2 or later, certificates checked in full (chain and host name) against the system's trust
        /// store.
        public static var defaultTLS: TLSConfiguration {
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.minimumTLSVersion = .tlsv12
            tls.certificateVerification = .fullVerification
            return tls
        }
    }
}
