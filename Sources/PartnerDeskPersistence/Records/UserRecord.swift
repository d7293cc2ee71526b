import FluentKit
import Foundation

/// Row of `users`. Never leaves this module: repositories map it to ``PartnerDeskDomain/User``.
final class UserRecord: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "role") var role: String
    @OptionalField(key: "partner_id") var partnerID: UUID?
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "is_active") var isActive: Bool
    @OptionalField(key: "totp_secret") var totpSecret: String?
    @OptionalField(key: "totp_last_counter") var totpLastCounter: Int64?

    init() {}
}
