import Vapor

/// The Vapor request an operation handler is answering. The generated handlers see only the operation's
/// input, so the caller, the body as sent (for idempotency) and the logger come from here.
enum APIRequest {
    @TaskLocal static var current: Request?

    /// The request being answered; always set for operations registered through ``APIOperations``.
    static var request: Request {
        get throws {
            guard let current else { throw Abort(.internalServerError, reason: "No request in this context.") }
            return current
        }
    }

    /// Collects the body (within the route's limit), holds a multipart one to the check the pages' uploads
    /// pass (``SafeFormDataDecoder``), and makes the request ``current`` for the handler.
    struct Injection: AsyncMiddleware {
        func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
            if request.body.data == nil, request.method != .GET, request.method != .HEAD {
                let limit = request.route?.userInfo[BodyLimitMiddleware.userInfoKey] as? Int
                let body = try await request.body.collect(max: limit ?? BodyLimitMiddleware.defaultLimit).get()
                if let body, request.headers.contentType?.type == "multipart" {
                    try SafeFormDataDecoder.check(body, headers: request.headers)
                }
            }
            return try await APIRequest.$current.withValue(request) { try await next.respond(to: request) }
        }
    }
}
