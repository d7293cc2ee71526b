import PartnerDeskDomain
import Vapor

/// The parts of HTTP every route shares, in one place:
/// - a `GET` or `HEAD` whose `If-None-Match` names the answer's ETag gets `304 Not Modified` with no body;
/// - a method the path does not offer answers `405 Method Not Allowed` with `Allow`, not 404, as problem
///   details (the error reaches ``ProblemDetailsMiddleware``, which sits outside this one);
/// - an API query parameter given twice answers 400 (every one of them takes a single value, lists being
///   comma-separated), instead of one of the two winning silently.
///
/// ``MediaTypeMiddleware`` refuses bodies the API does not read.
struct HTTPSemanticsMiddleware: AsyncMiddleware {
    /// The application's routes, read when a request finds none (after every route is registered).
    let routes: Routes

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.url.path.hasPrefix("/api/"), let query = request.url.query {
            var seen: Set<Substring> = []
            for pair in query.split(separator: "&") {
                let name = pair.split(separator: "=", maxSplits: 1).first ?? pair
                guard seen.insert(name).inserted else {
                    let shown = name.removingPercentEncoding ?? String(name)
                    throw Abort(
                        .badRequest,
                        reason:
                            "The query parameter \(shown.prefix(40)) is given twice; give it once (lists are comma-separated)."
                    )
                }
            }
        }
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch let error as any AbortError where error.status == .notFound && request.route == nil {
            let allowed = allowedMethods(for: request.url.path)
            guard !allowed.isEmpty else { throw error }
            throw Abort(
                .methodNotAllowed, headers: ["Allow": allowed.joined(separator: ", ")],
                reason: "\(request.method.rawValue) is not offered here; use \(allowed.joined(separator: " or ")).")
        }
        if request.method == .GET || request.method == .HEAD, response.status == .ok,
            let etag = response.headers.first(name: .eTag),
            let header = request.headers.first(name: .ifNoneMatch), IfMatch.noneMatch(header, etag: etag)
        {
            var headers = HTTPHeaders()
            for name in [HTTPHeaders.Name.eTag, .cacheControl, .vary] {
                if let value = response.headers.first(name: name) { headers.replaceOrAdd(name: name, value: value) }
            }
            return Response(status: .notModified, headers: headers)
        }
        return response
    }

    /// The methods of the routes whose path matches, HEAD included wherever GET is.
    private func allowedMethods(for path: String) -> [String] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var methods = Set(
            routes.all.filter { Self.matches($0.path, segments) }.map(\.method.rawValue))
        if methods.contains("GET") { methods.insert("HEAD") }
        return methods.sorted()
    }

    private static func matches(_ components: [PathComponent], _ segments: [String]) -> Bool {
        for (index, component) in components.enumerated() {
            switch component {
            case .catchall: return index <= segments.count
            case .anything, .parameter:
                guard index < segments.count else { return false }
            case .constant(let value):
                guard index < segments.count, segments[index] == value else { return false }
            }
        }
        return components.count == segments.count
    }
}

/// A body the API does not read (anything but JSON, or multipart form data for screenshots) answers
/// `415 Unsupported Media Type` before the handler runs; it sits behind ``BearerAuthenticator``, and lets
/// through callers whose role or scope never allows the route's action, so 401 and 403 come first, as the
/// access tables say.
struct MediaTypeMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if case .action(let action)? = request.route?.access, let principal = try? request.principal,
            AccessPolicy.permits(principal, action)
        {
            try Self.checkMediaType(request)
        }
        return try await next.respond(to: request)
    }

    /// API writes read JSON, and screenshot uploads multipart form data; a body of any other type, or with no
    /// type, is refused.
    private static func checkMediaType(_ request: Request) throws {
        guard [.POST, .PUT, .PATCH].contains(request.method) else { return }
        let hasBody =
            (request.body.data?.readableBytes ?? 0) > 0
            || request.headers.first(name: .contentLength) != nil
                && request.headers.first(name: .contentLength) != "0"
        guard hasBody || request.headers.contentType != nil else { return }
        let multipart = request.url.path.hasSuffix("/attachments")
        let type = request.headers.contentType
        let accepted =
            multipart
            ? type?.type == "multipart" && type?.subType == "form-data"
            : type?.type == "application" && (type?.subType == "json" || type?.subType.hasSuffix("+json") == true)
        guard !accepted else { return }
        throw Abort(
            .unsupportedMediaType,
            reason: multipart
                ? "Send the screenshot as multipart/form-data."
                : "Send the body as JSON (Content-Type: application/json).")
    }

}
