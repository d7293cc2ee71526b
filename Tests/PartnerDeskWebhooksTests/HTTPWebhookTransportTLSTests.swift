import Foundation
import PartnerDeskDomain
import PartnerDeskWebhooks
import Testing

/// HTTPS to a pinned address: the server name and certificate check use the URL's host, not the address.
@Suite struct HTTPWebhookTransportTLSTests {
    @Test func post_overTLS_sendsTheHostAsServerNameAndChecksTheCertificateAgainstIt() async throws {
        let resolver = StubResolver(always: ["partner.test": [IPAddress("127.0.0.1")!]])
        try await LocalReceiver.with(tls: TestCertificates.serverConfiguration(), answering: .status(.ok)) {
            receiver in
            let transport = try TransportFixture.transport(resolver: resolver, tls: true)
            try await transport.post(TransportFixture.request(to: receiver.url(scheme: "https", host: "partner.test")))
            #expect(receiver.serverNames == ["partner.test"])
            #expect(receiver.requests.only?.headers["Host"] == ["partner.test:\(receiver.port)"])
        }
    }

    @Test func post_overTLS_toANameTheCertificateDoesNotCover_failsRetryablyWithoutSendingTheBody() async throws {
        let resolver = StubResolver(always: ["impostor.test": [IPAddress("127.0.0.1")!]])
        try await LocalReceiver.with(tls: TestCertificates.serverConfiguration(), answering: .status(.ok)) {
            receiver in
            let failure = try #require(
                await TransportFixture.failure(
                    posting: TransportFixture.request(to: receiver.url(scheme: "https", host: "impostor.test")),
                    with: TransportFixture.transport(resolver: resolver, tls: true)
                )
            )
            #expect(failure.retryable)
            #expect(failure.reason.hasPrefix("TLS with https://impostor.test:\(receiver.port) failed: "))
            #expect(receiver.serverNames == ["impostor.test"])
            #expect(receiver.requests.isEmpty)
        }
    }

    @Test func post_overTLS_withAnUntrustedCertificate_failsRetryably() async throws {
        let resolver = StubResolver(always: ["partner.test": [IPAddress("127.0.0.1")!]])
        try await LocalReceiver.with(tls: TestCertificates.serverConfiguration(), answering: .status(.ok)) {
            receiver in
            let failure = try #require(
                await TransportFixture.failure(
                    posting: TransportFixture.request(to: receiver.url(scheme: "https", host: "partner.test")),
                    with: TransportFixture.transport(resolver: resolver, tls: false)
                )
            )
            #expect(failure.retryable)
            #expect(failure.reason.hasPrefix("TLS with https://partner.test:\(receiver.port) failed: "))
            #expect(receiver.requests.isEmpty)
        }
    }
}
