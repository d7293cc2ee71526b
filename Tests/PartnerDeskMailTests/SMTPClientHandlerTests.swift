import NIOCore
import NIOEmbedded
import NIOSSL
import Testing

@testable import PartnerDeskMail

/// Framing of replies, the per-command timeout and the STARTTLS upgrade, on an embedded channel.
@Suite struct SMTPClientHandlerTests {
    let channel: EmbeddedChannel
    let events: AsyncThrowingStream<SMTPClientHandler.Event, any Error>

    init() throws {
        let (events, continuation) = AsyncThrowingStream.makeStream(of: SMTPClientHandler.Event.self)
        self.events = events
        channel = EmbeddedChannel(handler: SMTPClientHandler(events: continuation, replyTimeout: .seconds(5)))
        channel.connect(to: try SocketAddress(ipAddress: "127.0.0.1", port: 25), promise: nil)
    }

    func receive(_ text: String) throws {
        try channel.writeInbound(ByteBuffer(string: text))
    }

    @Test func multiLineReplies_arriveWhole_evenWhenSplitAcrossReads() async throws {
        try receive("220 mail.example.net ESMTP\r\n250-mail.example.net\r\n250-STARTTLS\r\n25")
        try receive("0 AUTH PLAIN\n")
        var iterator = events.makeAsyncIterator()
        #expect(try await iterator.next() == .reply(SMTPReply(code: 220, lines: ["mail.example.net ESMTP"])))
        #expect(
            try await iterator.next()
                == .reply(SMTPReply(code: 250, lines: ["mail.example.net", "STARTTLS", "AUTH PLAIN"])))
    }

    @Test func replyWithoutText_isAccepted() async throws {
        try receive("250\r\n")
        var iterator = events.makeAsyncIterator()
        #expect(try await iterator.next() == .reply(SMTPReply(code: 250, lines: [""])))
    }

    @Test(arguments: ["hello\r\n", "250-one\r\n251 two\r\n", "250_x\r\n", "650 no\r\n"])
    func malformedReplies_failTheConnection(_ text: String) async throws {
        try receive(text)
        await expectFailure(.malformedReply)
        #expect(!channel.isActive)
    }

    @Test func overlongLines_failTheConnection() async throws {
        try receive("250 " + String(repeating: "x", count: SMTPClientHandler.maximumLineLength))
        await expectFailure(.malformedReply)
    }

    @Test func missingReply_timesOut() async throws {
        channel.embeddedEventLoop.advanceTime(by: .seconds(4))
        #expect(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        await expectFailure(.timedOut)
        #expect(!channel.isActive)
    }

    @Test func timeout_isStoppedWhileNothingIsAwaited_andRestartedByTheNextCommand() async throws {
        try receive("220 ready\r\n")
        channel.embeddedEventLoop.advanceTime(by: .seconds(60))
        #expect(channel.isActive)
        try channel.writeOutbound(SMTPClientHandler.Outbound.command("NOOP"))
        #expect(try channel.readOutbound(as: ByteBuffer.self).map { String(buffer: $0) } == "NOOP\r\n")
        channel.embeddedEventLoop.advanceTime(by: .seconds(5))
        #expect(!channel.isActive)
    }

    @Test func startTLS_addsTheTLSHandlerOnAPositiveReply() async throws {
        try receive("220 ready\r\n")
        try channel.writeOutbound(
            SMTPClientHandler.Outbound.startTLS(try Self.tlsContext(), serverHostname: "localhost"))
        #expect(try channel.readOutbound(as: ByteBuffer.self).map { String(buffer: $0) } == "STARTTLS\r\n")
        try receive("220 2.0.0 go ahead\r\n")
        _ = try channel.pipeline.syncOperations.handler(type: NIOSSLClientHandler.self)
        try await channel.close()
    }

    @Test func startTLS_isAbandonedOnARefusal() async throws {
        try receive("220 ready\r\n")
        try channel.writeOutbound(SMTPClientHandler.Outbound.startTLS(try Self.tlsContext(), serverHostname: nil))
        try receive("454 4.7.0 TLS not available\r\n")
        #expect(throws: ChannelPipelineError.self) {
            try channel.pipeline.syncOperations.handler(type: NIOSSLClientHandler.self)
        }
        #expect(channel.isActive)
    }

    @Test func bytesRightAfterTheSTARTTLSReply_areRefusedAsInjection() async throws {
        try receive("220 ready\r\n")
        try channel.writeOutbound(
            SMTPClientHandler.Outbound.startTLS(try Self.tlsContext(), serverHostname: "localhost"))
        try receive("220 go ahead\r\n250-injected\r\n250 AUTH PLAIN\r\n")
        await expectFailure(.dataAfterSTARTTLS, afterReplies: 1)
        #expect(throws: ChannelPipelineError.self) {
            try channel.pipeline.syncOperations.handler(type: NIOSSLClientHandler.self)
        }
    }

    /// Reads the given number of replies, then expects the stream to end with the error.
    func expectFailure(_ expected: SMTPClientError, afterReplies replies: Int = 0) async {
        var iterator = events.makeAsyncIterator()
        do {
            for _ in 0..<replies {
                _ = try await iterator.next()
            }
            let next = try await iterator.next()
            Issue.record("expected \(expected), got \(String(describing: next))")
        } catch {
            #expect(error as? SMTPClientError == expected)
        }
    }

    static func tlsContext() throws -> NIOSSLContext {
        try NIOSSLContext(configuration: .makeClientConfiguration())
    }
}
