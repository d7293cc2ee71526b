import Foundation
import PartnerDeskDomain
import PartnerDeskServices

struct InMemoryTokenRepository: TokenRepository {
    let box: StateBox

    func create(_ token: APIToken, secretHash: String) async throws {
        try box.write { state in
            guard !state.tokens.values.contains(where: { $0.hash == secretHash }) else {
                throw RepositoryError.conflict("A token with this secret already exists.")
            }
            state.tokens[token.id] = (token, secretHash)
        }
    }

    func find(secretHash: String) async throws -> APIToken? {
        box.read().tokens.values.first { $0.hash == secretHash }?.token
    }

    func find(id: APIToken.ID) async throws -> APIToken? { box.read().tokens[id]?.token }

    func list(partnerID: Partner.ID?) async throws -> [APIToken] {
        box.read().tokens.values.map(\.token).filter { partnerID == nil || $0.partnerID == partnerID }
            .sorted { $0.createdAt > $1.createdAt }
    }

    func revoke(_ id: APIToken.ID, at instant: Date) async throws {
        try box.write { state in
            if state.tokens[id]?.token.revokedAt == nil { state.tokens[id]?.token.revokedAt = instant }
        }
    }

    func touch(_ id: APIToken.ID, at instant: Date) async throws {
        try box.write { $0.tokens[id]?.token.lastUsedAt = instant }
    }
}
