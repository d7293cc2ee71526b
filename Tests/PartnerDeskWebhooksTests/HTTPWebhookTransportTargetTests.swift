import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskWebhooks
import Testing

/// The transport refuses forbidden targets before connecting, and connects only to addresses it checked.
@Suite struct HTTPWebhookTransportTargetTests {
    @Test(arguments: [
        ("http", "127.0.0.1", "loopback"),
        ("https", "localhost", "localhost-name"),
        ("http", "[::ffff:127.0.0.1]", "loopback"),
        ("https", "2130706433", "numeric-host-spelling"),
        ("https", "127.1", "numeric-host-spelling"),
    ])
    func post_withoutTheAllowList_refusesLocalTargetsWithoutConnecting(scheme: String, host: String, rule: String)
        async throws
    {
        try await LocalReceiver.with(answering: .status(.noContent)) { receiver in
            let transport = try TransportFixture.transport(policy: WebhookTargetPolicy())
            let failure = try #require(
                await TransportFixture.failure(
                    posting: TransportFixture.request(to: receiver.url(scheme: scheme, host: host)), with: transport
                )
            )
            #expect(!failure.retryable)
            #expect(failure.reason.hasPrefix("webhook target refused (\(rule): "))
            #expect(receiver.connections == 0)
        }
    }

    @Test func post_toANameResolvingToAnAllowedAddress_connectsToThatAddress() async throws {
        let resolver = StubResolver(always: ["hooks.partner.test": [IPAddress("127.0.0.1")!]])
        try await LocalReceiver.with(answering: .status(.noContent)) { receiver in
            let transport = try TransportFixture.transport(resolver: resolver)
            try await transport.post(TransportFixture.request(to: receiver.url(host: "hooks.partner.test")))
            #expect(receiver.requests.only?.headers["Host"] == ["hooks.partner.test:\(receiver.port)"])
            #expect(resolver.lookups(of: "hooks.partner.test") == 1)
        }
    }

    @Test func post_refusesWhenAnyAnswerIsForbidden() async throws {
        let resolver = StubResolver(always: ["mixed.partner.test": [IPAddress("127.0.0.1")!, IPAddress("10.0.0.1")!]])
        try await LocalReceiver.with(answering: .status(.noContent)) { receiver in
            let failure = try #require(
                await TransportFixture.failure(
                    posting: TransportFixture.request(to: receiver.url(host: "mixed.partner.test")),
                    with: TransportFixture.transport(resolver: resolver)
                )
            )
            #expect(!failure.retryable)
            #expect(
                failure.reason.hasSuffix(
                    "(private-network: private network addresses are refused): mixed.partner.test resolved to 10.0.0.1")
            )
            #expect(receiver.connections == 0)
        }
    }

    @Test func post_looksTheNameUpOnceAndUsesThatAnswerOnly() async throws {
        // The second answer would point at the cloud metadata service: DNS rebinding.
        let resolver = StubResolver([
            "rebind.partner.test": [[IPAddress("127.0.0.1")!], [IPAddress("169.254.169.254")!]]
        ])
        try await LocalReceiver.with(answering: .status(.noContent)) { receiver in
            let transport = try TransportFixture.transport(resolver: resolver)
            let request = TransportFixture.request(to: receiver.url(host: "rebind.partner.test"))
            try await transport.post(request)
            #expect(resolver.lookups(of: "rebind.partner.test") == 1)
            #expect(receiver.requests.count == 1)

            let failure = try #require(await TransportFixture.failure(posting: request, with: transport))
            #expect(failure.reason.contains("(link-local: "))
            #expect(resolver.lookups(of: "rebind.partner.test") == 2)
            #expect(receiver.connections == 1)
        }
    }

    @Test func post_toAPlainHTTPNameOutsideTheAllowList_isRefusedAfterTheLookup() async throws {
        let resolver = StubResolver(always: ["hooks.partner.test": [IPAddress("93.184.216.34")!]])
        let failure = try #require(
            await TransportFixture.failure(
                posting: TransportFixture.request(to: URL(string: "http://hooks.partner.test/hook")!),
                with: TransportFixture.transport(resolver: resolver)
            )
        )
        #expect(
            failure
                == DeliveryFailure(
                    retryable: false,
                    reason:
                        "webhook target refused (plain-http: plain http is allowed only to targets on the allow list): "
                        + "hooks.partner.test resolved to 93.184.216.34"
                )
        )
    }

    @Test func post_whenTheNameDoesNotResolve_isRetryable() async throws {
        let failure = try #require(
            await TransportFixture.failure(
                posting: TransportFixture.request(to: URL(string: "https://unknown.partner.test/hook")!),
                with: TransportFixture.transport()
            )
        )
        #expect(
            failure
                == DeliveryFailure(
                    retryable: true, reason: "could not resolve unknown.partner.test: Name or service not known")
        )
    }

    /// The lookup would take an hour: the answer coming at all (within the suite's time limit) shows the
    /// deadline ended the wait; no wall-clock figure is asserted.
    @Test(.timeLimit(.minutes(1))) func post_whenTheLookupOutlivesTheDeadline_isARetryableTimeout() async throws {
        let resolver = StubResolver(["slow.partner.test": [[IPAddress("127.0.0.1")!]]], delay: .seconds(3_600))
        let failure = try #require(
            await TransportFixture.failure(
                posting: TransportFixture.request(to: URL(string: "https://slow.partner.test/hook")!),
                with: TransportFixture.transport(requestTimeout: .milliseconds(200), resolver: resolver)
            )
        )
        #expect(
            failure
                == DeliveryFailure(retryable: true, reason: "could not resolve slow.partner.test within 0.2 seconds"))
    }

    @Test(.timeLimit(.minutes(1))) func post_whenTheReceiverNeverAnswers_isARetryableTimeout() async throws {
        try await LocalReceiver.with(answering: .silence) { receiver in
            let failure = try #require(
                await TransportFixture.failure(
                    posting: TransportFixture.request(to: receiver.url()),
                    with: TransportFixture.transport(requestTimeout: .milliseconds(300))
                )
            )
            #expect(
                failure
                    == DeliveryFailure(
                        retryable: true, reason: "no answer from http://127.0.0.1:\(receiver.port) within 0.3 seconds"
                    )
            )
            // The connection was made (else the reason would be "could not connect"); the receiver's side may
            // record it a moment later on a busy machine.
            for _ in 0..<100 where receiver.connections == 0 { try await Task.sleep(for: .milliseconds(20)) }
            #expect(receiver.connections == 1)
        }
    }

    @Test func post_toAClosedPort_isRetryable() async throws {
        let closedURL = try await LocalReceiver.with(answering: .status(.noContent)) { $0.url() }
        let failure = try #require(
            await TransportFixture.failure(
                posting: TransportFixture.request(to: closedURL), with: TransportFixture.transport()
            )
        )
        #expect(failure.retryable)
        #expect(failure.reason.hasPrefix("could not connect to http://127.0.0.1:\(closedURL.port!) (127.0.0.1: "))
    }

    @Test func failureReasons_neverCarryThePathQueryBodyOrSecrets() async throws {
        try await LocalReceiver.with(answering: .status(.internalServerError)) { receiver in
            let failure = try #require(
                await TransportFixture.failure(
                    posting: TransportFixture.request(to: receiver.url("/t/p4ss-in-path?key=query-secret")),
                    with: TransportFixture.transport()
                )
            )
            for secretText in ["p4ss-in-path", "query-secret", "whsec_", "incident.received\"", "4f0c6a52"] {
                #expect(!failure.reason.contains(secretText))
            }
        }
    }
}
