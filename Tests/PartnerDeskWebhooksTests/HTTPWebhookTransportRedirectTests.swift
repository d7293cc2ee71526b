import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskWebhooks
import Testing

@Suite struct HTTPWebhookTransportRedirectTests {
    @Test func post_follows307ToAnotherAllowedServerAndSignsAgain() async throws {
        try await LocalReceiver.with(answering: .status(.ok)) { target in
            let location = target.url("/moved/here?x=1").absoluteString
            try await LocalReceiver.with(answering: .status(.temporaryRedirect, location: location)) { first in
                try await TransportFixture.transport().post(TransportFixture.request(to: first.url()))

                #expect(first.requests.count == 1)
                let redirected = try #require(target.requests.only)
                #expect(redirected.method == .POST)
                #expect(redirected.uri == "/moved/here?x=1")
                #expect(redirected.body == TransportFixture.body)
                #expect(redirected.headers["Host"] == ["127.0.0.1:\(target.port)"])
                #expect(redirected.headers["PartnerDesk-Delivery"] == ["4f0c6a52-8b7e-4d0c-9a57-2b8f0c1e9d11"])
                let signature = try #require(redirected.headers["PartnerDesk-Signature"].only)
                #expect(
                    WebhookSignature.verify(
                        header: signature, body: redirected.body, secret: "whsec_current", now: TransportFixture.now
                    )
                )
            }
        }
    }

    @Test func post_follows308ToARelativeLocation() async throws {
        let replies: [String: LocalReceiver.Reply] = ["/hook": .status(.permanentRedirect, location: "/v2/hook")]
        try await LocalReceiver.with(answering: .status(.accepted), at: replies) { receiver in
            try await TransportFixture.transport().post(TransportFixture.request(to: receiver.url()))
            #expect(receiver.requests.map(\.uri) == ["/hook", "/v2/hook"])
        }
    }

    @Test func post_givesUpAfterThreeRedirects() async throws {
        try await LocalReceiver.with(answering: .status(.temporaryRedirect, location: "/hook")) { receiver in
            let failure = try #require(
                await TransportFixture.failure(
                    posting: TransportFixture.request(to: receiver.url()), with: TransportFixture.transport()
                )
            )
            #expect(!failure.retryable)
            #expect(failure.reason == "http://127.0.0.1:\(receiver.port) redirected more than 3 times")
            #expect(receiver.requests.count == 4)
        }
    }

    @Test(arguments: [
        ("http://169.254.169.254/latest/meta-data/iam/security-credentials/", "link-local", "169.254.169.254"),
        ("http://[fd00:ec2::254]/latest/meta-data/", "private-network", "fd00:ec2::254"),
        ("https://metadata.google.internal/computeMetadata/v1/", "metadata-name", "metadata.google.internal"),
        ("http://10.0.0.7/admin", "private-network", "10.0.0.7"),
        ("http://0x7f.1/", "numeric-host-spelling", "0x7f.1 (reads as 127.0.0.1)"),
        ("file:///etc/passwd", "unsupported-scheme", "file"),
    ])
    func post_refusesARedirectToAForbiddenTarget(location: String, rule: String, subject: String) async throws {
        try await LocalReceiver.with(answering: .status(.temporaryRedirect, location: location)) { receiver in
            let failure = try #require(
                await TransportFixture.failure(
                    posting: TransportFixture.request(to: receiver.url()), with: TransportFixture.transport()
                )
            )
            #expect(!failure.retryable)
            #expect(failure.reason.hasPrefix("webhook target refused (\(rule): "))
            #expect(failure.reason.hasSuffix("): \(subject)"))
            #expect(receiver.requests.count == 1)
        }
    }

    @Test func post_refusesARedirectToLocalhostWithoutConnecting() async throws {
        try await LocalReceiver.with(answering: .status(.noContent)) { target in
            let location = target.url(host: "localhost").absoluteString
            try await LocalReceiver.with(answering: .status(.temporaryRedirect, location: location)) { first in
                let failure = try #require(
                    await TransportFixture.failure(
                        posting: TransportFixture.request(to: first.url()), with: TransportFixture.transport()
                    )
                )
                #expect(!failure.retryable)
                #expect(failure.reason.contains("(localhost-name: "))
                #expect(target.connections == 0)
            }
        }
    }

    @Test func post_refusesARedirectToANameThatResolvesToAForbiddenAddress() async throws {
        let resolver = StubResolver(always: ["internal.partner.test": [IPAddress("192.168.10.20")!]])
        let redirect = LocalReceiver.Reply.status(.temporaryRedirect, location: "https://internal.partner.test/hook")
        try await LocalReceiver.with(answering: redirect) { receiver in
            let failure = try #require(
                await TransportFixture.failure(
                    posting: TransportFixture.request(to: receiver.url()),
                    with: TransportFixture.transport(resolver: resolver)
                )
            )
            #expect(!failure.retryable)
            #expect(failure.reason.contains("(private-network: "))
            #expect(failure.reason.hasSuffix("internal.partner.test resolved to 192.168.10.20"))
            #expect(resolver.lookups(of: "internal.partner.test") == 1)
        }
    }
}
