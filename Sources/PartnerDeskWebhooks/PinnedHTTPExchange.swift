import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import PartnerDeskDomain
import PartnerDeskServices

/// One HTTP/1.1 request over one new connection to an address that was checked beforehand, never to
/// whatever the host name resolves to now: the connection is opened to the address itself, and the host
/// name is used only for the `Host` header, TLS server name indication and the certificate check.
struct PinnedHTTPExchange: Sendable {
    let eventLoopGroup: any EventLoopGroup
    let sslContext: NIOSSLContext
    let connectTimeout: TimeAmount
    /// The whole delivery's time limit in words, for timeout messages.
    let requestTimeoutText: String

    /// Connects to the first of the addresses that accepts (all of them already checked), sends the request
    /// and returns the response's head; the body is not read. Everything must finish before the deadline.
    func send(
        _ head: HTTPRequestHead, body: ByteBuffer, to target: WebhookTarget, addresses: [IPAddress],
        deadline: NIODeadline
    ) async throws(DeliveryFailure) -> HTTPResponseHead {
        let channel = try await connect(to: target, addresses: addresses, deadline: deadline)
        let closeAtDeadline = channel.channel.eventLoop.scheduleTask(deadline: deadline) {
            [channel = channel.channel] in
            channel.close(promise: nil)
        }
        defer { closeAtDeadline.cancel() }
        let response: HTTPResponseHead?
        do {
            response = try await channel.executeThenClose { inbound, outbound in
                // A receiver may answer and close before the last write lands (early 4xx, or a reply as soon
                // as the body is complete): its answer, when one came, counts more than the failed write.
                var writeError: (any Error)?
                do {
                    try await outbound.write(contentsOf: [.head(head), .body(.byteBuffer(body)), .end(nil)])
                } catch {
                    writeError = error
                }
                for try await part in inbound {
                    if case .head(let responseHead) = part { return responseHead }
                }
                if let writeError { throw writeError }
                return nil
            }
        } catch {
            throw failure(error, target: target, deadline: deadline)
        }
        guard let response else {
            if NIODeadline.now() >= deadline { throw timedOut(target) }
            throw DeliveryFailure(retryable: true, reason: "\(target.origin) closed the connection without answering")
        }
        return response
    }

    private func connect(
        to target: WebhookTarget, addresses: [IPAddress], deadline: NIODeadline
    ) async throws(DeliveryFailure) -> NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart> {
        var failures: [String] = []
        for address in addresses {
            let remaining = deadline - .now()
            guard remaining > .zero else { throw timedOut(target) }
            do {
                let socketAddress = try SocketAddress(
                    packedIPAddress: ByteBuffer(bytes: address.bytes), port: target.port
                )
                return try await ClientBootstrap(group: eventLoopGroup)
                    .connectTimeout(min(connectTimeout, remaining))
                    .connect(to: socketAddress) { [sslContext] channel in
                        channel.eventLoop.makeCompletedFuture {
                            let pipeline = channel.pipeline.syncOperations
                            if target.scheme == .https {
                                let tls = try NIOSSLClientHandler(
                                    context: sslContext, serverHostname: target.serverName)
                                try pipeline.addHandler(tls)
                            }
                            try pipeline.addHTTPClientHandlers()
                            return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(
                                wrappingChannelSynchronously: channel
                            )
                        }
                    }
            } catch ChannelError.connectTimeout {
                let limit = min(connectTimeout, remaining)
                failures.append("\(address): no connection within \(limit.nanoseconds / 1_000_000) ms")
            } catch {
                failures.append("\(address): \(error)")
            }
        }
        if NIODeadline.now() >= deadline { throw timedOut(target) }
        throw DeliveryFailure(
            retryable: true, reason: "could not connect to \(target.origin) (\(failures.joined(separator: "; ")))"
        )
    }

    private func failure(_ error: any Error, target: WebhookTarget, deadline: NIODeadline) -> DeliveryFailure {
        if NIODeadline.now() >= deadline { return timedOut(target) }
        switch error {
        case is NIOSSLError, is BoringSSLError, is NIOSSLExtraError:
            return DeliveryFailure(retryable: true, reason: "TLS with \(target.origin) failed: \(error)")
        default:
            return DeliveryFailure(retryable: true, reason: "the exchange with \(target.origin) failed: \(error)")
        }
    }

    private func timedOut(_ target: WebhookTarget) -> DeliveryFailure {
        DeliveryFailure(retryable: true, reason: "no answer from \(target.origin) within \(requestTimeoutText)")
    }
}
