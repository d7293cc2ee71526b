import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// Requires `Authorization: Bearer <token>` on the API and puts the caller's ``Principal`` on the request.
/// A missing, unknown, revoked or expired token answers 401 with a `WWW-Authenticate` challenge.
struct BearerAuthenticator: AsyncMiddleware {
    let tokens: TokenService

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let bearer = request.headers.bearerAuthorization else {
            throw Unauthenticated(reason: "Send an API token as Authorization: Bearer <token>.")
        }
        guard let principal = try await tokens.authenticate(bearer.token) else {
            throw Unauthenticated(reason: "The API token is unknown, revoked or expired.")
        }
        request.storage[PrincipalKey.self] = principal
        request.logger[metadataKey: "principal"] = .string(principal.credential.key)
        return try await next.respond(to: request)
    }
}

/// 401 with the challenge RFC 6750 asks for.
struct Unauthenticated: AbortError {
    var reason: String
    var status: HTTPResponseStatus { .unauthorized }
    var headers: HTTPHeaders { ["WWW-Authenticate": #"Bearer realm="partnerdesk""#] }
}

struct PrincipalKey: StorageKey {
    typealias Value = Principal
}

extension Request {
    /// The authenticated caller; routes behind ``BearerAuthenticator`` always have one.
    var principal: Principal {
        get throws {
            guard let principal = storage[PrincipalKey.self] else {
                throw Unauthenticated(reason: "Sign in or send an API token.")
            }
            return principal
        }
    }
}
