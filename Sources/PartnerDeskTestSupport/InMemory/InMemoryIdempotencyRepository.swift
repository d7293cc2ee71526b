import Foundation
import PartnerDeskDomain
import PartnerDeskServices

struct InMemoryIdempotencyRepository: IdempotencyRepository {
    let box: StateBox

    func find(scope: String, key: String) async throws -> (fingerprint: String, response: StoredResponse)? {
        box.read().idempotency["\(scope)\u{0}\(key)"]
    }

    func save(_ request: IdempotencyRequest, response: StoredResponse, at instant: Date) async throws {
        try box.write { state in
            let id = "\(request.scope)\u{0}\(request.key)"
            guard state.idempotency[id] == nil else {
                throw RepositoryError.conflict("This idempotency key was already used.")
            }
            state.idempotency[id] = (request.fingerprint, response)
        }
    }
}
