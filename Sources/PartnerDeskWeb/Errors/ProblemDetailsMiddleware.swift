import Foundation
import NIOCore
import NIOHTTP1
import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// Turns every error into an RFC 9457 problem details response, so no API client ever sees an HTML error
/// page or an internal message; browsers asking for a page get the same meaning as a page in the site's own
/// look (``ErrorPage``). Unexpected errors are logged with the request id and answered with a generic 500.
struct ProblemDetailsMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch  where Self.isClientHangUp(error) {
            // Nothing to answer and nothing wrong here: counted as 499 (nginx's "client closed request"),
            // not as a server error, and logged for debugging only.
            request.logger.debug("The client closed the connection before the request was read")
            return Response(status: .init(statusCode: 499, reasonPhrase: "Client Closed Request"))
        } catch {
            let error = operationError(error)
            var problem = Self.problem(for: error)
            if problem.status >= 500 {
                request.logger.error("Request failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            problem.instance = request.url.path
            problem.requestId = request.id
            if Self.wantsPage(request),
                let page = try? await request.view.render("error", ErrorPage(problem)).encodeResponse(
                    status: HTTPResponseStatus(statusCode: problem.status), for: request)
            {
                return page
            }
            return try Self.response(for: problem, error: error)
        }
    }

    /// Whether the error means the client went away mid-request: its body ended early, or the connection
    /// closed under the handler.
    static func isClientHangUp(_ error: any Error) -> Bool {
        let error = operationError(error)
        if let parser = error as? HTTPParserError { return parser == .invalidEOFState }
        if let channel = error as? ChannelError {
            return [.ioOnClosedChannel, .eof, .inputClosed, .outputClosed, .alreadyClosed].contains(channel)
        }
        return false
    }

    /// A browser navigating to a page (not the API, not a file): it sends `Accept: text/html`.
    private static func wantsPage(_ request: Request) -> Bool {
        !request.url.path.hasPrefix("/api/") && request.headers.accept.mediaTypes.contains(.html)
    }

    static func problem(for error: any Error) -> ProblemDetails {
        switch error {
        case let failure as ValidationFailure:
            return ProblemDetails(
                status: .unprocessableEntity, code: "validation_failed", title: "The request has invalid fields",
                detail: "Correct the fields listed in errors and send the request again.", errors: failure.issues
            )
        case let issue as ValidationIssue:
            return problem(for: ValidationFailure([issue]))
        case let serviceError as ServiceError:
            return problem(for: serviceError)
        case RepositoryError.staleVersion:
            return ProblemDetails(
                status: .preconditionFailed, code: "stale_version",
                detail: "The record changed since you read it. Read it again and repeat your change."
            )
        case RepositoryError.conflict(let message):
            return ProblemDetails(status: .conflict, code: "conflict", detail: message)
        case let decoding as DecodingError:
            return ProblemDetails(status: .badRequest, code: "malformed_body", detail: Self.describe(decoding))
        case let abort as any AbortError where abort.status.code < 500:
            return ProblemDetails(
                status: abort.status,
                code: abort.status.reasonPhrase.lowercased().replacingOccurrences(of: " ", with: "_"),
                detail: abort.reason == abort.status.reasonPhrase ? nil : abort.reason
            )
        default:
            return ProblemDetails(
                status: .internalServerError, code: "internal_error",
                detail: "Something went wrong on our side. Quote the request id when you contact the service desk."
            )
        }
    }

    private static func problem(for error: ServiceError) -> ProblemDetails {
        switch error {
        case .notFound:
            ProblemDetails(status: .notFound, code: "not_found", detail: "There is no such record.")
        case .forbidden:
            ProblemDetails(status: .forbidden, code: "forbidden", detail: "Your role or token does not allow this.")
        case .versionMismatch(let current):
            ProblemDetails(
                status: .preconditionFailed, code: "stale_version",
                detail:
                    "The record changed since you read it (it is now at version \(current)). Read it again and repeat your change."
            )
        case .idempotencyKeyReused:
            ProblemDetails(
                status: .unprocessableEntity, code: "idempotency_key_reused",
                detail:
                    "This Idempotency-Key was already used for a different request. Use a new key for a new request."
            )
        case .invalidTransition(let message):
            ProblemDetails(status: .conflict, code: "invalid_transition", detail: message)
        case .partnerOffboarded:
            ProblemDetails(
                status: .forbidden, code: "partner_offboarded",
                detail:
                    "Your organisation is offboarded from the platform, so PartnerDesk no longer accepts its sign-ins or API tokens. Contact the First Line Service Desk if this is wrong."
            )
        }
    }

    private static func response(for problem: ProblemDetails, error: any Error) throws -> Response {
        var headers = HTTPHeaders()
        if let abort = error as? any AbortError {
            headers = abort.headers
        }
        headers.contentType = ProblemDetails.mediaType
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let body = try encoder.encode(problem)
        return Response(
            status: HTTPResponseStatus(statusCode: problem.status), headers: headers, body: .init(data: body))
    }

    /// Describes a decoding error in words a client developer can act on, naming the field.
    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let names = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return names.isEmpty ? "the body" : String(names.drop { $0 == "." })
        }
        switch error {
        case .typeMismatch(_, let context): return "\(path(context)) has the wrong type."
        case .valueNotFound(_, let context): return "\(path(context)) must not be null."
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return parent == "the body" ? "\(key.stringValue) is missing." : "\(parent).\(key.stringValue) is missing."
        case .dataCorrupted(let context): return "\(path(context)) is not valid: \(context.debugDescription)"
        @unknown default: return "The body could not be read."
        }
    }
}
