import Vapor

/// Echoes the request id in an `X-Request-Id` response header. Vapor already takes the id from an
/// incoming `X-Request-Id` (or makes one) and puts it on every log line of the request; returning it lets
/// a partner quote it to the service desk, which can then find every line of that request in the logs.
struct RequestIDMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: .xRequestId, value: request.id)
        return response
    }
}
