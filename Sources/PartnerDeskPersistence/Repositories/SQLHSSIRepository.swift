import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import SQLKit

/// HSSIs in SQL: the whole record as a JSON document (it is read and written whole, under its version), with
/// the columns that queries need beside it; instants are stored as seconds since 1970.
struct SQLHSSIRepository: HSSIRepository {
    let sql: any SQLDatabase

    private static let encoder = JSONEncoder()

    func nextReference() async throws -> HSSIReference {
        let row = try await sql.raw("UPDATE sequences SET value = value + 1 WHERE name = 'hssi' RETURNING value")
            .first()
        guard let value = try row?.decode(column: "value", as: Int.self), let reference = HSSIReference(number: value)
        else { throw StoredDataError.unreadable(table: "sequences", id: nil) }
        return reference
    }

    func create(_ hssi: HigherSeverityIncident, nextDeadlineAt: Date?) async throws {
        try await translatingConstraintFailures("An HSSI with this reference already exists.") {
            try await sql.insert(into: "hssis", row: try Self.row(hssi, nextDeadlineAt: nextDeadlineAt))
        }
    }

    func update(_ hssi: HigherSeverityIncident, expectedVersion: Int, nextDeadlineAt: Date?) async throws {
        var update = sql.update("hssis")
        for (column, value) in try Self.row(hssi, nextDeadlineAt: nextDeadlineAt).dropFirst(3) {
            update = update.set(quotedColumn(column), to: SQLBind(value))
        }
        let claimed = try await update.where("id", .equal, hssi.id.rawValue).where("version", .equal, expectedVersion)
            .returning("id").all()
        guard !claimed.isEmpty else { throw RepositoryError.staleVersion }
    }

    func find(id: HigherSeverityIncident.ID) async throws -> HigherSeverityIncident? {
        try await sql.select().column("document").from("hssis").where("id", .equal, id.rawValue).first()
            .map(Self.hssi(from:))
    }

    func find(reference: HSSIReference) async throws -> HigherSeverityIncident? {
        try await sql.select().column("document").from("hssis").where("number", .equal, Int64(reference.number))
            .first().map(Self.hssi(from:))
    }

    func list() async throws -> [HigherSeverityIncident] {
        try await sql.select().column("document").from("hssis").orderBy("number", .descending).all()
            .map(Self.hssi(from:))
    }

    func due(at instant: Date, limit: Int) async throws -> [HigherSeverityIncident] {
        try await sql.select().column("document").from("hssis")
            .where("next_deadline_at", .lessThanOrEqual, instant.timeIntervalSince1970)
            .orderBy("next_deadline_at").limit(limit).all().map(Self.hssi(from:))
    }

    func setNextDeadline(_ id: HigherSeverityIncident.ID, at instant: Date?) async throws {
        try await sql.update("hssis").set("next_deadline_at", to: SQLBind(instant?.timeIntervalSince1970))
            .where("id", .equal, id.rawValue).run()
    }

    func recordAlert(_ id: HigherSeverityIncident.ID, key: String, at instant: Date) async throws -> Bool {
        // ON CONFLICT DO NOTHING: a second server sending the same alert learns it was sent without aborting its
        // transaction.
        let rows = try await sql.raw(
            """
            INSERT INTO hssi_alerts (hssi_id, alert_key, sent_at)
            VALUES (\(bind: id.rawValue), \(bind: key), \(bind: instant.timeIntervalSince1970))
            ON CONFLICT (hssi_id, alert_key) DO NOTHING RETURNING hssi_id
            """
        ).all()
        return !rows.isEmpty
    }

    func linkMessages(_ id: HigherSeverityIncident.ID, _ links: [HSSIMessageLink]) async throws {
        guard !links.isEmpty else { return }
        let start =
            try await sql.raw("SELECT count(*) AS n FROM hssi_messages WHERE hssi_id = \(bind: id.rawValue)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        for (offset, link) in links.enumerated() {
            try await sql.insert(
                into: "hssi_messages",
                row: [
                    ("hssi_id", id.rawValue), ("message_id", link.messageID), ("kind", link.kind),
                    ("partner_id", link.partnerID?.rawValue), ("position", start + offset),
                ]
            )
        }
    }

    func messages(of id: HigherSeverityIncident.ID) async throws -> [HSSIMessageLink] {
        try await sql.selectAll(from: "hssi_messages").where("hssi_id", .equal, id.rawValue).orderBy("position").all()
            .map { row in
                HSSIMessageLink(
                    kind: try row.decode(column: "kind", as: String.self),
                    messageID: try row.decode(column: "message_id", as: UUID.self),
                    partnerID: try row.decode(column: "partner_id", as: UUID?.self).map(Partner.ID.init))
            }
    }

    func rotaEntries(partnerID: Partner.ID?) async throws -> [StoredRotaEntry] {
        var query = sql.selectAll(from: "hssi_rota_entries")
        if let partnerID { query = query.where("partner_id", .equal, partnerID.rawValue) }
        return try await query.orderBy("starts_at").orderBy("id").all().map { row in
            let id = try row.decode(column: "id", as: UUID.self)
            guard
                let entry = try? HSSIRotaEntry(
                    managerName: try row.decode(column: "manager_name", as: String.self),
                    email: try row.decode(column: "email", as: String.self),
                    phone: try row.decode(column: "phone", as: String?.self),
                    startsAt: Date(timeIntervalSince1970: try row.decode(column: "starts_at", as: Double.self)),
                    endsAt: Date(timeIntervalSince1970: try row.decode(column: "ends_at", as: Double.self)))
            else { throw StoredDataError.unreadable(table: "hssi_rota_entries", id: id) }
            return StoredRotaEntry(
                id: id, partnerID: .init(try row.decode(column: "partner_id", as: UUID.self)), entry: entry,
                addedBy: try row.decode(column: "added_by", as: String.self),
                addedAt: Date(timeIntervalSince1970: try row.decode(column: "added_at", as: Double.self)))
        }
    }

    func addRotaEntry(_ stored: StoredRotaEntry) async throws {
        let entry = stored.entry
        try await sql.insert(
            into: "hssi_rota_entries",
            row: [
                ("id", stored.id), ("partner_id", stored.partnerID.rawValue), ("manager_name", entry.managerName),
                ("email", entry.email.value), ("phone", entry.phone),
                ("starts_at", entry.startsAt.timeIntervalSince1970),
                ("ends_at", entry.endsAt.timeIntervalSince1970), ("added_by", stored.addedBy),
                ("added_at", stored.addedAt.timeIntervalSince1970),
            ]
        )
    }

    func removeRotaEntry(_ id: UUID, partnerID: Partner.ID) async throws -> Bool {
        let rows = try await sql.delete(from: "hssi_rota_entries").where("id", .equal, id)
            .where("partner_id", .equal, partnerID.rawValue).returning("id").all()
        return !rows.isEmpty
    }

    func recordRotaCheck(partnerID: Partner.ID, day: String, at instant: Date) async throws -> Bool {
        let rows = try await sql.raw(
            """
            INSERT INTO hssi_rota_checks (partner_id, day, checked_at)
            VALUES (\(bind: partnerID.rawValue), \(bind: day), \(bind: instant.timeIntervalSince1970))
            ON CONFLICT (partner_id, day) DO NOTHING RETURNING partner_id
            """
        ).all()
        return !rows.isEmpty
    }

    private static func row(_ hssi: HigherSeverityIncident, nextDeadlineAt: Date?) throws -> [ColumnValue] {
        [
            ("id", hssi.id.rawValue), ("number", Int64(hssi.reference.number)),
            ("primary_partner_id", hssi.primaryPartnerID.rawValue), ("stage", hssi.stage.rawValue),
            ("document", String(decoding: try encoder.encode(hssi), as: UTF8.self)),
            ("next_deadline_at", nextDeadlineAt?.timeIntervalSince1970), ("version", hssi.version),
            ("updated_at", hssi.updatedAt.timeIntervalSince1970),
        ]
    }

    private static func hssi(from row: any SQLRow) throws -> HigherSeverityIncident {
        let document = try row.decode(column: "document", as: String.self)
        do {
            return try JSONDecoder().decode(HigherSeverityIncident.self, from: Data(document.utf8))
        } catch {
            throw StoredDataError.unreadable(table: "hssis", id: nil)
        }
    }
}
