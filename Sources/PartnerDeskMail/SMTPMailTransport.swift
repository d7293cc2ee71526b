import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PartnerDeskDomain
import PartnerDeskServices

/// Sends e-mail through an SMTP relay (RFC 5321) over SwiftNIO: one connection per message, TLS by
/// STARTTLS or from the first byte, AUTH PLAIN or LOGIN, a `multipart/alternative` message with text and
/// HTML parts.
///
/// Failures say whether trying again may help: refused or lost connections, timeouts, TLS problems and 4yz
/// replies are retryable; 5yz replies, a server without the required STARTTLS and unusable addresses are
/// not. Reasons name the step and the server's reply, never a credential or the message. Logging is at
/// debug level only and carries neither.
///
/// ```swift
/// let transport = try SMTPMailTransport(configuration: configuration, clock: clock)
/// try await transport.send(message)
/// ```
public struct SMTPMailTransport: MailTransport {
    private let configuration: SMTPConfiguration
    private let tlsContext: NIOSSLContext?
    private let serverHostname: String?
    private let clock: any PartnerDeskServices.Clock
    private let group: any EventLoopGroup
    private let logger: Logger

    /// A transport for the configuration; checks it and loads the TLS trust roots now, so a bad setting
    /// fails start-up rather than each delivery.
    ///
    /// - Parameters:
    ///   - clock: Gives the instant written in each message's `Date` header.
    ///   - eventLoopGroup: Where the connections run; NIO's shared group unless told otherwise.
    public init(
        configuration: SMTPConfiguration,
        clock: any PartnerDeskServices.Clock,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "partnerdesk.mail.smtp")
    ) throws(SMTPConfigurationError) {
        var problems = configuration.problems
        if let path = configuration.trustRootsPEMPath, !FileManager.default.isReadableFile(atPath: path) {
            problems.append("the SMTP trust roots file \(path) cannot be read")
        }
        guard problems.isEmpty else { throw SMTPConfigurationError(problems: problems) }

        if configuration.security == .plain {
            self.tlsContext = nil
        } else {
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.minimumTLSVersion = .tlsv12
            tls.certificateVerification = .fullVerification
            if let path = configuration.trustRootsPEMPath {
                tls.additionalTrustRoots = [.file(path)]
            }
            do {
                self.tlsContext = try NIOSSLContext(configuration: tls)
            } catch {
                throw SMTPConfigurationError(problems: ["the TLS settings for SMTP could not be loaded: \(error)"])
            }
        }
        // SNI carries host names only; for an IP address the certificate is checked against the address.
        let isIPAddress = (try? SocketAddress(ipAddress: configuration.host, port: 0)) != nil
        self.serverHostname = isIPAddress ? nil : configuration.host
        self.configuration = configuration
        self.clock = clock
        self.group = eventLoopGroup
        self.logger = logger
    }

    /// Delivers the message to the relay over a new connection, which is closed again in every case.
    public func send(_ message: MailMessage) async throws(DeliveryFailure) {
        let envelope = try envelope(for: message)
        var logger = self.logger
        logger[metadataKey: "mail.message_id"] = "\(message.id.uuidString.lowercased())"
        logger[metadataKey: "smtp.server"] = "\(configuration.host):\(configuration.port)"
        logger.debug("SMTP connecting", metadata: ["smtp.recipients": "\(envelope.recipients.count)"])

        let connection: SMTPConnection
        do {
            connection = try await SMTPConnection.open(
                host: configuration.host,
                port: configuration.port,
                implicitTLS: configuration.security == .implicitTLS ? tlsContext : nil,
                serverHostname: serverHostname,
                connectTimeout: TimeAmount(configuration.connectTimeout),
                replyTimeout: TimeAmount(configuration.commandTimeout),
                group: group
            )
        } catch {
            throw .connectionFailure(
                .connect, error, server: "\(configuration.host):\(configuration.port)",
                connectTimeout: configuration.connectTimeout, commandTimeout: configuration.commandTimeout)
        }
        var session = SMTPSession(
            connection: connection, configuration: configuration, tlsContext: tlsContext,
            serverHostname: serverHostname, logger: logger)
        do {
            try await session.deliver(envelope)
        } catch {
            await session.close()
            logger.debug("SMTP delivery failed", metadata: ["smtp.retryable": "\(error.retryable)"])
            throw error
        }
        await session.close()
        logger.debug("SMTP delivery done")
    }

    /// The envelope for the message; refuses addresses SMTP cannot carry before any connection is made.
    private func envelope(for message: MailMessage) throws(DeliveryFailure) -> SMTPSession.Envelope {
        guard !message.to.isEmpty else {
            throw DeliveryFailure(retryable: false, reason: "the message has no recipients")
        }
        let addresses = [message.from] + message.to
        for address in addresses where !Self.isUsableInSMTP(address) {
            throw DeliveryFailure(
                retryable: false, reason: "the address \(String(reflecting: address.value)) cannot be sent over SMTP")
        }
        let mime = MIMEMessage(message: message, date: clock.now(), boundary: MIMEMessage.makeBoundary())
        return SMTPSession.Envelope(
            from: message.from.value,
            recipients: message.to.map(\.value),
            needsSMTPUTF8: addresses.contains { !$0.value.utf8.allSatisfy { $0 < 0x80 } },
            data: SMTPData.encode(mime.rendered, allocator: ByteBufferAllocator())
        )
    }

    /// No spaces, controls or angle brackets, which would break the command line or the headers.
    private static func isUsableInSMTP(_ address: EmailAddress) -> Bool {
        address.value.unicodeScalars.allSatisfy { scalar in
            scalar.value > 0x20 && !(0x7F...0x9F).contains(scalar.value) && scalar != "<" && scalar != ">"
        }
    }
}
