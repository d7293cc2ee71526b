import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import PartnerDeskServices

extension DeliveryFailure {
    /// The server answered a step with a refusal: 4yz may pass, 5yz (or a reply that makes no sense at that
    /// step) will not. The reason quotes the server's code and text, for example
    /// `RCPT TO refused: 550 5.1.1 no such user`.
    static func refused(_ step: SMTPStep, _ reply: SMTPReply) -> DeliveryFailure {
        DeliveryFailure(retryable: reply.isTransientFailure, reason: "\(step.rawValue) refused: \(reply.summary)")
    }

    /// A failure of the connection rather than a refusal: refused or lost connections, timeouts and TLS
    /// problems may pass and are retryable; a server that breaks the protocol is not.
    ///
    /// The reason names the server, the step and what went wrong; it never holds a credential or any part
    /// of the message.
    static func connectionFailure(
        _ step: SMTPStep, _ error: any Error, server: String, connectTimeout: Duration, commandTimeout: Duration
    ) -> DeliveryFailure {
        switch error {
        case let error as SMTPClientError:
            switch error {
            case .timedOut:
                return DeliveryFailure(
                    retryable: true,
                    reason: "\(server) did not answer: timed out after \(commandTimeout) waiting for \(step.awaited)"
                )
            case .connectionClosed:
                return DeliveryFailure(
                    retryable: true, reason: "\(server) closed the connection during \(step.rawValue)")
            case .malformedReply, .unexpectedEvent:
                return DeliveryFailure(
                    retryable: false, reason: "\(server) sent a reply that is not valid SMTP during \(step.rawValue)")
            case .dataAfterSTARTTLS:
                return DeliveryFailure(
                    retryable: false,
                    reason: "\(server) sent unexpected data right after agreeing to STARTTLS; TLS was not started")
            }
        case NIOSSLError.uncleanShutdown:
            return DeliveryFailure(retryable: true, reason: "\(server) closed the connection during \(step.rawValue)")
        case is NIOSSLError, is NIOSSLExtraError, is BoringSSLError:
            let what =
                step == .tlsHandshake || step == .greeting
                ? "TLS handshake with \(server) failed"
                : "TLS connection to \(server) failed during \(step.rawValue)"
            return DeliveryFailure(retryable: true, reason: "\(what): \(describeTLS(error))")
        case ChannelError.connectTimeout(_):
            return DeliveryFailure(
                retryable: true, reason: "could not connect to \(server): timed out after \(connectTimeout)")
        case let error as NIOConnectionError:
            return DeliveryFailure(retryable: true, reason: "could not connect to \(server): \(describe(error))")
        case is CancellationError:
            return DeliveryFailure(retryable: true, reason: "sending through \(server) was cancelled")
        default:
            let reason =
                step == .connect
                ? "could not connect to \(server): \(describe(error))"
                : "connection to \(server) failed during \(step.rawValue): \(describe(error))"
            return DeliveryFailure(retryable: true, reason: reason)
        }
    }

    private static func describe(_ error: NIOConnectionError) -> String {
        if let dnsError = error.dnsAError ?? error.dnsAAAAError, error.connectionErrors.isEmpty {
            return "the host name could not be resolved (\(dnsError))"
        }
        let attempts = error.connectionErrors.map { describe($0.error) }
        return attempts.isEmpty ? "no address to connect to" : attempts.joined(separator: "; ")
    }

    /// The system's words for a socket error ("Connection refused"), other errors as they describe themselves.
    private static func describe(_ error: any Error) -> String {
        guard let error = error as? IOError else { return "\(error)" }
        return String(cString: strerror(error.errnoCode))
    }

    /// The usual TLS failures in words an operator can act on, followed by the TLS library's own text.
    private static func describeTLS(_ error: any Error) -> String {
        let text = "\(error)"
        if let error = error as? NIOSSLExtraError, error == .failedToValidateHostname {
            return "the server's certificate is not valid for this host name (\(text))"
        }
        if text.contains("CERTIFICATE_VERIFY_FAILED") {
            return "the server's certificate could not be verified: not issued by a trusted authority, expired or "
                + "otherwise invalid (\(text))"
        }
        return text
    }
}
