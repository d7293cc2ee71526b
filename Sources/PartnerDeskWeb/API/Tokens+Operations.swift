import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// `/api/v1/tokens`: partner administrators manage their organisation's API tokens; administrators any.
extension APIOperations {
    func listTokens(_ input: Operations.ListTokens.Input) async throws -> Operations.ListTokens.Output {
        let tokens = try await services.tokens.list(as: try APIRequest.request.principal)
        return .ok(.init(body: .json(tokens.map { Components.Schemas.Token($0) })))
    }

    func createToken(_ input: Operations.CreateToken.Input) async throws -> Operations.CreateToken.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
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
            name: body.name, scope: scope ?? .write, expiresAt: expiry, partnerCode: partner, role: role,
            as: try APIRequest.request.principal)
        return .created(.init(body: .json(Components.Schemas.Token(issued.token, secret: issued.secret))))
    }

    func revokeToken(_ input: Operations.RevokeToken.Input) async throws -> Operations.RevokeToken.Output {
        try await services.tokens.revoke(
            try APIToken.ID.inPath(input.path.tokenID), by: try APIRequest.request.principal)
        return .noContent(.init())
    }
}

/// What a token is created from, read as sent so that every wrong value gets its own message; the document's
/// `NewToken` schema (a test holds the two to the same keys).
struct NewTokenRequest: Codable, Hashable, Sendable {
    var name: String
    var scope: String?
    var expiresAt: String?
    /// Administrators only: the partner whose system will use it.
    var partner: String?
    /// Administrators only: a staff role.
    var role: String?
}

extension Components.Schemas.Token {
    /// A token as the API shows it; the secret only in the answer that created it.
    init(_ token: APIToken, secret: String? = nil) {
        self.init(
            id: token.id.description, name: token.name, role: token.role.rawValue,
            partnerID: token.partnerID?.description,
            scope: ScopePayload(token.scope), createdAt: token.createdAt, expiresAt: token.expiresAt,
            revokedAt: token.revokedAt, lastUsedAt: token.lastUsedAt, secret: secret)
    }
}

extension Components.Schemas.Token.ScopePayload {
    init(_ scope: TokenScope) {
        switch scope {
        case .read: self = .read
        case .write: self = .write
        }
    }
}
