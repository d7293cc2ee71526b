import Vapor

/// Refuses a request whose `Content-Length` is over its route's limit with 413 before any of the body is
/// read, and closes the connection, so nobody can make PartnerDesk wait for (or buffer) a body it will never
/// accept. Routes taking screenshots declare their larger limit (``Route/acceptingBodies(upTo:)``); every
/// other route takes ``defaultLimit``, the same as Vapor's own collection limit.
struct BodyLimitMiddleware: AsyncMiddleware {
    static let defaultLimit = 64 * 1024
    static let userInfoKey = "partnerdesk.bodyLimit"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let limit = request.route?.userInfo[Self.userInfoKey] as? Int ?? Self.defaultLimit
        if let length = request.headers.first(name: .contentLength).flatMap(Int.init), length > limit {
            throw Abort(
                .payloadTooLarge, headers: ["Connection": "close"],
                reason: "The body is \(length) bytes; this address accepts at most \(limit).")
        }
        return try await next.respond(to: request)
    }
}

extension Route {
    /// Records the largest body the route accepts (matching its `.collect(maxSize:)`).
    @discardableResult
    func acceptingBodies(upTo bytes: Int) -> Route {
        userInfo[BodyLimitMiddleware.userInfoKey] = bytes
        return self
    }
}
