import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// JSON for the generated types outside the runtime (answers kept for idempotent replays), with instants
/// written and read as ``InstantTranscoder`` does.
enum ContractJSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(try InstantTranscoder().encode(date))
        }
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            try InstantTranscoder().decode(try decoder.singleValueContainer().decode(String.self))
        }
        return decoder
    }()
}

extension CreateOutcome {
    /// The answer to an idempotent create, as stored: rendered in the creating transaction (or now, when it
    /// was not), or the first answer again for a repeat, which says it was replayed.
    func answer(rendering render: (View) throws -> StoredResponse) throws -> (stored: StoredResponse, replayed: Bool) {
        switch self {
        case .created(let view, let stored): (try stored ?? render(view), false)
        case .replayed(let stored): (stored, true)
        }
    }
}

/// What an idempotent create answers: the record (read back from the stored answer, so a replay is byte for
/// byte the first answer), where it lives, and `"true"` in `replayed` for a repeat.
struct CreatedAnswer<Answer: Sendable>: Sendable {
    var body: Answer
    var location: String?
    var replayed: String?
}

extension APIOperations {
    /// Runs a create under the request's `Idempotency-Key` (scoped to the caller): `create` gets the caller,
    /// the key and the renderer that stores the answer (`render`, at `location`) in the creating transaction.
    func created<View: Sendable, Answer: Codable & Sendable>(
        key: String?, location: @escaping @Sendable (Answer) -> String,
        render: @escaping @Sendable (View) throws -> Answer,
        create: (Principal, IdempotencyRequest?, @escaping @Sendable (View) throws -> StoredResponse) async throws
            -> CreateOutcome<View>
    ) async throws -> CreatedAnswer<Answer> {
        let request = try APIRequest.request
        let principal = try request.principal
        let idempotency = try IdempotencyKey.request(key: key, for: request, principal: principal)
        let store: @Sendable (View) throws -> StoredResponse = { view in
            let answer = try render(view)
            return StoredResponse(
                status: 201, body: try ContractJSON.encoder.encode(answer), location: location(answer))
        }
        let (stored, replayed) = try await create(principal, idempotency, store).answer(rendering: store)
        return CreatedAnswer(
            body: try ContractJSON.decoder.decode(Answer.self, from: stored.body), location: stored.location,
            replayed: replayed ? "true" : nil)
    }
}
