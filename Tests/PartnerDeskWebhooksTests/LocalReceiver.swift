import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization

/// A webhook receiver on 127.0.0.1 for the transport tests: it records every connection and request and
/// answers as the test says (or not at all).
final class LocalReceiver: Sendable {
    /// One request as the receiver read it.
    struct Request: Sendable {
        var method: HTTPMethod
        var uri: String
        var headers: HTTPHeaders
        var body: Data
    }

    /// How to answer a request.
    enum Reply: Sendable {
        case status(HTTPResponseStatus, location: String? = nil)
        /// Keep the connection open and never answer.
        case silence
    }

    private final class Record: Sendable {
        struct State {
            var connections = 0
            var requests: [Request] = []
            var serverNames: [String?] = []
        }

        let state = Mutex(State())
    }

    let port: Int
    private let channel: any Channel
    private let record: Record

    private init(channel: any Channel, record: Record) {
        self.channel = channel
        self.port = channel.localAddress?.port ?? 0
        self.record = record
    }

    /// Starts a receiver on 127.0.0.1 on a free port, over TLS when given a server configuration, runs the
    /// body and stops the receiver whatever happens. Requests for a path in `paths` get that path's reply,
    /// all others `reply`.
    static func with<Result>(
        tls: TLSConfiguration? = nil,
        answering reply: Reply,
        at paths: [String: Reply] = [:],
        _ body: (LocalReceiver) async throws -> Result
    ) async throws -> Result {
        let receiver = try await start(tls: tls) { request in paths[request.uri] ?? reply }
        do {
            let result = try await body(receiver)
            try await receiver.channel.close()
            return result
        } catch {
            try? await receiver.channel.close()
            throw error
        }
    }

    private static func start(tls: TLSConfiguration?, reply: @escaping @Sendable (Request) -> Reply) async throws
        -> LocalReceiver
    {
        let record = Record()
        var serverTLS = tls
        serverTLS?.sslContextCallback = { values, promise in
            record.state.withLock { $0.serverNames.append(values.serverHostname) }
            promise.succeed(.noChanges)
        }
        let sslContext = try serverTLS.map { try NIOSSLContext(configuration: $0) }
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                record.state.withLock { $0.connections += 1 }
                return channel.eventLoop.makeCompletedFuture {
                    if let sslContext {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: sslContext))
                    }
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(
                        RequestHandler { request in
                            record.state.withLock { $0.requests.append(request) }
                            return reply(request)
                        }
                    )
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        return LocalReceiver(channel: channel, record: record)
    }

    /// `http://127.0.0.1:<port><path>`, or another scheme or host name on the same port.
    func url(_ path: String = "/hook", scheme: String = "http", host: String = "127.0.0.1") -> URL {
        URL(string: "\(scheme)://\(host):\(port)\(path)")!
    }

    /// How many TCP connections the receiver accepted.
    var connections: Int { record.state.withLock { $0.connections } }
    /// The requests it read, in order.
    var requests: [Request] { record.state.withLock { $0.requests } }
    /// The TLS server names clients sent, one per handshake.
    var serverNames: [String?] { record.state.withLock { $0.serverNames } }
}

/// Reads one request at a time and answers it as told, closing the connection after each answer.
private final class RequestHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let respond: @Sendable (LocalReceiver.Request) -> LocalReceiver.Reply
    private var head: HTTPRequestHead?
    private var body = Data()

    init(respond: @escaping @Sendable (LocalReceiver.Request) -> LocalReceiver.Reply) {
        self.respond = respond
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = Data()
        case .body(let buffer):
            body.append(contentsOf: buffer.readableBytesView)
        case .end:
            guard let head else { return }
            let request = LocalReceiver.Request(method: head.method, uri: head.uri, headers: head.headers, body: body)
            guard case .status(let status, let location) = respond(request) else { return }
            var headers = HTTPHeaders([("Content-Length", "0"), ("Connection", "close")])
            if let location { headers.add(name: "Location", value: location) }
            let responseHead = HTTPResponseHead(version: .http1_1, status: status, headers: headers)
            context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
        }
    }
}
