import Foundation

/// A request that may be sent more than once: the caller's key, scoped to the caller, and a fingerprint of
/// the request so a reused key with a different body is caught.
public struct IdempotencyRequest: Hashable, Sendable {
    public var scope: String
    public var key: String
    public var fingerprint: String

    public init(scope: String, key: String, fingerprint: String) {
        self.scope = scope
        self.key = key
        self.fingerprint = fingerprint
    }
}

/// The response given the first time, replayed exactly for a repeat.
public struct StoredResponse: Hashable, Sendable {
    public var status: Int
    public var body: Data
    public var location: String?

    public init(status: Int, body: Data, location: String?) {
        self.status = status
        self.body = body
        self.location = location
    }
}

/// Remembers responses to creating requests by idempotency key.
public protocol IdempotencyRepository: Sendable {
    /// The fingerprint and response stored for a key, if any.
    func find(scope: String, key: String) async throws -> (fingerprint: String, response: StoredResponse)?
    /// Stores a response; fails with ``RepositoryError/conflict(_:)`` when the key is already stored.
    func save(_ request: IdempotencyRequest, response: StoredResponse, at instant: Date) async throws
}
