import Foundation
import NIOCore
import NIOSSL

/// The per-connection side of ``TestSMTPServer``: a small SMTP server state machine on the event loop.
final class TestSMTPServerHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private enum State {
        case command
        case data([String])
        case authPlain
        case authLoginUser
        case authLoginPassword(user: String)
    }

    private let server: TestSMTPServer
    private var options: TestSMTPServer.Options { server.options }
    private var overTLS: Bool
    private var state = State.command
    private var received: [UInt8] = []
    private var mailFrom: String?
    private var recipients: [String] = []
    private var authenticatedUser: String?

    init(server: TestSMTPServer, overTLS: Bool) {
        self.server = server
        self.overTLS = overTLS
    }

    func channelActive(context: ChannelHandlerContext) {
        if !options.silent {
            reply(options.replies["GREETING"] ?? "220 localhost ESMTP PartnerDesk test server", context: context)
        }
        context.fireChannelActive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !options.silent else { return }
        received += Array(buffer: unwrapInboundIn(data))
        while let end = received.firstRange(of: [0x0D, 0x0A]) {
            let line = String(decoding: received[..<end.lowerBound], as: UTF8.self)
            received.removeSubrange(..<end.upperBound)
            handle(line, context: context)
        }
    }

    private func handle(_ line: String, context: ChannelHandlerContext) {
        switch state {
        case .data(var lines):
            if line == "." {
                state = .command
                let data = lines.joined(separator: "\r\n") + "\r\n"
                server.record(
                    TestSMTPServer.Message(
                        mailFrom: mailFrom ?? "", recipients: recipients, data: data, overTLS: overTLS,
                        authenticatedUser: authenticatedUser))
                reply(options.replies["MESSAGE"] ?? "250 2.0.0 Ok: queued", context: context)
            } else {
                lines.append(line.hasPrefix(".") ? String(line.dropFirst()) : line)
                state = .data(lines)
            }
        case .authPlain:
            server.record(.init(line: line, overTLS: overTLS, verb: ""))
            checkPlain(line, context: context)
        case .authLoginUser:
            server.record(.init(line: line, overTLS: overTLS, verb: ""))
            state = .authLoginPassword(user: decode(line))
            reply("334 UGFzc3dvcmQ6", context: context)
        case .authLoginPassword(let user):
            server.record(.init(line: line, overTLS: overTLS, verb: ""))
            check(user: user, password: decode(line), context: context)
        case .command:
            command(line, context: context)
        }
    }

    private func command(_ line: String, context: ChannelHandlerContext) {
        let words = line.split(separator: " ", omittingEmptySubsequences: true)
        let verb = words.first.map { String($0).uppercased() } ?? ""
        server.record(.init(line: line, overTLS: overTLS, verb: verb))
        if options.disconnectOn == verb {
            context.close(promise: nil)
            return
        }
        if let forced = options.replies[verb] {
            reply(forced, context: context)
            return
        }
        switch verb {
        case "EHLO":
            guard options.acceptsEHLO else { return reply("502 5.5.2 Error: command not recognized", context: context) }
            var lines = ["localhost greets you"]
            if options.offersSTARTTLS, options.tls != nil, !overTLS { lines.append("STARTTLS") }
            if !options.authMechanisms.isEmpty { lines.append("AUTH " + options.authMechanisms.joined(separator: " ")) }
            if options.offersSMTPUTF8 { lines.append("SMTPUTF8") }
            lines.append("8BITMIME")
            let text = lines.enumerated().map { index, text in
                "250\(index == lines.count - 1 ? " " : "-")\(text)"
            }
            reply(text.joined(separator: "\r\n"), context: context)
        case "HELO":
            reply("250 localhost", context: context)
        case "STARTTLS":
            guard options.offersSTARTTLS, let tls = options.tls, !overTLS else {
                return reply("502 5.5.1 STARTTLS not available", context: context)
            }
            reply("220 2.0.0 Ready to start TLS", context: context)
            try? context.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls), position: .first)
            overTLS = true
            authenticatedUser = nil
            mailFrom = nil
            recipients = []
        case "AUTH":
            let mechanism = words.count > 1 ? words[1].uppercased() : ""
            if mechanism == "PLAIN", words.count > 2 {
                checkPlain(String(words[2]), context: context)
            } else if mechanism == "PLAIN" {
                state = .authPlain
                reply("334 ", context: context)
            } else if mechanism == "LOGIN" {
                state = .authLoginUser
                reply("334 VXNlcm5hbWU6", context: context)
            } else {
                reply("504 5.5.4 Unrecognized authentication type", context: context)
            }
        case "MAIL":
            mailFrom = address(in: line)
            recipients = []
            reply("250 2.1.0 Ok", context: context)
        case "RCPT":
            recipients.append(address(in: line))
            reply("250 2.1.5 Ok", context: context)
        case "DATA":
            guard !recipients.isEmpty else { return reply("503 5.5.1 Error: need RCPT command", context: context) }
            state = .data([])
            reply("354 End data with <CR><LF>.<CR><LF>", context: context)
        case "RSET", "NOOP":
            reply("250 2.0.0 Ok", context: context)
        case "QUIT":
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: "221 2.0.0 Bye\r\n"))).assumeIsolated()
                .whenComplete { _ in context.close(promise: nil) }
        default:
            reply("500 5.5.2 Error: command not recognized", context: context)
        }
    }

    private func checkPlain(_ token: String, context: ChannelHandlerContext) {
        let parts = decode(token).split(separator: "\0", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else { return reply("501 5.5.2 Cannot decode response", context: context) }
        check(user: parts[1], password: parts[2], context: context)
    }

    private func check(user: String, password: String, context: ChannelHandlerContext) {
        state = .command
        if user == options.username, password == options.password {
            authenticatedUser = user
            reply("235 2.7.0 Authentication successful", context: context)
        } else {
            reply("535 5.7.8 Error: authentication failed", context: context)
        }
    }

    private func decode(_ base64: String) -> String {
        Data(base64Encoded: base64).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    private func address(in line: String) -> String {
        guard let open = line.firstIndex(of: "<"), let close = line[open...].firstIndex(of: ">") else { return "" }
        return String(line[line.index(after: open)..<close])
    }

    private func reply(_ text: String, context: ChannelHandlerContext) {
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text + "\r\n")), promise: nil)
    }
}
