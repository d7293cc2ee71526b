import FluentKit
import Foundation

/// Row of `invitations`.
final class InvitationRecord: Model, @unchecked Sendable {
    static let schema = "invitations"

    @ID(key: .id) var id: UUID?
    @Field(key: "partner_id") var partnerID: UUID
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    @Field(key: "role") var role: String
    @Field(key: "invited_by") var invitedBy: String
    @Field(key: "invited_at") var invitedAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @Field(key: "link_hash") var linkHash: String
    @OptionalField(key: "user_id") var userID: UUID?
    @OptionalField(key: "accepted_at") var acceptedAt: Date?

    init() {}
}
