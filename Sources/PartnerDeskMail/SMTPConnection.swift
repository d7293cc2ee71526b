import NIOCore
import NIOPosix
import NIOSSL

/// One TCP connection to an SMTP server, as seen by the task that drives the dialogue: write a command,
/// wait for its reply.
///
/// The channel pipeline holds an ``SMTPClientHandler`` (behind a TLS handler for implicit TLS); its events
/// arrive through a stream that ends with an error when the connection closes, fails or times out.
struct SMTPConnection {
    private let channel: any Channel
    private var events: AsyncThrowingStream<SMTPClientHandler.Event, any Error>.AsyncIterator

    /// Opens the connection; with implicit TLS the handshake starts at once, and its failure surfaces on the
    /// first read.
    static func open(
        host: String,
        port: Int,
        implicitTLS: NIOSSLContext?,
        serverHostname: String?,
        connectTimeout: TimeAmount,
        replyTimeout: TimeAmount,
        group: any EventLoopGroup
    ) async throws -> SMTPConnection {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: SMTPClientHandler.Event.self)
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(connectTimeout)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if let implicitTLS {
                        try pipeline.addHandler(
                            NIOSSLClientHandler(context: implicitTLS, serverHostname: serverHostname))
                    }
                    try pipeline.addHandler(SMTPClientHandler(events: continuation, replyTimeout: replyTimeout))
                }
            }
            .connect(host: host, port: port)
            .get()
        return SMTPConnection(channel: channel, events: stream.makeAsyncIterator())
    }

    /// Waits for the next reply (the greeting, or the answer to the last command).
    mutating func readReply() async throws -> SMTPReply {
        guard case .reply(let reply) = try await nextEvent() else { throw SMTPClientError.unexpectedEvent }
        return reply
    }

    /// Sends one command line (without CRLF) and waits for its reply.
    mutating func send(_ line: String) async throws -> SMTPReply {
        channel.writeAndFlush(SMTPClientHandler.Outbound.command(line), promise: nil)
        return try await readReply()
    }

    /// Sends the message after a 354 reply to DATA and waits for the server to take it on.
    mutating func sendMessage(_ data: ByteBuffer) async throws -> SMTPReply {
        channel.writeAndFlush(SMTPClientHandler.Outbound.message(data), promise: nil)
        return try await readReply()
    }

    /// Sends STARTTLS and returns the server's answer. When the answer is positive the TLS handshake has
    /// begun: wait for it with ``waitForTLS()`` before sending anything else.
    mutating func startTLS(context: NIOSSLContext, serverHostname: String?) async throws -> SMTPReply {
        channel.writeAndFlush(
            SMTPClientHandler.Outbound.startTLS(context, serverHostname: serverHostname), promise: nil)
        return try await readReply()
    }

    /// Waits until the TLS handshake after STARTTLS has succeeded, certificate and host name checked.
    mutating func waitForTLS() async throws {
        guard case .tlsEstablished = try await nextEvent() else { throw SMTPClientError.unexpectedEvent }
    }

    /// Closes the connection; closing one that is already closed is not an error.
    func close() async {
        try? await channel.close()
    }

    private mutating func nextEvent() async throws -> SMTPClientHandler.Event {
        try Task.checkCancellation()
        guard let event = try await events.next() else {
            try Task.checkCancellation()
            throw SMTPClientError.connectionClosed
        }
        return event
    }
}
