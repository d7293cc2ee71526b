import FluentKit
import Foundation

/// Row of `idempotency_keys`.
final class IdempotencyKeyRecord: Model, @unchecked Sendable {
    static let schema = "idempotency_keys"

    @ID(key: .id) var id: UUID?
    @Field(key: "scope") var scope: String
    @Field(key: "key") var key: String
    @Field(key: "fingerprint") var fingerprint: String
    @Field(key: "status") var status: Int
    @Field(key: "body") var body: Data
    @OptionalField(key: "location") var location: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
