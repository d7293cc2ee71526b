import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// `/api/v1/tokens`: partner administrators manage their organisation's API tokens; administrators any.
struct TokensController {
    let services: AppServices

    func register(on api: any RoutesBuilder) {
        let tokens = api.grouped("tokens")
        tokens.get(use: list).declaring(.manageTokens)
        tokens.post(use: create).declaring(.manageTokens)
        tokens.delete(":tokenID", use: revoke).declaring(.manageTokens)
    }

    struct CreateRequest: Content {
        var name: String
        var scope: String?
        var expiresAt: String?
        /// Administrators only: the partner whose system will use it.
        var partner: String?
        /// Administrators only: a staff role.
        var role: String?
    }

    @Sendable func list(_ request: Request) async throws -> [TokenDTO] {
        try await services.tokens.list(as: try request.principal).map(TokenDTO.init)
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let principal = try request.principal
        let body = try request.decodeJSONBody(CreateRequest.self)
        var check = ValidationCollector()
        let scope = TokenScope(rawValue: body.scope ?? "write")
        if scope == nil { check.add("scope", "unknown_value", "The scope is read or write.") }
        var expiry: Date?
        if let text = body.expiresAt {
            expiry = ISO8601Instant.date(from: text)
            if expiry == nil { check.add("expiresAt", "invalid_format", "Give the expiry as an ISO 8601 instant.") }
        }
        let partner = body.partner.flatMap(PartnerCode.init)
        if body.partner != nil, partner == nil { check.add("partner", "invalid_format", "Give a partner code.") }
        let role = body.role.flatMap(Role.init(rawValue:))
        if body.role != nil, role == nil { check.add("role", "unknown_value", "Unknown role.") }
        try check.finish()
        let issued = try await services.tokens.create(
            name: body.name, scope: scope ?? .write, expiresAt: expiry, partnerCode: partner, role: role, as: principal
        )
        var dto = TokenDTO(issued.token)
        dto.secret = issued.secret
        return try await dto.encodeResponse(status: .created, for: request)
    }

    @Sendable func revoke(_ request: Request) async throws -> HTTPStatus {
        guard let text = request.parameters.get("tokenID"), let id = APIToken.ID(uuidString: text) else {
            throw ServiceError.notFound
        }
        try await services.tokens.revoke(id, by: try request.principal)
        return .noContent
    }
}

/// A token as the API shows it; the secret only in the answer that created it.
struct TokenDTO: Content {
    var id: String
    var name: String
    var role: String
    var partnerID: String?
    var scope: String
    var createdAt: String
    var expiresAt: String?
    var revokedAt: String?
    var lastUsedAt: String?
    var secret: String?

    init(_ token: APIToken) {
        id = token.id.description
        name = token.name
        role = token.role.rawValue
        partnerID = token.partnerID?.description
        scope = token.scope.rawValue
        createdAt = ISO8601Instant.string(from: token.createdAt)
        expiresAt = token.expiresAt.map(ISO8601Instant.string(from:))
        revokedAt = token.revokedAt.map(ISO8601Instant.string(from:))
        lastUsedAt = token.lastUsedAt.map(ISO8601Instant.string(from:))
    }
}
