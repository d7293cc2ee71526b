import Foundation
import NIOHTTP1
import PartnerDeskServices
import PartnerDeskWebhooks
import Testing

@Suite struct HTTPWebhookTransportDeliveryTests {
    @Test func post_deliversBodyWithEveryHeaderAndASignaturePerSecret() async throws {
        try await LocalReceiver.with(answering: .status(.noContent)) { receiver in
            let transport = try TransportFixture.transport()
            try await transport.post(TransportFixture.request(to: receiver.url("/hooks/partnerdesk?tenant=7")))

            let request = try #require(receiver.requests.only)
            #expect(request.method == .POST)
            #expect(request.uri == "/hooks/partnerdesk?tenant=7")
            #expect(request.body == TransportFixture.body)
            #expect(request.headers["Host"] == ["127.0.0.1:\(receiver.port)"])
            #expect(request.headers["Content-Type"] == ["application/json"])
            #expect(request.headers["Content-Length"] == ["\(TransportFixture.body.count)"])
            #expect(request.headers["User-Agent"] == ["PartnerDesk-Webhooks/1"])
            #expect(request.headers["PartnerDesk-Delivery"] == ["4f0c6a52-8b7e-4d0c-9a57-2b8f0c1e9d11"])
            #expect(request.headers["PartnerDesk-Event"] == ["incident.received"])

            let signature = try #require(request.headers["PartnerDesk-Signature"].only)
            #expect(signature.hasPrefix("t=1800000000,v1="))
            #expect(signature.split(separator: ",").filter { $0.hasPrefix("v1=") }.count == 2)
            for secret in TransportFixture.secrets {
                #expect(
                    WebhookSignature.verify(
                        header: signature, body: request.body, secret: secret, now: TransportFixture.now
                    )
                )
            }
            #expect(
                !WebhookSignature.verify(
                    header: signature, body: request.body, secret: "whsec_someone_else", now: TransportFixture.now
                )
            )
        }
    }

    @Test func post_succeedsOnEvery2xx() async throws {
        for status in [HTTPResponseStatus.ok, .created, .accepted, .noContent] {
            try await LocalReceiver.with(answering: .status(status)) { receiver in
                try await TransportFixture.transport().post(TransportFixture.request(to: receiver.url()))
                #expect(receiver.requests.count == 1)
            }
        }
    }

    @Test(arguments: [
        (500, true), (502, true), (503, true), (504, true), (429, true), (408, true),
        (400, false), (401, false), (403, false), (404, false), (410, false), (413, false), (422, false),
    ])
    func post_mapsTheStatusToRetryable(status: Int, retryable: Bool) async throws {
        let responseStatus = HTTPResponseStatus(statusCode: status)
        try await LocalReceiver.with(answering: .status(responseStatus)) { receiver in
            let failure = try #require(
                await TransportFixture.failure(
                    posting: TransportFixture.request(to: receiver.url("/hook/secret-path?token=abc")),
                    with: TransportFixture.transport()
                )
            )
            #expect(failure.retryable == retryable)
            #expect(failure.reason == "http://127.0.0.1:\(receiver.port) answered HTTP \(status)")
            #expect(receiver.requests.count == 1)
        }
    }

    @Test func post_refusesOtherRedirectsWithoutFollowingThem() async throws {
        for status in [HTTPResponseStatus.movedPermanently, .found, .seeOther, .notModified] {
            try await LocalReceiver.with(answering: .status(.noContent)) { elsewhere in
                let redirect = LocalReceiver.Reply.status(status, location: elsewhere.url().absoluteString)
                try await LocalReceiver.with(answering: redirect) { receiver in
                    let failure = try #require(
                        await TransportFixture.failure(
                            posting: TransportFixture.request(to: receiver.url()), with: TransportFixture.transport()
                        )
                    )
                    #expect(!failure.retryable)
                    #expect(failure.reason.contains("HTTP \(status.code); only 307 and 308 redirects are followed"))
                    #expect(elsewhere.connections == 0)
                }
            }
        }
    }

    @Test func post_refusesARequestWithoutASecretBeforeConnecting() async throws {
        try await LocalReceiver.with(answering: .status(.noContent)) { receiver in
            let failure = try #require(
                await TransportFixture.failure(
                    posting: TransportFixture.request(to: receiver.url(), secrets: ["", ""]),
                    with: TransportFixture.transport()
                )
            )
            #expect(failure == DeliveryFailure(retryable: false, reason: "the endpoint has no signing secret"))
            #expect(receiver.connections == 0)
        }
    }

    @Test(arguments: ["", "incident.received\r\nX-Injected: 1", "incident received", "incident.réceived"])
    func post_refusesAnEventThatCannotBeAHeaderValue(event: String) async throws {
        try await LocalReceiver.with(answering: .status(.noContent)) { receiver in
            let failure = try #require(
                await TransportFixture.failure(
                    posting: TransportFixture.request(to: receiver.url(), event: event),
                    with: TransportFixture.transport()
                )
            )
            #expect(!failure.retryable)
            #expect(receiver.connections == 0)
        }
    }

    @Test func post_signsEachAttemptAtTheClocksTime() async throws {
        try await LocalReceiver.with(answering: .status(.noContent)) { receiver in
            let transport = try TransportFixture.transport()
            try await transport.post(TransportFixture.request(to: receiver.url()))
            let header = try #require(receiver.requests.only?.headers["PartnerDesk-Signature"].only)
            #expect(
                header
                    == WebhookSignature.sign(
                        body: TransportFixture.body, secrets: TransportFixture.secrets, at: TransportFixture.now)
            )
        }
    }
}

extension Collection {
    /// The single element, or `nil` when there are none or several.
    var only: Element? { count == 1 ? first : nil }
}
