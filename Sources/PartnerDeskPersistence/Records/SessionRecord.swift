import FluentKit
import Foundation

final class SessionRecord: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(custom: "secret_hash", generatedBy: .user) var id: String?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date
    @Field(key: "csrf_token") var csrfToken: String
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @Field(key: "awaiting_second_factor") var awaitingSecondFactor: Bool

    init() {}
}
