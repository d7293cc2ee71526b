import FluentKit
import Foundation

/// Row of `incidents`. Never leaves this module.
final class IncidentRecord: Model, @unchecked Sendable {
    static let schema = "incidents"

    @ID(key: .id) var id: UUID?
    @Field(key: "number") var number: Int64
    @Field(key: "partner_id") var partnerID: UUID
    @OptionalField(key: "service_id") var serviceID: UUID?
    @OptionalField(key: "partner_reference") var partnerReference: String?
    @Field(key: "type") var type: String
    @Field(key: "occurred_at") var occurredAt: Date
    @Field(key: "user_email") var userEmail: String
    @Field(key: "error_type") var errorType: String
    @Field(key: "description") var description: String
    @Field(key: "device_type") var deviceType: String
    @Field(key: "operating_system") var operatingSystem: String
    @Field(key: "operating_system_version") var operatingSystemVersion: String
    /// JSON array of strings.
    @Field(key: "error_codes") var errorCodes: String
    @Field(key: "checked_known_problems") var checkedKnownProblems: Bool
    @OptionalField(key: "suspected_problem") var suspectedProblem: String?
    @OptionalField(key: "alternative_contact") var alternativeContact: String?
    @OptionalField(key: "suggested_severity") var suggestedSeverity: Int?
    @Field(key: "status") var status: String
    @OptionalField(key: "status_before_waiting") var statusBeforeWaiting: String?
    @OptionalField(key: "severity") var severity: Int?
    @Field(key: "resolver_group") var group: String
    @OptionalField(key: "linked_problem") var linkedProblem: String?
    @OptionalField(key: "resolution_kind") var resolutionKind: String?
    @OptionalField(key: "resolution_summary") var resolutionSummary: String?
    /// JSON of the SLA clock's ledger.
    @Field(key: "clock_events") var clockEvents: String
    @Field(key: "raised_at") var raisedAt: Date
    @Field(key: "raised_by") var raisedBy: String
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "version") var version: Int
    /// Due instant in epoch seconds, or a far-future sentinel when there is none, so one index orders lists.
    @Field(key: "sort_due") var sortDue: Int64
    /// Epoch seconds from which the incident counts as breached.
    @OptionalField(key: "breach_at") var breachAt: Int64?
    /// Lower-cased reference, texts and codes, for the list's text filter.
    @Field(key: "search_text") var searchText: String

    init() {}
}

/// Row of `incident_events`.
final class IncidentEventRecord: Model, @unchecked Sendable {
    static let schema = "incident_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "incident_id") var incidentID: UUID
    @Field(key: "at") var at: Date
    @Field(key: "ordinal") var ordinal: Int64
    @Field(key: "kind") var kind: String
    @OptionalField(key: "action") var action: String?
    @OptionalField(key: "from_status") var fromStatus: String?
    @OptionalField(key: "to_status") var toStatus: String?
    /// Field names (JSON array) for updates, the file name for attachments.
    @OptionalField(key: "detail") var detail: String?
    @Field(key: "visibility") var visibility: String
    @Field(key: "actor_name") var actorName: String
    @Field(key: "actor_role") var actorRole: String
    @OptionalField(key: "note") var note: String?

    init() {}
}

/// Row of `api_tokens`.
final class APITokenRecord: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "role") var role: String
    @OptionalField(key: "partner_id") var partnerID: UUID?
    @Field(key: "scope") var scope: String
    @Field(key: "secret_hash") var secretHash: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "expires_at") var expiresAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?

    init() {}
}

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
