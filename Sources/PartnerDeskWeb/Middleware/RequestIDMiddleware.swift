import Vapor

/// Echoes the request id in an `X-Request-Id` response header. Vapor already takes the id from an
/// incoming `X-Request-Id` (or makes one) and puts it on every log line of the request; returning it lets
/// a partner quote it to the service desk, which can then find every line of that request in the logs.
///
/// An incoming id must be 1 to 128 letters, digits, hyphens, underscores, dots or colons: anything else (a
/// megabyte of text, markup, line breaks meant for the logs) answers 400 and is never echoed.
struct RequestIDMiddleware: AsyncMiddleware {
    static let maximumLength = 128

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let incoming = request.headers.first(name: .xRequestId), !Self.isAcceptable(incoming) {
            var problem = ProblemDetails(
                status: .badRequest, code: "invalid_request_id",
                detail: "X-Request-Id must be 1 to \(Self.maximumLength) letters, digits, '-', '_', '.' or ':'.")
            problem.instance = request.url.path
            var headers = HTTPHeaders()
            headers.contentType = ProblemDetails.mediaType
            return Response(status: .badRequest, headers: headers, body: .init(data: try JSONEncoder().encode(problem)))
        }
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: .xRequestId, value: request.id)
        return response
    }
}

extension RequestIDMiddleware {
    static func isAcceptable(_ id: String) -> Bool {
        (1...maximumLength).contains(id.utf8.count)
            && id.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    || "-_.:".utf8.contains(byte)
            }
    }
}
