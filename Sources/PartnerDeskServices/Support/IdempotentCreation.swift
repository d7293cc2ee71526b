import Foundation

/// What a creating request produced: something new (with its stored answer when the request carried an
/// idempotency key), or the stored answer to an earlier identical request.
public enum CreateOutcome<View: Sendable>: Sendable {
    case created(View, StoredResponse?)
    case replayed(StoredResponse)
}

extension UnitOfWork {
    /// Runs a creation in one transaction under an optional idempotency key: a repeat of the same request
    /// returns the first answer (rendered by `render` and stored in the same transaction), the same key with a
    /// different request is refused, and of two concurrent requests with one key exactly one creates.
    func creating<View: Sendable>(
        idempotency: IdempotencyRequest?, render: (@Sendable (View) throws -> StoredResponse)?, at now: Date,
        _ work: @escaping @Sendable (any Repositories) async throws -> View
    ) async throws -> CreateOutcome<View> {
        do {
            return try await transaction { repositories in
                if let idempotency,
                    let stored = try await repositories.idempotency.find(scope: idempotency.scope, key: idempotency.key)
                {
                    guard stored.fingerprint == idempotency.fingerprint else { throw ServiceError.idempotencyKeyReused }
                    return .replayed(stored.response)
                }
                let view = try await work(repositories)
                var response: StoredResponse?
                if let idempotency, let render {
                    let rendered = try render(view)
                    try await repositories.idempotency.save(idempotency, response: rendered, at: now)
                    response = rendered
                }
                return .created(view, response)
            }
        } catch RepositoryError.conflict where idempotency != nil {
            // A concurrent request with the same key won the race: answer as it did.
            guard let idempotency,
                let stored = try await repositories.idempotency.find(scope: idempotency.scope, key: idempotency.key),
                stored.fingerprint == idempotency.fingerprint
            else { throw ServiceError.idempotencyKeyReused }
            return .replayed(stored.response)
        }
    }
}
