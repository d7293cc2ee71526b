import FluentKit
import Foundation

/// Row of `audit_events`.
final class AuditEventRecord: Model, @unchecked Sendable {
    static let schema = "audit_events"

    @ID(custom: "sequence", generatedBy: .user) var id: Int64?
    @Field(key: "at") var at: Date
    /// The instant to the millisecond, exactly as hashed.
    @Field(key: "at_millis") var atMillis: Int64
    @Field(key: "actor") var actor: String
    @Field(key: "actor_name") var actorName: String
    @OptionalField(key: "partner_id") var partnerID: UUID?
    @Field(key: "action") var action: String
    @Field(key: "outcome") var outcome: String
    @OptionalField(key: "target") var target: String?
    @OptionalField(key: "detail") var detail: String?
    @OptionalField(key: "request_id") var requestID: String?
    @OptionalField(key: "record_type") var recordType: String?
    @OptionalField(key: "record_id") var recordID: String?
    /// The field changes as a JSON array of `{field, before, after}`.
    @OptionalField(key: "changes") var changes: String?
    @OptionalField(key: "reason") var reason: String?
    @Field(key: "previous_hash") var previousHash: String
    @Field(key: "hash") var hash: String

    init() {}
}
