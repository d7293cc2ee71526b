import Foundation
import Logging
import NIOCore
import NIOPosix
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing

@testable import PartnerDeskMail

/// The transport against a real SMTP server on 127.0.0.1: TLS, AUTH, the message on the wire, and how
/// each kind of failure is reported.
@Suite struct SMTPMailTransportTests {
    static let sentAt = ISO8601DateFormatter().date(from: "2026-11-26T09:00:00Z")!
    let clock = FixedClock(SMTPMailTransportTests.sentAt)
    let certificates: TestCertificates

    init() throws {
        certificates = try TestCertificates.make()
    }

    /// Words with a line that starts with a dot, a 2,000-character line, non-ASCII letters and markup.
    static let content = EmailContent([
        .paragraph(
            "Hello Ada,\n.a line that starts with a dot\n..and one with two\n"
                + String(String(repeating: "Lorem ipsum dolor sit amet, ", count: 72).prefix(2000))
                + "\nGrüße, ✓ received\n."),
        .paragraph("Incident <b>INC-0042</b> was received.\n.Straße " + String(repeating: "x", count: 2000)),
    ])

    static func message(to recipients: [String] = ["ada@example.com", "grace@example.org"]) -> MailMessage {
        MailMessage(
            id: UUID(uuidString: "6F1C2A5E-93B4-4C1D-8E0A-3B2F7D9C4E11")!,
            from: EmailAddress("desk@partnerdesk.example")!,
            to: recipients.map { EmailAddress($0)! },
            subject: "Incident INC-0042 received – Störung bestätigt ✓",
            content: content)
    }

    func configuration(
        port: Int, security: SMTPConfiguration.Security = .startTLS, host: String = "localhost",
        credentials: SMTPConfiguration.Credentials? = .init(username: "partnerdesk", password: "s3cret pass"),
        trustRoots: String?, commandTimeout: Duration = .seconds(5)
    ) -> SMTPConfiguration {
        SMTPConfiguration(
            host: host, port: port, security: security, credentials: credentials, heloName: "desk.partnerdesk.example",
            connectTimeout: .seconds(2), commandTimeout: commandTimeout, trustRootsPEMPath: trustRoots)
    }

    func options(_ change: (inout TestSMTPServer.Options) -> Void = { _ in }) -> TestSMTPServer.Options {
        var options = TestSMTPServer.Options(tls: certificates.serverContext)
        change(&options)
        return options
    }

    /// Sends the message; a failure fails the test with its reason.
    func send(_ message: MailMessage = message(), with configuration: SMTPConfiguration) async throws {
        try await SMTPMailTransport(configuration: configuration, clock: clock).send(message)
    }

    /// Sends the message and returns the failure (or `nil` when it was delivered).
    func failure(sending message: MailMessage = message(), with configuration: SMTPConfiguration) async throws
        -> DeliveryFailure?
    {
        let transport = try SMTPMailTransport(configuration: configuration, clock: clock)
        do {
            try await transport.send(message)
            return nil
        } catch {
            return error
        }
    }

    @Test func startTLSWithAuth_deliversBothRecipientsAndAnIntactMessage() async throws {
        try await certificates.withTrustRootsFile { trustRoots in
            try await TestSMTPServer.run(options()) { server in
                try await send(with: configuration(port: server.port, trustRoots: trustRoots))

                let transcript = server.transcript
                #expect(
                    transcript.verbs == ["EHLO", "STARTTLS", "EHLO", "AUTH", "MAIL", "RCPT", "RCPT", "DATA", "QUIT"])
                let received = try #require(transcript.messages.first)
                #expect(transcript.messages.count == 1)
                #expect(received.overTLS)
                #expect(received.authenticatedUser == "partnerdesk")
                #expect(received.mailFrom == "desk@partnerdesk.example")
                #expect(received.recipients == ["ada@example.com", "grace@example.org"])

                let mail = try ParsedMail(received.data)
                #expect(mail.headers["message-id"] == "<6f1c2a5e-93b4-4c1d-8e0a-3b2f7d9c4e11@partnerdesk>")
                #expect(mail.headers["date"] == "Thu, 26 Nov 2026 09:00:00 +0000")
                #expect(mail.headers["from"] == "desk@partnerdesk.example")
                #expect(mail.headers["to"] == "ada@example.com, grace@example.org")
                #expect(mail.headers["mime-version"] == "1.0")
                #expect(mail.headers["content-type"]?.hasPrefix("multipart/alternative; boundary=") == true)
                #expect(mail.headers["subject"]?.hasPrefix("=?UTF-8?B?") == true)
                #expect(try mail.subject == Self.message().subject)
                #expect(mail.parts.map(\.contentType) == ["text/plain; charset=utf-8", "text/html; charset=utf-8"])
                let alternatives = [EmailLayout.text(Self.content), EmailLayout.html(Self.content)]
                #expect(mail.parts.map(\.body) == alternatives.map { $0.replacingOccurrences(of: "\n", with: "\r\n") })
                #expect(mail.lines.allSatisfy { $0.utf8.count <= 78 })
            }
        }
    }

    @Test func logging_isAtDebugLevel_withoutCredentialsOrContent() async throws {
        let records = RecordingLogHandler.Records()
        try await certificates.withTrustRootsFile { trustRoots in
            try await TestSMTPServer.run(options { $0.authMechanisms = ["LOGIN"] }) { server in
                let transport = try SMTPMailTransport(
                    configuration: configuration(port: server.port, trustRoots: trustRoots), clock: clock,
                    logger: RecordingLogHandler.logger(recordingInto: records))
                try await transport.send(Self.message())
            }
        }
        let logged = records.all
        #expect(!logged.isEmpty)
        #expect(logged.allSatisfy { $0.level == .debug })
        let secrets = [
            "s3cret", Data("s3cret pass".utf8).base64EncodedString(), Data("partnerdesk".utf8).base64EncodedString(),
            "Lorem ipsum", "INC-0042", Self.message().subject,
        ]
        for secret in secrets {
            #expect(!logged.contains { $0.text.contains(secret) }, "\(secret)")
        }
    }

    @Test func credentials_areSentOnlyAfterTLSIsEstablished() async throws {
        try await certificates.withTrustRootsFile { trustRoots in
            try await TestSMTPServer.run(options()) { server in
                try await send(with: configuration(port: server.port, trustRoots: trustRoots))
                let commands = server.transcript.commands
                let startTLS = try #require(commands.firstIndex { $0.verb == "STARTTLS" })
                let auth = try #require(commands.firstIndex { $0.verb == "AUTH" })
                #expect(startTLS < auth)
                #expect(commands[...startTLS].allSatisfy { !$0.overTLS })
                #expect(commands[(startTLS + 1)...].allSatisfy { $0.overTLS })
                let token = Data("\0partnerdesk\0s3cret pass".utf8).base64EncodedString()
                #expect(commands.filter { !$0.overTLS }.allSatisfy { !$0.line.contains(token) })
            }
        }
    }

    @Test func authLogin_isUsedWhenPlainIsNotOffered() async throws {
        try await certificates.withTrustRootsFile { trustRoots in
            try await TestSMTPServer.run(options { $0.authMechanisms = ["LOGIN"] }) { server in
                try await send(with: configuration(port: server.port, trustRoots: trustRoots))
                #expect(server.transcript.messages.first?.authenticatedUser == "partnerdesk")
                #expect(server.transcript.commands.filter { $0.verb.isEmpty }.allSatisfy { $0.overTLS })
            }
        }
    }

    @Test func wrongPassword_isNotRetryable_andNamesTheReplyButNotThePassword() async throws {
        try await certificates.withTrustRootsFile { trustRoots in
            try await TestSMTPServer.run(options()) { server in
                let configuration = configuration(
                    port: server.port, credentials: .init(username: "partnerdesk", password: "wrong horse"),
                    trustRoots: trustRoots)
                let failure = try #require(try await failure(with: configuration))
                #expect(!failure.retryable)
                #expect(failure.reason == "AUTH refused: 535 5.7.8 Error: authentication failed")
                #expect(!server.transcript.verbs.contains("MAIL"))
            }
        }
    }

    @Test func serverWithoutSTARTTLS_whenRequired_isNotRetryable_andGetsNoCredentialsOrMail() async throws {
        try await certificates.withTrustRootsFile { trustRoots in
            try await TestSMTPServer.run(options { $0.offersSTARTTLS = false }) { server in
                let failure = try #require(
                    try await failure(with: configuration(port: server.port, trustRoots: trustRoots)))
                #expect(!failure.retryable)
                #expect(failure.reason.contains("does not offer STARTTLS"))
                #expect(server.transcript.verbs == ["EHLO", "QUIT"])
                #expect(server.transcript.messages.isEmpty)
            }
        }
    }

    @Test func transientRefusalAtRCPT_isRetryable_andNoMessageIsSent() async throws {
        try await certificates.withTrustRootsFile { trustRoots in
            try await TestSMTPServer.run(options { $0.replies = ["RCPT": "450 4.2.1 try later"] }) { server in
                let failure = try #require(
                    try await failure(with: configuration(port: server.port, trustRoots: trustRoots)))
                #expect(failure == DeliveryFailure(retryable: true, reason: "RCPT TO refused: 450 4.2.1 try later"))
                #expect(!server.transcript.verbs.contains("DATA"))
                #expect(server.transcript.verbs.last == "QUIT")
            }
        }
    }

    @Test func permanentRefusalAtRCPT_isNotRetryable() async throws {
        try await certificates.withTrustRootsFile { trustRoots in
            try await TestSMTPServer.run(options { $0.replies = ["RCPT": "550 5.1.1 no such user"] }) { server in
                let failure = try #require(
                    try await failure(with: configuration(port: server.port, trustRoots: trustRoots)))
                #expect(failure == DeliveryFailure(retryable: false, reason: "RCPT TO refused: 550 5.1.1 no such user"))
            }
        }
    }

    @Test func permanentRefusalAtMAIL_isNotRetryable() async throws {
        try await certificates.withTrustRootsFile { trustRoots in
            let options = options { $0.replies = ["MAIL": "553 5.7.1 sender not allowed"] }
            try await TestSMTPServer.run(options) { server in
                let failure = try #require(
                    try await failure(with: configuration(port: server.port, trustRoots: trustRoots)))
                #expect(
                    failure
                        == DeliveryFailure(retryable: false, reason: "MAIL FROM refused: 553 5.7.1 sender not allowed"))
                #expect(!server.transcript.verbs.contains("RCPT"))
            }
        }
    }

    @Test func refusalOfTheMessage_isReportedWithItsReply() async throws {
        try await certificates.withTrustRootsFile { trustRoots in
            let options = options { $0.replies = ["MESSAGE": "554 5.7.1 rejected as spam"] }
            try await TestSMTPServer.run(options) { server in
                let failure = try #require(
                    try await failure(with: configuration(port: server.port, trustRoots: trustRoots)))
                #expect(
                    failure == DeliveryFailure(retryable: false, reason: "message refused: 554 5.7.1 rejected as spam"))
            }
        }
    }

    @Test func closedPort_isRetryable() async throws {
        let port = try await Self.closedPort()
        let failure = try #require(
            try await failure(with: configuration(port: port, security: .plain, credentials: nil, trustRoots: nil)))
        #expect(failure.retryable)
        #expect(failure.reason.hasPrefix("could not connect to localhost:\(port): "))
    }

    @Test func silentServer_timesOutWithinTheCommandTimeout_andIsRetryable() async throws {
        try await TestSMTPServer.run(options { $0.silent = true }) { server in
            let configuration = configuration(
                port: server.port, security: .plain, credentials: nil, trustRoots: nil,
                commandTimeout: .milliseconds(300))
            let started = ContinuousClock.now
            let failure = try #require(try await failure(with: configuration))
            let elapsed = ContinuousClock.now - started
            #expect(failure.retryable)
            #expect(failure.reason.contains("timed out"))
            #expect(failure.reason.contains("greeting"))
            // Never sooner than the timeout; how much later depends on the machine, so that is not asserted
            // (the simulated-clock handler test pins the timeout exactly).
            #expect(elapsed >= .milliseconds(300))
        }
    }

    @Test func greetingRefusals_permanentOrTransient() async throws {
        try await TestSMTPServer.run(options { $0.replies = ["GREETING": "554 5.3.2 not accepting mail"] }) { server in
            let configuration = configuration(port: server.port, security: .plain, credentials: nil, trustRoots: nil)
            let failure = try #require(try await failure(with: configuration))
            #expect(
                failure == DeliveryFailure(retryable: false, reason: "greeting refused: 554 5.3.2 not accepting mail"))
            #expect(server.transcript.verbs == ["QUIT"])
        }
        try await TestSMTPServer.run(options { $0.replies = ["GREETING": "421 4.3.2 too busy"] }) { server in
            let configuration = configuration(port: server.port, security: .plain, credentials: nil, trustRoots: nil)
            let failure = try #require(try await failure(with: configuration))
            #expect(failure == DeliveryFailure(retryable: true, reason: "greeting refused: 421 4.3.2 too busy"))
            #expect(server.transcript.verbs.isEmpty)
        }
    }

    @Test func connectionDroppedMidDialogue_isRetryable() async throws {
        try await TestSMTPServer.run(options { $0.disconnectOn = "MAIL" }) { server in
            let configuration = configuration(port: server.port, security: .plain, credentials: nil, trustRoots: nil)
            let failure = try #require(try await failure(with: configuration))
            #expect(
                failure
                    == DeliveryFailure(
                        retryable: true, reason: "localhost:\(server.port) closed the connection during MAIL FROM"))
        }
    }

    @Test func plainSecurity_deliversWithoutTLS() async throws {
        try await TestSMTPServer.run(options { $0.tls = nil }) { server in
            let configuration = configuration(port: server.port, security: .plain, trustRoots: nil)
            try await send(with: configuration)
            let received = try #require(server.transcript.messages.first)
            #expect(!received.overTLS)
            #expect(received.authenticatedUser == "partnerdesk")
            #expect(server.transcript.verbs == ["EHLO", "AUTH", "MAIL", "RCPT", "RCPT", "DATA", "QUIT"])
        }
    }

    @Test func implicitTLS_delivers() async throws {
        try await certificates.withTrustRootsFile { trustRoots in
            try await TestSMTPServer.run(options { $0.implicitTLS = true }) { server in
                let configuration = configuration(
                    port: server.port, security: .implicitTLS, host: "127.0.0.1", trustRoots: trustRoots)
                try await send(with: configuration)
                let received = try #require(server.transcript.messages.first)
                #expect(received.overTLS)
                #expect(server.transcript.verbs == ["EHLO", "AUTH", "MAIL", "RCPT", "RCPT", "DATA", "QUIT"])
            }
        }
    }

    @Test func untrustedCertificate_isRetryable_namesTLS_andSendsNoCredentials() async throws {
        try await TestSMTPServer.run(options()) { server in
            let failure = try #require(try await failure(with: configuration(port: server.port, trustRoots: nil)))
            #expect(failure.retryable)
            #expect(failure.reason.hasPrefix("TLS handshake with localhost:\(server.port) failed"))
            #expect(failure.reason.contains("certificate could not be verified"))
            #expect(server.transcript.verbs == ["EHLO", "STARTTLS"])
        }
    }

    @Test func certificateForAnotherHost_isRefused() async throws {
        let other = try TestCertificates.make(dnsNames: ["mail.example.net"], ipAddresses: [])
        try await other.withTrustRootsFile { trustRoots in
            try await TestSMTPServer.run(TestSMTPServer.Options(tls: other.serverContext)) { server in
                let failure = try #require(
                    try await failure(with: configuration(port: server.port, trustRoots: trustRoots)))
                #expect(failure.retryable)
                #expect(failure.reason.hasPrefix("TLS handshake with localhost:\(server.port) failed"))
                #expect(failure.reason.contains("not valid for this host name"))
                #expect(!server.transcript.verbs.contains("AUTH"))
            }
        }
    }

    @Test func serverWithoutEHLO_isGreetedWithHELO() async throws {
        try await TestSMTPServer.run(options { $0.acceptsEHLO = false }) { server in
            let configuration = configuration(port: server.port, security: .plain, credentials: nil, trustRoots: nil)
            try await send(with: configuration)
            #expect(server.transcript.verbs == ["EHLO", "HELO", "MAIL", "RCPT", "RCPT", "DATA", "QUIT"])
        }
    }

    @Test func nonASCIIAddress_needsSMTPUTF8() async throws {
        let message = Self.message(to: ["jürgen@example.de"])
        try await TestSMTPServer.run(options()) { server in
            let configuration = configuration(port: server.port, security: .plain, credentials: nil, trustRoots: nil)
            let failure = try #require(try await failure(sending: message, with: configuration))
            #expect(!failure.retryable)
            #expect(failure.reason.contains("SMTPUTF8"))
            #expect(!server.transcript.verbs.contains("MAIL"))
        }
        try await TestSMTPServer.run(options { $0.offersSMTPUTF8 = true }) { server in
            let configuration = configuration(port: server.port, security: .plain, credentials: nil, trustRoots: nil)
            try await send(message, with: configuration)
            #expect(server.transcript.commands.contains { $0.line == "MAIL FROM:<desk@partnerdesk.example> SMTPUTF8" })
            #expect(server.transcript.messages.first?.recipients == ["jürgen@example.de"])
        }
    }

    @Test func badConfiguration_isReportedWhenTheTransportIsMade() throws {
        let configuration = SMTPConfiguration(
            host: "", port: 0, credentials: .init(username: "a\r\nRCPT TO:<x@y.z>", password: "p"), heloName: "",
            commandTimeout: .zero, trustRootsPEMPath: "/nonexistent/roots.pem")
        let error = try #require(throws: SMTPConfigurationError.self) {
            try SMTPMailTransport(configuration: configuration, clock: clock)
        }
        #expect(error.problems.count == 6)
    }

    @Test func credentials_doNotPrintThePassword() {
        let credentials = SMTPConfiguration.Credentials(username: "partnerdesk", password: "s3cret pass")
        let configuration = SMTPConfiguration(host: "smtp.example.net", credentials: credentials, heloName: "desk")
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in ["\(configuration)", String(reflecting: configuration), dumped] {
            #expect(!text.contains("s3cret"))
        }
        #expect(configuration.port == 587)
    }

    /// A port on 127.0.0.1 that nothing listens on: bound once to get a free number, then closed.
    static func closedPort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(channel.localAddress?.port)
        try await channel.close()
        return port
    }
}
