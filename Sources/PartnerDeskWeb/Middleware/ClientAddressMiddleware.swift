import PartnerDeskDomain
import Vapor

/// Works out which address each request came from, believing `Forwarded` and `X-Forwarded-For` only from
/// the configured reverse proxies (see ``TrustedProxies``), and keeps it on the request for sign-in
/// throttling.
struct ClientAddressMiddleware: AsyncMiddleware {
    let proxies: TrustedProxies

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let peer = request.remoteAddress?.ipAddress.flatMap(IPAddress.init) {
            let client = proxies.client(
                peer: peer, forwarded: request.headers[.forwarded].joined(separator: ","),
                forwardedFor: request.headers[.xForwardedFor].joined(separator: ","))
            request.storage[ClientAddressKey.self] = client.description
        }
        return try await next.respond(to: request)
    }
}

struct ClientAddressKey: StorageKey {
    typealias Value = String
}

extension Request {
    /// The client's address as ``ClientAddressMiddleware`` found it, or `unknown` (a test request, a Unix
    /// socket).
    var clientAddress: String { storage[ClientAddressKey.self] ?? "unknown" }
}
