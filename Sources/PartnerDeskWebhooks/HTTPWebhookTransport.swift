import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import PartnerDeskDomain
import PartnerDeskServices

/// Delivers webhooks as signed HTTP POSTs to partner endpoints, refusing targets a partner must not reach.
///
/// For each call (and again for each redirect) the transport:
/// 1. checks the URL with the ``WebhookTargetPolicy``;
/// 2. resolves the host itself and refuses the call when any answer is refused by the policy;
/// 3. connects to one of those checked addresses, never resolving the name again, so a later DNS answer
///    cannot send the request elsewhere (DNS rebinding); for `https` the TLS server name and the
///    certificate check use the URL's host;
/// 4. posts the body with `Content-Type: application/json`, `User-Agent: PartnerDesk-Webhooks/1`,
///    `PartnerDesk-Delivery`, `PartnerDesk-Event` and a fresh `PartnerDesk-Signature`.
///
/// A 2xx answer is success. 307 and 308 are followed (at most ``Configuration/maximumRedirects`` times);
/// other 3xx fail. 408, 429, 5xx, connection and TLS failures and timeouts are retryable; other 4xx and
/// refused targets are not. Failure reasons and logs name the target's scheme, host and port only: never
/// the path or query, the body or a secret.
public struct HTTPWebhookTransport: WebhookTransport {
    /// The value of the `User-Agent` header.
    public static let userAgent = "PartnerDesk-Webhooks/1"

    private let configuration: Configuration
    private let clock: any Clock
    private let resolver: any WebhookHostResolver
    private let eventLoopGroup: any EventLoopGroup
    private let exchange: PinnedHTTPExchange
    private let logger: Logger

    /// Makes a transport; throws when the TLS settings cannot be loaded (for example a missing trust store).
    ///
    /// - Parameters:
    ///   - configuration: targets, time limits, redirects and TLS.
    ///   - clock: the time written into each signature.
    ///   - resolver: how host names are looked up (the system's `getaddrinfo` by default).
    ///   - eventLoopGroup: where connections run (NIO's shared group by default).
    ///   - logger: where each attempt is logged, at debug level (refusals at notice).
    public init(
        configuration: Configuration = Configuration(),
        clock: any Clock,
        resolver: any WebhookHostResolver = SystemHostResolver(),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "partnerdesk.webhooks")
    ) throws {
        self.configuration = configuration
        self.clock = clock
        self.resolver = resolver
        self.eventLoopGroup = eventLoopGroup
        self.logger = logger
        self.exchange = PinnedHTTPExchange(
            eventLoopGroup: eventLoopGroup,
            sslContext: try NIOSSLContext(configuration: configuration.tls),
            connectTimeout: TimeAmount(configuration.connectTimeout),
            requestTimeoutText: "\(configuration.requestTimeout)"
        )
    }

    /// Posts the request, following 307 and 308 redirects; throws ``DeliveryFailure`` saying whether trying
    /// again may help.
    public func post(_ request: WebhookRequest) async throws(DeliveryFailure) {
        let deadline = NIODeadline.now() + TimeAmount(configuration.requestTimeout)
        guard request.secrets.contains(where: { !$0.isEmpty }) else {
            throw DeliveryFailure(retryable: false, reason: "the endpoint has no signing secret")
        }
        guard Self.isValidEvent(request.event) else {
            throw DeliveryFailure(
                retryable: false, reason: "the event name is not 1–200 visible ASCII characters, so cannot be sent"
            )
        }
        var logger = self.logger
        logger[metadataKey: "webhook-delivery"] = "\(request.id.uuidString.lowercased())"
        logger[metadataKey: "webhook-event"] = "\(request.event)"
        let body = ByteBuffer(bytes: request.body)
        var url = request.url
        var redirects = 0
        while true {
            let target = try checkedTarget(url, logger: logger)
            let addresses = try await checkedAddresses(of: target, deadline: deadline, logger: logger)
            let head = requestHead(for: target, request: request)
            let response: HTTPResponseHead
            do {
                response = try await exchange.send(
                    head, body: body, to: target, addresses: addresses, deadline: deadline)
            } catch {
                logger.debug(
                    "Webhook attempt failed", metadata: ["origin": "\(target.origin)", "reason": "\(error.reason)"])
                throw error
            }
            let status = Int(response.status.code)
            switch WebhookResponseOutcome(status: status, location: response.headers.first(name: "Location")) {
            case .delivered:
                logger.debug("Webhook delivered", metadata: ["origin": "\(target.origin)", "status": "\(status)"])
                return
            case .redirect(let location):
                redirects += 1
                guard redirects <= configuration.maximumRedirects else {
                    throw DeliveryFailure(
                        retryable: false,
                        reason: "\(target.origin) redirected more than \(configuration.maximumRedirects) times"
                    )
                }
                guard let next = URL(string: location, relativeTo: url)?.absoluteURL else {
                    throw DeliveryFailure(retryable: false, reason: "\(target.origin) redirected to an unreadable URL")
                }
                logger.debug("Webhook redirected", metadata: ["origin": "\(target.origin)", "status": "\(status)"])
                url = next
            case .failed(let retryable, let explanation):
                logger.debug(
                    "Webhook failed",
                    metadata: ["origin": "\(target.origin)", "status": "\(status)", "retryable": "\(retryable)"]
                )
                throw DeliveryFailure(retryable: retryable, reason: "\(target.origin) \(explanation)")
            }
        }
    }

    private func checkedTarget(_ url: URL, logger: Logger) throws(DeliveryFailure) -> WebhookTarget {
        do {
            return try configuration.policy.target(for: url)
        } catch {
            throw refused(error, logger: logger)
        }
    }

    /// The host's addresses (or the address the URL names), every one accepted by the policy.
    private func checkedAddresses(
        of target: WebhookTarget, deadline: NIODeadline, logger: Logger
    ) async throws(DeliveryFailure) -> [IPAddress] {
        if let address = target.address { return [address] }
        let addresses = try await resolve(target, deadline: deadline)
        for address in addresses {
            do {
                try configuration.policy.check(address, for: target)
            } catch {
                throw refused(error, logger: logger)
            }
        }
        return addresses
    }

    /// Looks the host up, giving up at the deadline even when the system's lookup has not returned yet.
    private func resolve(_ target: WebhookTarget, deadline: NIODeadline) async throws(DeliveryFailure) -> [IPAddress] {
        let eventLoop = eventLoopGroup.next()
        let lookup = eventLoop.makePromise(of: [IPAddress].self)
        let giveUp = eventLoop.scheduleTask(deadline: deadline) { lookup.fail(CancellationError()) }
        defer { giveUp.cancel() }
        lookup.completeWithTask { [resolver, host = target.host] in try await resolver.addresses(of: host) }
        let addresses: [IPAddress]
        do {
            addresses = try await lookup.futureResult.get()
        } catch {
            if NIODeadline.now() >= deadline {
                throw DeliveryFailure(
                    retryable: true,
                    reason: "could not resolve \(target.host) within \(configuration.requestTimeout)"
                )
            }
            throw DeliveryFailure(retryable: true, reason: "could not resolve \(target.host): \(error)")
        }
        guard !addresses.isEmpty else {
            throw DeliveryFailure(retryable: true, reason: "\(target.host) has no addresses")
        }
        return addresses
    }

    private func refused(_ refusal: WebhookTargetRefusal, logger: Logger) -> DeliveryFailure {
        logger.notice(
            "Webhook target refused", metadata: ["rule": "\(refusal.rule.rawValue)", "subject": "\(refusal.subject)"]
        )
        return DeliveryFailure(retryable: false, reason: refusal.description)
    }

    private func requestHead(for target: WebhookTarget, request: WebhookRequest) -> HTTPRequestHead {
        let signature = WebhookSignature.sign(body: request.body, secrets: request.secrets, at: clock.now())
        let headers = HTTPHeaders([
            ("Host", target.authority),
            ("Content-Type", "application/json"),
            ("Content-Length", "\(request.body.count)"),
            ("User-Agent", Self.userAgent),
            ("PartnerDesk-Delivery", request.id.uuidString.lowercased()),
            ("PartnerDesk-Event", request.event),
            (WebhookSignature.headerName, signature),
            ("Connection", "close"),
        ])
        return HTTPRequestHead(version: .http1_1, method: .POST, uri: target.requestTarget, headers: headers)
    }

    /// Event names go into a header as they are, so only visible ASCII may pass (no line breaks).
    private static func isValidEvent(_ event: String) -> Bool {
        (1...200).contains(event.utf8.count) && event.utf8.allSatisfy { (0x21...0x7E).contains($0) }
    }
}
