import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import SQLKit

/// The outbox and the escalation record in SQL.
///
/// Claiming is one `UPDATE … WHERE id IN (SELECT … LIMIT n) RETURNING *`: on PostgreSQL the inner select
/// takes row locks with `FOR UPDATE SKIP LOCKED`, so servers claiming together get disjoint messages
/// without waiting for each other; on SQLite the single writer makes the statement atomic anyway.
struct SQLOutboxRepository: OutboxRepository {
    static let table = "outbox"
    let sql: any SQLDatabase

    func enqueue(_ messages: [OutboxMessage]) async throws {
        for message in messages {
            try await sql.insert(into: Self.table, row: Self.row(message))
        }
    }

    func claim(dueAt now: Date, lease: TimeInterval, limit: Int) async throws -> [OutboxMessage] {
        let nowSeconds = Int64(now.timeIntervalSince1970.rounded(.down))
        let until = Int64(now.addingTimeInterval(lease).timeIntervalSince1970.rounded(.up))
        let locking = sql.dialect.name == "postgresql" ? " FOR UPDATE SKIP LOCKED" : ""
        let rows = try await sql.raw(
            """
            UPDATE outbox SET claimed_until = \(bind: until) WHERE id IN (
                SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= \(bind: nowSeconds)
                AND claimed_until <= \(bind: nowSeconds) ORDER BY next_attempt_at LIMIT \(bind: limit)\(unsafeRaw: locking)
            ) RETURNING *
            """
        ).all()
        return try rows.map(Self.message(from:)).sorted { $0.nextAttemptAt < $1.nextAttemptAt }
    }

    func markDelivered(_ id: UUID, at instant: Date) async throws {
        try await sql.update(Self.table).set("status", to: OutboxMessage.Status.delivered.rawValue)
            .set("delivered_at", to: instant).set("claimed_until", to: 0).set("attempts", to: SQLRaw("attempts + 1"))
            .where("id", .equal, id).run()
    }

    func forgetContent(_ id: UUID, replacement: EmailContent) async throws {
        try await sql.update(Self.table).set("content", to: EmailContentJSON.encode(replacement))
            .where("id", .equal, id).run()
    }

    func markFailed(_ id: UUID, attempts: Int, retryAt: Date?, error: String) async throws {
        var update = sql.update(Self.table).set("attempts", to: attempts).set("last_error", to: error)
            .set("claimed_until", to: 0)
        if let retryAt {
            update = update.set("next_attempt_at", to: Int64(retryAt.timeIntervalSince1970.rounded(.up)))
        } else {
            update = update.set("status", to: OutboxMessage.Status.dead.rawValue)
        }
        try await update.where("id", .equal, id).run()
    }

    func list(status: OutboxMessage.Status, limit: Int) async throws -> [OutboxMessage] {
        try await sql.selectAll(from: Self.table).where("status", .equal, status.rawValue)
            .orderBy("created_at", .descending).limit(limit).all().map(Self.message(from:))
    }

    func list(partnerID: Partner.ID, channel: OutboxMessage.Channel, limit: Int) async throws -> [OutboxMessage] {
        try await sql.selectAll(from: Self.table).where("partner_id", .equal, partnerID.rawValue)
            .where("channel", .equal, channel.rawValue).orderBy("created_at", .descending).limit(limit).all()
            .map(Self.message(from:))
    }

    func find(id: UUID) async throws -> OutboxMessage? {
        try await sql.selectAll(from: Self.table).where("id", .equal, id).first().map(Self.message(from:))
    }

    func requeue(_ id: UUID, at instant: Date) async throws -> Bool {
        let rows = try await sql.update(Self.table).set("status", to: OutboxMessage.Status.pending.rawValue)
            .set("attempts", to: 0).set("next_attempt_at", to: Int64(instant.timeIntervalSince1970.rounded(.down)))
            .set("claimed_until", to: 0).where("id", .equal, id)
            .where("status", .equal, OutboxMessage.Status.dead.rawValue).returning("id").all()
        return !rows.isEmpty
    }

    func discard(_ id: UUID) async throws -> Bool {
        let rows = try await sql.delete(from: Self.table).where("id", .equal, id)
            .where("status", .equal, OutboxMessage.Status.dead.rawValue).returning("id").all()
        return !rows.isEmpty
    }

    func counts() async throws -> [OutboxCount] {
        try await sql.select().column("channel").column("status").column(
            SQLFunction("count", args: SQLLiteral.all), as: "n"
        )
        .from(Self.table).groupBy("channel").groupBy("status").all().compactMap { row in
            guard let channel = OutboxMessage.Channel(rawValue: try row.decode(column: "channel", as: String.self)),
                let status = OutboxMessage.Status(rawValue: try row.decode(column: "status", as: String.self))
            else { return nil }
            return OutboxCount(channel: channel, status: status, count: try row.decode(column: "n", as: Int.self))
        }
    }

    func oldestPending() async throws -> Date? {
        try await sql.select().column("created_at").from(Self.table)
            .where("status", .equal, OutboxMessage.Status.pending.rawValue).orderBy("created_at").limit(1).first()?
            .decode(column: "created_at", as: Date.self)
    }

    func recordEscalation(incidentID: Incident.ID, percent: Int, targetSeconds: Int, at instant: Date) async throws
        -> Bool
    {
        // ON CONFLICT DO NOTHING: a second server announcing the same threshold learns it was done without
        // aborting its transaction.
        let rows = try await sql.raw(
            """
            INSERT INTO escalations (incident_id, percent, target_seconds, announced_at)
            VALUES (\(bind: incidentID.rawValue), \(bind: percent), \(bind: targetSeconds), \(bind: instant))
            ON CONFLICT (incident_id, percent, target_seconds) DO NOTHING RETURNING incident_id
            """
        ).all()
        return !rows.isEmpty
    }

    private static func row(_ message: OutboxMessage) -> [ColumnValue] {
        [
            ("id", message.id), ("channel", message.channel.rawValue), ("event", message.event),
            ("recipient", message.recipient), ("subject", message.subject),
            ("content", EmailContentJSON.encode(message.content)), ("payload", message.payload),
            ("partner_id", message.partnerID?.rawValue),
            ("incident_id", message.incidentID?.rawValue), ("status", message.status.rawValue),
            ("attempts", message.attempts),
            ("next_attempt_at", Int64(message.nextAttemptAt.timeIntervalSince1970.rounded(.down))),
            ("claimed_until", Int64(0)), ("last_error", message.lastError), ("created_at", message.createdAt),
            ("delivered_at", message.deliveredAt),
        ]
    }

    private static func message(from row: any SQLRow) throws -> OutboxMessage {
        let id = try row.decode(column: "id", as: UUID.self)
        guard let channel = OutboxMessage.Channel(rawValue: try row.decode(column: "channel", as: String.self)),
            let status = OutboxMessage.Status(rawValue: try row.decode(column: "status", as: String.self)),
            let content = EmailContentJSON.decode(try row.decode(column: "content", as: String.self))
        else { throw StoredDataError.unreadable(table: table, id: id) }
        return OutboxMessage(
            id: id, channel: channel, event: try row.decode(column: "event", as: String.self),
            recipient: try row.decode(column: "recipient", as: String.self),
            subject: try row.decode(column: "subject", as: String.self),
            content: content,
            payload: try row.decode(column: "payload", as: String.self),
            partnerID: try row.decode(column: "partner_id", as: UUID?.self).map { .init($0) },
            incidentID: try row.decode(column: "incident_id", as: UUID?.self).map { .init($0) }, status: status,
            attempts: try row.decode(column: "attempts", as: Int.self),
            nextAttemptAt: Date(
                timeIntervalSince1970: TimeInterval(try row.decode(column: "next_attempt_at", as: Int64.self))),
            lastError: try row.decode(column: "last_error", as: String?.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            deliveredAt: try row.decode(column: "delivered_at", as: Date?.self)
        )
    }
}
