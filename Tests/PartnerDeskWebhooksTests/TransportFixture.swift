import Foundation
import Logging
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import PartnerDeskWebhooks

/// Shared set-up for the transport tests: a pinned clock, the loopback allow list and a request builder.
enum TransportFixture {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let secrets = ["whsec_current", "whsec_previous"]
    static let deliveryID = UUID(uuidString: "4F0C6A52-8B7E-4D0C-9A57-2B8F0C1E9D11")!
    static let body = Data(#"{"id":"4f0c6a52-8b7e-4d0c-9a57-2b8f0c1e9d11","event":"incident.received"}"#.utf8)

    /// Allows 127.0.0.0/8, as the tests' receivers listen on 127.0.0.1.
    static let loopbackAllowed = WebhookTargetPolicy(
        allowList: WebhookAllowList(ranges: [IPAddressRange("127.0.0.0/8")!]))

    /// Refusals are logged at notice; the tests check them through the failures instead.
    static let quietLogger: Logger = {
        var logger = Logger(label: "partnerdesk.webhooks.tests")
        logger.logLevel = .error
        return logger
    }()

    /// Timeouts are generous unless a test is about them: the whole suite runs in parallel on two cores, where
    /// a lookup or connection can wait seconds for a free thread.
    static func transport(
        policy: WebhookTargetPolicy = loopbackAllowed,
        requestTimeout: Duration = .seconds(60),
        resolver: any WebhookHostResolver = StubResolver(always: [:]),
        tls: Bool = false
    ) throws -> HTTPWebhookTransport {
        try HTTPWebhookTransport(
            configuration: HTTPWebhookTransport.Configuration(
                policy: policy,
                connectTimeout: min(requestTimeout, .seconds(30)),
                requestTimeout: requestTimeout,
                tls: tls ? TestCertificates.clientConfiguration() : HTTPWebhookTransport.Configuration.defaultTLS
            ),
            clock: FixedClock(now),
            resolver: resolver,
            logger: quietLogger
        )
    }

    static func request(to url: URL, event: String = "incident.received", secrets: [String] = secrets) -> WebhookRequest
    {
        WebhookRequest(id: deliveryID, event: event, url: url, body: body, secrets: secrets)
    }

    /// The failure the post threw, or `nil` when it succeeded.
    static func failure(posting request: WebhookRequest, with transport: HTTPWebhookTransport) async -> DeliveryFailure?
    {
        do {
            try await transport.post(request)
            return nil
        } catch {
            return error
        }
    }
}
