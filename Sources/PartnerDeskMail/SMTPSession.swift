import Foundation
import Logging
import NIOCore
import NIOSSL
import PartnerDeskServices

/// The SMTP dialogue (RFC 5321) that hands one message to the relay over an open connection: greeting,
/// EHLO, STARTTLS, AUTH, MAIL FROM, RCPT TO for each recipient, DATA, QUIT.
///
/// Commands go one at a time, each waiting for its reply. Any refusal ends the dialogue before DATA, so a
/// message reaches either every recipient or none, and a retry cannot duplicate it for some of them.
struct SMTPSession {
    /// The envelope and content to deliver.
    struct Envelope {
        var from: String
        var recipients: [String]
        /// Whether an address is not ASCII, so the server must offer SMTPUTF8.
        var needsSMTPUTF8: Bool
        /// The message, dot-stuffed and ending with the `.` line.
        var data: ByteBuffer
    }

    private var connection: SMTPConnection
    private let configuration: SMTPConfiguration
    private let tlsContext: NIOSSLContext?
    private let serverHostname: String?
    private let logger: Logger

    init(
        connection: SMTPConnection, configuration: SMTPConfiguration, tlsContext: NIOSSLContext?,
        serverHostname: String?, logger: Logger
    ) {
        self.connection = connection
        self.configuration = configuration
        self.tlsContext = tlsContext
        self.serverHostname = serverHostname
        self.logger = logger
    }

    /// Runs the dialogue; on any failure, says QUIT if the server is still talking.
    mutating func deliver(_ envelope: Envelope) async throws(DeliveryFailure) {
        let greeting = try await read(.greeting)
        try await require(greeting.code == 220, .greeting, greeting)
        var capabilities = try await hello()
        if configuration.security == .startTLS {
            capabilities = try await startTLS(offered: capabilities)
        }
        if let credentials = configuration.credentials {
            try await authenticate(credentials, capabilities: capabilities)
        }
        if envelope.needsSMTPUTF8, !capabilities.supportsSMTPUTF8 {
            await quit()
            throw DeliveryFailure(
                retryable: false,
                reason: "an address is not ASCII and \(server) does not offer SMTPUTF8 to carry it")
        }
        let parameters = envelope.needsSMTPUTF8 ? " SMTPUTF8" : ""
        let mail = try await command("MAIL FROM:<\(envelope.from)>\(parameters)", .mailFrom)
        try await require(mail.isPositiveCompletion, .mailFrom, mail)
        for recipient in envelope.recipients {
            let reply = try await command("RCPT TO:<\(recipient)>", .rcptTo)
            try await require(reply.isPositiveCompletion, .rcptTo, reply)
        }
        let data = try await command("DATA", .data)
        try await require(data.code == 354, .data, data)
        logger.debug("SMTP sending message", metadata: ["smtp.bytes": "\(envelope.data.readableBytes)"])
        let accepted = try await exchange(.message) { connection in try await connection.sendMessage(envelope.data) }
        try await require(accepted.isPositiveCompletion, .message, accepted)
        logger.debug("SMTP message accepted", metadata: ["smtp.reply": "\(accepted.summary)"])
        await quit()
    }

    /// Closes the connection.
    func close() async {
        await connection.close()
    }

    /// EHLO, or HELO when the server does not know EHLO (500 or 502); HELO means no extensions.
    private mutating func hello() async throws(DeliveryFailure) -> SMTPCapabilities {
        let ehlo = try await command("EHLO \(configuration.heloName)", .ehlo)
        if ehlo.isPositiveCompletion {
            return SMTPCapabilities(ehloReply: ehlo)
        }
        guard ehlo.code == 500 || ehlo.code == 502 else { throw await refuse(.ehlo, ehlo) }
        let helo = try await command("HELO \(configuration.heloName)", .helo)
        try await require(helo.isPositiveCompletion, .helo, helo)
        return .none
    }

    /// Upgrades the connection to TLS and greets again; refuses to go on without TLS.
    private mutating func startTLS(offered: SMTPCapabilities) async throws(DeliveryFailure) -> SMTPCapabilities {
        guard offered.supportsSTARTTLS, let tlsContext else {
            await quit()
            throw DeliveryFailure(
                retryable: false,
                reason: "\(server) does not offer STARTTLS, which the configuration requires; nothing was sent")
        }
        let serverHostname = serverHostname
        let reply = try await exchange(.startTLS) { connection in
            try await connection.startTLS(context: tlsContext, serverHostname: serverHostname)
        }
        try await require(reply.code == 220, .startTLS, reply)
        try await exchange(.tlsHandshake) { connection in try await connection.waitForTLS() }
        logger.debug("SMTP connection upgraded to TLS")
        // The capabilities seen before TLS may have been forged: only those announced inside TLS count.
        return try await hello()
    }

    /// AUTH PLAIN (RFC 4616) or, when the server does not offer it, AUTH LOGIN.
    private mutating func authenticate(
        _ credentials: SMTPConfiguration.Credentials, capabilities: SMTPCapabilities
    ) async throws(DeliveryFailure) {
        let mechanisms = capabilities.authMechanisms
        var reply: SMTPReply
        if mechanisms.contains("PLAIN") {
            let token = base64("\0\(credentials.username)\0\(credentials.password)")
            reply = try await command("AUTH PLAIN \(token)", .auth, logged: "AUTH PLAIN (credentials hidden)")
            if reply.code == 334 {
                // A server that does not take an initial response asks for it on its own line.
                reply = try await command(token, .auth, logged: "(credentials hidden)")
            }
        } else if mechanisms.contains("LOGIN") {
            reply = try await command("AUTH LOGIN", .auth)
            try await require(reply.code == 334, .auth, reply)
            reply = try await command(base64(credentials.username), .auth, logged: "(user name hidden)")
            try await require(reply.code == 334, .auth, reply)
            reply = try await command(base64(credentials.password), .auth, logged: "(password hidden)")
        } else {
            await quit()
            let offered = mechanisms.isEmpty ? "none" : mechanisms.sorted().joined(separator: " ")
            throw DeliveryFailure(
                retryable: false,
                reason: "\(server) offers no AUTH mechanism this client supports (PLAIN or LOGIN; offered: \(offered))"
            )
        }
        try await require(reply.code == 235, .auth, reply)
    }

    /// Says goodbye; the message (if any) was already accepted, so nothing here can fail the delivery.
    private mutating func quit() async {
        logger.debug("SMTP command", metadata: ["smtp.command": "QUIT"])
        _ = try? await connection.send("QUIT")
    }

    /// Ends the dialogue with a refusal unless the reply is the expected one.
    private mutating func require(_ accepted: Bool, _ step: SMTPStep, _ reply: SMTPReply) async throws(DeliveryFailure)
    {
        if !accepted { throw await refuse(step, reply) }
    }

    /// Says QUIT after a refusal (unless the server already said it is closing) and describes the refusal.
    private mutating func refuse(_ step: SMTPStep, _ reply: SMTPReply) async -> DeliveryFailure {
        logger.debug("SMTP refusal", metadata: ["smtp.step": "\(step.rawValue)", "smtp.reply": "\(reply.summary)"])
        if reply.code != 421 {
            await quit()
        }
        return .refused(step, reply)
    }

    private mutating func command(
        _ line: String, _ step: SMTPStep, logged: String? = nil
    ) async throws(DeliveryFailure) -> SMTPReply {
        logger.debug("SMTP command", metadata: ["smtp.command": "\(logged ?? line)"])
        let reply = try await exchange(step) { connection in try await connection.send(line) }
        logger.debug("SMTP reply", metadata: ["smtp.reply": "\(reply.summary)"])
        return reply
    }

    private mutating func read(_ step: SMTPStep) async throws(DeliveryFailure) -> SMTPReply {
        let reply = try await exchange(step) { connection in try await connection.readReply() }
        logger.debug("SMTP reply", metadata: ["smtp.reply": "\(reply.summary)"])
        return reply
    }

    /// Runs one exchange on the connection, turning what can go wrong into a failure that names the step.
    private mutating func exchange<Result>(
        _ step: SMTPStep, _ body: (inout SMTPConnection) async throws -> Result
    ) async throws(DeliveryFailure) -> Result {
        do {
            return try await body(&connection)
        } catch {
            logger.debug("SMTP connection failed", metadata: ["smtp.step": "\(step.rawValue)"])
            throw .connectionFailure(
                step, error, server: server, connectTimeout: configuration.connectTimeout,
                commandTimeout: configuration.commandTimeout)
        }
    }

    private var server: String { "\(configuration.host):\(configuration.port)" }

    private func base64(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
    }
}
