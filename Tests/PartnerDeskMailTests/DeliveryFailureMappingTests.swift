import Foundation
import NIOCore
import PartnerDeskServices
import Testing

@testable import PartnerDeskMail

/// How refusals and connection problems become ``DeliveryFailure`` values.
@Suite struct DeliveryFailureMappingTests {
    func failure(_ step: SMTPStep, _ error: any Error) -> DeliveryFailure {
        .connectionFailure(
            step, error, server: "smtp.example.net:587", connectTimeout: .seconds(10), commandTimeout: .seconds(30))
    }

    @Test func replies_areRetryableOnlyWhenTransient() {
        #expect(
            DeliveryFailure.refused(.rcptTo, SMTPReply(code: 452, lines: ["4.2.2 mailbox full"]))
                == DeliveryFailure(retryable: true, reason: "RCPT TO refused: 452 4.2.2 mailbox full"))
        #expect(!DeliveryFailure.refused(.data, SMTPReply(code: 554, lines: ["no"])).retryable)
        #expect(!DeliveryFailure.refused(.mailFrom, SMTPReply(code: 250, lines: ["odd"])).retryable)
    }

    @Test func connectTimeout_isRetryable_andSaysHowLong() {
        #expect(
            failure(.connect, ChannelError.connectTimeout(.seconds(10)))
                == DeliveryFailure(
                    retryable: true, reason: "could not connect to smtp.example.net:587: timed out after 10.0 seconds"))
    }

    @Test func replyTimeout_namesWhatWasAwaited() {
        #expect(
            failure(.rcptTo, SMTPClientError.timedOut).reason
                == "smtp.example.net:587 did not answer: timed out after 30.0 seconds waiting for the reply to RCPT TO")
    }

    @Test func resetConnection_isRetryable_andNamesTheStep() {
        let reset = failure(.message, IOError(errnoCode: ECONNRESET, reason: "read"))
        #expect(reset.retryable)
        #expect(reset.reason == "connection to smtp.example.net:587 failed during message: Connection reset by peer")
    }

    @Test func protocolViolations_areNotRetryable() {
        #expect(!failure(.ehlo, SMTPClientError.malformedReply).retryable)
        #expect(!failure(.startTLS, SMTPClientError.dataAfterSTARTTLS).retryable)
    }

    @Test func cancellation_isRetryable() {
        #expect(failure(.data, CancellationError()).retryable)
    }
}
