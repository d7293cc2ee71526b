import FluentKit
import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import SQLKit

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

/// The audit log in the SQL database: appends only.
struct FluentAuditRepository: AuditRepository {
    let database: any Database

    func nextSequence() async throws -> Int {
        let sql = database as! any SQLDatabase
        let row = try await sql.raw("UPDATE sequences SET value = value + 1 WHERE name = 'audit' RETURNING value")
            .first()
        guard let value = try row?.decode(column: "value", as: Int.self) else {
            throw StoredDataError.unreadable(table: "sequences", id: nil)
        }
        return value
    }

    func hash(of sequence: Int) async throws -> String? {
        try await AuditEventRecord.find(Int64(sequence), on: database)?.hash
    }

    func head() async throws -> (sequence: Int, hash: String)? {
        try await AuditEventRecord.query(on: database).sort(\.$id, .descending).first().flatMap { record in
            record.id.map { (Int($0), record.hash) }
        }
    }

    func append(_ entry: AuditEntry) async throws {
        let record = AuditEventRecord()
        record.id = Int64(entry.sequence)
        record.atMillis = Int64((entry.at.timeIntervalSince1970 * 1_000).rounded())
        record.at = Date(timeIntervalSince1970: Double(record.atMillis) / 1_000)
        record.actor = entry.actor
        record.actorName = entry.actorName
        record.partnerID = entry.partnerID?.rawValue
        record.action = entry.action
        record.outcome = entry.outcome.rawValue
        record.target = entry.target
        record.detail = entry.detail
        record.requestID = entry.requestID
        record.recordType = entry.subject?.kind
        record.recordID = entry.subject?.id
        record.changes =
            entry.changes.isEmpty ? nil : String(decoding: try JSONEncoder().encode(entry.changes), as: UTF8.self)
        record.reason = entry.reason
        record.previousHash = entry.previousHash
        record.hash = entry.hash
        try await record.create(on: database)
    }

    func list(_ query: AuditQuery) async throws -> [AuditEntry] {
        var builder = AuditEventRecord.query(on: database)
        if let partnerID = query.partnerID { builder = builder.filter(\.$partnerID == partnerID.rawValue) }
        if let action = query.action { builder = builder.filter(\.$action == action) }
        if let outcome = query.outcome { builder = builder.filter(\.$outcome == outcome.rawValue) }
        if let subject = query.subject {
            builder = builder.filter(\.$recordType == subject.kind).filter(\.$recordID == subject.id)
        }
        if let before = query.before { builder = builder.filter(\.$id < Int64(before)) }
        return try await builder.sort(\.$id, .descending).limit(min(max(query.limit, 1), 500)).all().map(
            Self.entry(from:))
    }

    func chain(from sequence: Int, limit: Int) async throws -> [AuditEntry] {
        try await AuditEventRecord.query(on: database).filter(\.$id >= Int64(sequence)).sort(\.$id).limit(limit).all()
            .map(Self.entry(from:))
    }

    private static func entry(from record: AuditEventRecord) throws -> AuditEntry {
        guard let sequence = record.id, let outcome = AuditEntry.Outcome(rawValue: record.outcome) else {
            throw StoredDataError.unreadable(table: AuditEventRecord.schema, id: nil)
        }
        var subject: AuditSubject?
        if let kind = record.recordType, let id = record.recordID { subject = AuditSubject(kind: kind, id: id) }
        var changes: [FieldChange] = []
        if let text = record.changes {
            guard let decoded = try? JSONDecoder().decode([FieldChange].self, from: Data(text.utf8)) else {
                throw StoredDataError.unreadable(table: AuditEventRecord.schema, id: nil)
            }
            changes = decoded
        }
        return AuditEntry(
            sequence: Int(sequence), at: Date(timeIntervalSince1970: Double(record.atMillis) / 1_000),
            actor: record.actor,
            actorName: record.actorName, partnerID: record.partnerID.map { .init($0) }, action: record.action,
            outcome: outcome, target: record.target, detail: record.detail, requestID: record.requestID,
            subject: subject, changes: changes, reason: record.reason, previousHash: record.previousHash,
            hash: record.hash
        )
    }
}
