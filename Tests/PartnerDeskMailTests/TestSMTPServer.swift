import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// A real SMTP server on 127.0.0.1 (random port) for the transport tests: greets, announces configurable
/// capabilities, performs STARTTLS or implicit TLS, checks AUTH credentials, takes MAIL, RCPT and DATA, and
/// records every command and message. It can be told to answer a chosen command with a chosen reply.
final class TestSMTPServer: Sendable {
    /// How the server behaves; each test sets what it needs.
    struct Options: Sendable {
        /// Server TLS settings; without them the server offers no STARTTLS.
        var tls: NIOSSLContext?
        var offersSTARTTLS = true
        /// TLS from the first byte instead of STARTTLS.
        var implicitTLS = false
        var acceptsEHLO = true
        var offersSMTPUTF8 = false
        var authMechanisms = ["PLAIN", "LOGIN"]
        /// The only user name and password that AUTH accepts.
        var username = "partnerdesk"
        var password = "s3cret pass"
        /// A reply that replaces the normal one, by command verb (`RCPT`, `MAIL`, ...), `GREETING` for the
        /// greeting, or `MESSAGE` for the reply at the end of the data.
        var replies: [String: String] = [:]
        /// The verb at which the server drops the connection without replying.
        var disconnectOn: String?
        /// Accepts connections but never sends a byte.
        var silent = false
    }

    /// One line the client sent, and whether it came through TLS.
    struct Command: Sendable, Hashable {
        var line: String
        var overTLS: Bool
        /// The command word, upper-cased (`EHLO`, `AUTH`, ...); empty for AUTH continuation lines.
        var verb: String
    }

    /// A message the server took: the envelope and the data as received, dot-stuffing removed.
    struct Message: Sendable, Hashable {
        var mailFrom: String
        var recipients: [String]
        var data: String
        var overTLS: Bool
        var authenticatedUser: String?
    }

    /// Everything the server saw, over all connections.
    struct Transcript: Sendable {
        var commands: [Command] = []
        var messages: [Message] = []
        var verbs: [String] { commands.map(\.verb).filter { !$0.isEmpty } }
    }

    let port: Int
    let options: Options
    private let listener: any Channel
    private let recorded = Mutex(Transcript())
    private let connections = Mutex<[any Channel]>([])

    private init(options: Options, listener: any Channel) throws {
        self.options = options
        self.listener = listener
        guard let port = listener.localAddress?.port else { throw ChannelError.unknownLocalAddress }
        self.port = port
    }

    /// Starts a server, runs the body with it, and stops it again (also when the body throws).
    static func run<Result>(
        _ options: Options, _ body: (TestSMTPServer) async throws -> Result
    ) async throws -> Result {
        let server = try await start(options)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    private static func start(_ options: Options) async throws -> TestSMTPServer {
        let box = Mutex<TestSMTPServer?>(nil)
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    guard let server = box.withLock({ $0 }) else { throw ChannelError.ioOnClosedChannel }
                    server.connections.withLock { $0.append(channel) }
                    let pipeline = channel.pipeline.syncOperations
                    if options.implicitTLS, let tls = options.tls {
                        try pipeline.addHandler(NIOSSLServerHandler(context: tls))
                    }
                    try pipeline.addHandler(TestSMTPServerHandler(server: server, overTLS: options.implicitTLS))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        let server = try TestSMTPServer(options: options, listener: listener)
        box.withLock { $0 = server }
        return server
    }

    /// What the server has seen so far.
    var transcript: Transcript { recorded.withLock { $0 } }

    func record(_ command: Command) {
        recorded.withLock { $0.commands.append(command) }
    }

    func record(_ message: Message) {
        recorded.withLock { $0.messages.append(message) }
    }

    /// Stops listening and closes every connection still open.
    func stop() async {
        try? await listener.close()
        for connection in connections.withLock({ $0 }) {
            try? await connection.close()
        }
    }
}
