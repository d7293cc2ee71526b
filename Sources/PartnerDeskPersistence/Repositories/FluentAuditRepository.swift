import FluentKit
import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import SQLKit

/// The audit log in the SQL database: appends only.
struct FluentAuditRepository: AuditRepository {
    let database: any Database

    private static let encoder = JSONEncoder()

    func reserveNext() async throws -> (sequence: Int, previousHash: String?) {
        // One statement: the reservation and the previous entry's hash (a subquery in RETURNING, which SQLite
        // and PostgreSQL both evaluate against the new value).
        let row = try await database.sql.raw(
            """
            UPDATE sequences SET value = value + 1 WHERE name = 'audit'
            RETURNING value, (SELECT hash FROM audit_events WHERE sequence = value - 1) AS previous_hash
            """
        ).first()
        guard let row, let value = try? row.decode(column: "value", as: Int.self) else {
            throw StoredDataError.unreadable(table: "sequences", id: nil)
        }
        return (value, try row.decode(column: "previous_hash", as: String?.self))
    }

    // Appending runs inside the transaction of every change, on SQLite's single writer: plain SQL with a
    // rendered insert (see `insert(into:row:)`), not the ORM, keeps that short.
    func hash(of sequence: Int) async throws -> String? {
        try await database.sql.raw("SELECT hash FROM audit_events WHERE sequence = \(bind: Int64(sequence))").first()?
            .decode(column: "hash", as: String.self)
    }

    func head() async throws -> (sequence: Int, hash: String)? {
        guard
            let row = try await database.sql.raw(
                "SELECT sequence, hash FROM audit_events ORDER BY sequence DESC LIMIT 1"
            )
            .first()
        else { return nil }
        return (try row.decode(column: "sequence", as: Int.self), try row.decode(column: "hash", as: String.self))
    }

    func append(_ entry: AuditEntry) async throws {
        let millis = Int64((entry.at.timeIntervalSince1970 * 1_000).rounded())
        let changes =
            entry.changes.isEmpty ? nil : String(decoding: try Self.encoder.encode(entry.changes), as: UTF8.self)
        try await database.sql.insert(
            into: AuditEventRecord.schema,
            row: [
                ("sequence", Int64(entry.sequence)), ("at", Date(timeIntervalSince1970: Double(millis) / 1_000)),
                ("at_millis", millis), ("actor", entry.actor), ("actor_name", entry.actorName),
                ("partner_id", entry.partnerID?.rawValue), ("action", entry.action),
                ("outcome", entry.outcome.rawValue), ("target", entry.target), ("detail", entry.detail),
                ("request_id", entry.requestID), ("record_type", entry.subject?.kind),
                ("record_id", entry.subject?.id), ("changes", changes), ("reason", entry.reason),
                ("previous_hash", entry.previousHash), ("hash", entry.hash),
            ])
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
