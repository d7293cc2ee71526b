import FluentKit
import Foundation

final class OneTimeLinkRecord: Model, @unchecked Sendable {
    static let schema = "one_time_links"

    @ID(custom: "secret_hash", generatedBy: .user) var id: String?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "purpose") var purpose: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}
}
