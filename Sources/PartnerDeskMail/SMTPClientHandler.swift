import NIOCore
import NIOSSL
import NIOTLS

/// The client end of an SMTP connection inside the channel pipeline: frames the server's bytes into complete
/// replies, hands them to the waiting task through a stream, watches the per-command timeout and performs the
/// STARTTLS upgrade.
///
/// Everything here runs on the channel's event loop. Doing the upgrade here, in the same step that reads the
/// server's positive answer to STARTTLS, means no byte read after that answer can bypass TLS: any bytes
/// that arrived together with the answer are refused (RFC 3207's warning about injected plain text).
final class SMTPClientHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = Never
    typealias OutboundIn = Outbound
    typealias OutboundOut = ByteBuffer

    /// What the client task reads from the connection.
    enum Event: Sendable, Hashable {
        /// A complete (possibly multi-line) reply.
        case reply(SMTPReply)
        /// The TLS handshake after STARTTLS succeeded, certificate and host name checked.
        case tlsEstablished
    }

    /// What the client task writes; each one expects exactly one reply.
    enum Outbound: Sendable {
        /// A command line, without its CRLF.
        case command(String)
        /// The message after DATA, already dot-stuffed and ending with the `.` line.
        case message(ByteBuffer)
        /// STARTTLS: once the server answers 220, TLS starts with these settings.
        case startTLS(NIOSSLContext, serverHostname: String?)
    }

    /// The longest reply line accepted, terminator included. RFC 5321 allows 512 octets; some servers
    /// send longer lines, so there is room to spare while still bounding memory.
    static let maximumLineLength = 4096
    /// The most lines accepted in one reply.
    static let maximumLinesPerReply = 256

    private let events: AsyncThrowingStream<Event, any Error>.Continuation
    private let replyTimeout: TimeAmount
    private var received: ByteBuffer?
    private var partialReply: SMTPReply?
    private var awaitedReplies = 1  // The greeting.
    private var pendingUpgrade: (context: NIOSSLContext, serverHostname: String?)?
    private var awaitingHandshake = false
    private var timeout: Scheduled<Void>?

    init(events: AsyncThrowingStream<Event, any Error>.Continuation, replyTimeout: TimeAmount) {
        self.events = events
        self.replyTimeout = replyTimeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { rearmTimeout(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        rearmTimeout(context: context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancelTimeout()
        events.finish(throwing: SMTPClientError.connectionClosed)
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancelTimeout()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(context: context, error: error)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let tlsEvent = event as? TLSUserEvent, case .handshakeCompleted = tlsEvent, awaitingHandshake {
            awaitingHandshake = false
            rearmTimeout(context: context)
            events.yield(.tlsEstablished)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var incoming = unwrapInboundIn(data)
        received.setOrWriteBuffer(&incoming)
        do {
            while let line = try nextLine() {
                try accept(line: line, context: context)
            }
        } catch {
            fail(context: context, error: error)
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        var bytes: ByteBuffer
        switch unwrapOutboundIn(data) {
        case .command(let line):
            bytes = context.channel.allocator.buffer(capacity: line.utf8.count + 2)
            bytes.writeString(line)
            bytes.writeString("\r\n")
        case .message(let message):
            bytes = message
        case .startTLS(let sslContext, let serverHostname):
            pendingUpgrade = (sslContext, serverHostname)
            bytes = context.channel.allocator.buffer(string: "STARTTLS\r\n")
        }
        awaitedReplies += 1
        rearmTimeout(context: context)
        context.write(wrapOutboundOut(bytes), promise: promise)
    }

    /// The next complete line (without CR LF), or `nil` when more bytes are needed.
    private func nextLine() throws -> [UInt8]? {
        guard let newline = received?.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if (received?.readableBytes ?? 0) > Self.maximumLineLength { throw SMTPClientError.malformedReply }
            return nil
        }
        let length = newline - received!.readerIndex + 1
        guard length <= Self.maximumLineLength, var line = received!.readBytes(length: length) else {
            throw SMTPClientError.malformedReply
        }
        if received!.readableBytes == 0 {
            received = nil
        }
        line.removeLast()
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        return line
    }

    /// Adds one reply line: `250-text` continues a reply, `250 text` (or a bare `250`) ends it.
    private func accept(line: [UInt8], context: ChannelHandlerContext) throws {
        guard line.count >= 3, line.prefix(3).allSatisfy({ (0x30...0x39).contains($0) }),
            (0x32...0x35).contains(line[0])
        else { throw SMTPClientError.malformedReply }
        let code = line.prefix(3).reduce(0) { $0 * 10 + Int($1 - 0x30) }
        let separator = line.count > 3 ? line[3] : UInt8(ascii: " ")
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else {
            throw SMTPClientError.malformedReply
        }
        let text = String(decoding: line.dropFirst(4), as: UTF8.self)
        var reply = partialReply ?? SMTPReply(code: code, lines: [])
        guard reply.code == code, reply.lines.count < Self.maximumLinesPerReply else {
            throw SMTPClientError.malformedReply
        }
        reply.lines.append(text)
        if separator == UInt8(ascii: "-") {
            partialReply = reply
            return
        }
        partialReply = nil
        try complete(reply: reply, context: context)
    }

    private func complete(reply: SMTPReply, context: ChannelHandlerContext) throws {
        awaitedReplies = max(0, awaitedReplies - 1)
        if let upgrade = pendingUpgrade {
            pendingUpgrade = nil
            if reply.code == 220 {
                guard (received?.readableBytes ?? 0) == 0 else { throw SMTPClientError.dataAfterSTARTTLS }
                let tls = try NIOSSLClientHandler(context: upgrade.context, serverHostname: upgrade.serverHostname)
                try context.pipeline.syncOperations.addHandler(tls, position: .first)
                awaitingHandshake = true
            }
        }
        rearmTimeout(context: context)
        events.yield(.reply(reply))
    }

    private func fail(context: ChannelHandlerContext, error: any Error) {
        cancelTimeout()
        events.finish(throwing: error)
        context.close(promise: nil)
    }

    /// Starts the per-command clock again whenever the client waits for something (a reply or the TLS
    /// handshake), and stops it when it does not.
    private func rearmTimeout(context: ChannelHandlerContext) {
        cancelTimeout()
        guard awaitedReplies > 0 || awaitingHandshake else { return }
        timeout = context.eventLoop.assumeIsolated().scheduleTask(in: replyTimeout) { [self] in
            timeout = nil
            fail(context: context, error: SMTPClientError.timedOut)
        }
    }

    private func cancelTimeout() {
        timeout?.cancel()
        timeout = nil
    }
}
