import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import SQLKit

/// Components, partners' choices of them, outages, maintenance windows and sent allowance warnings in SQL: each record a JSON document
/// (read and written whole, under its version) beside the columns that order, find and keep it unique.
struct SQLServiceLevelRepository: ServiceLevelRepository {
    let sql: any SQLDatabase

    private var store: SQLDocuments { SQLDocuments(sql: sql) }

    func components() async throws -> [ServiceComponent] {
        try await store.documents(sql.select().column("document").from("service_components").orderBy("position"))
    }

    func replaceComponents(_ components: [ServiceComponent]) async throws {
        try await sql.delete(from: "service_components").run()
        for (position, component) in components.enumerated() {
            try await sql.insert(
                into: "service_components",
                row: [("code", component.code), ("position", position), ("document", try SQLDocuments.json(component))])
        }
    }

    func componentChoices() async throws -> [Partner.ID: ComponentChoice] {
        var choices: [Partner.ID: ComponentChoice] = [:]
        for row in try await sql.selectAll(from: "partner_components").all() {
            let id = Partner.ID(try row.decode(column: "partner_id", as: UUID.self))
            let codes = try row.decode(column: "components", as: String.self)
            guard let decoded = try? JSONDecoder().decode([String].self, from: Data(codes.utf8)) else {
                throw StoredDataError.unreadable(table: "partner_components", id: id.rawValue)
            }
            choices[id] = ComponentChoice(codes: Set(decoded))
        }
        return choices
    }

    func setComponentChoice(_ choice: ComponentChoice, for partnerID: Partner.ID) async throws {
        try await sql.delete(from: "partner_components").where("partner_id", .equal, partnerID.rawValue).run()
        guard !choice.codes.isEmpty else { return }
        try await sql.insert(
            into: "partner_components",
            row: [("partner_id", partnerID.rawValue), ("components", try SQLDocuments.json(choice.codes.sorted()))])
    }

    func nextOutageNumber() async throws -> Int { try await store.next("outage") }

    func create(_ outage: Outage) async throws {
        try await translatingConstraintFailures("That alert has opened an outage already.") {
            try await sql.insert(into: "outages", row: try Self.row(outage))
        }
    }

    func update(_ outage: Outage, expectedVersion: Int) async throws {
        try await translatingConstraintFailures("That alert has opened an outage already.") {
            try await store.replace(
                "outages", id: outage.id.rawValue, row: try Self.row(outage), expectedVersion: expectedVersion)
        }
    }

    func find(outageID: Outage.ID) async throws -> Outage? {
        try await store.document("outages", where: "id", outageID.rawValue)
    }

    func find(outageNumber: Int) async throws -> Outage? {
        try await store.document("outages", where: "number", Int64(outageNumber))
    }

    func find(alertKey: String) async throws -> Outage? {
        try await store.document("outages", where: "alert_key", alertKey)
    }

    func outages(overlapping period: DateInterval) async throws -> [Outage] {
        try await store.documents(
            sql.select().column("document").from("outages")
                .where("started_at", .lessThan, period.end.timeIntervalSince1970)
                .where {
                    $0.where("ended_at", .is, SQLLiteral.null).orWhere(
                        "ended_at", .greaterThan, period.start.timeIntervalSince1970)
                }
                .orderBy("started_at").orderBy("number"))
    }

    func nextMaintenanceNumber() async throws -> Int { try await store.next("maintenance") }

    func create(_ window: MaintenanceWindow) async throws {
        try await sql.insert(into: "maintenance_windows", row: try Self.row(window))
    }

    func update(_ window: MaintenanceWindow, expectedVersion: Int) async throws {
        try await store.replace(
            "maintenance_windows", id: window.id.rawValue, row: try Self.row(window), expectedVersion: expectedVersion)
    }

    func find(maintenanceID: MaintenanceWindow.ID) async throws -> MaintenanceWindow? {
        try await store.document("maintenance_windows", where: "id", maintenanceID.rawValue)
    }

    func find(maintenanceNumber: Int) async throws -> MaintenanceWindow? {
        try await store.document("maintenance_windows", where: "number", Int64(maintenanceNumber))
    }

    func maintenance(overlapping period: DateInterval) async throws -> [MaintenanceWindow] {
        try await store.documents(
            sql.select().column("document").from("maintenance_windows")
                .where("starts_at", .lessThan, period.end.timeIntervalSince1970)
                .where("ends_at", .greaterThan, period.start.timeIntervalSince1970)
                .orderBy("starts_at").orderBy("number"))
    }

    func recordAlert(key: String, at instant: Date) async throws -> Bool {
        // ON CONFLICT DO NOTHING: a second server sending the same warning learns it was sent without aborting its
        // transaction.
        let rows = try await sql.raw(
            """
            INSERT INTO service_level_alerts (key, sent_at) VALUES (\(bind: key), \(bind: instant.timeIntervalSince1970))
            ON CONFLICT (key) DO NOTHING RETURNING key
            """
        ).all()
        return !rows.isEmpty
    }

    private static func row(_ outage: Outage) throws -> [ColumnValue] {
        [
            ("id", outage.id.rawValue), ("number", Int64(outage.number)), ("component", outage.component),
            ("started_at", outage.startedAt.timeIntervalSince1970),
            ("ended_at", outage.endedAt?.timeIntervalSince1970), ("alert_key", outage.alertKey),
            ("document", try SQLDocuments.json(outage)), ("version", outage.version),
            ("updated_at", outage.updatedAt.timeIntervalSince1970),
        ]
    }

    private static func row(_ window: MaintenanceWindow) throws -> [ColumnValue] {
        [
            ("id", window.id.rawValue), ("number", Int64(window.number)),
            ("starts_at", window.startsAt.timeIntervalSince1970), ("ends_at", window.endsAt.timeIntervalSince1970),
            ("document", try SQLDocuments.json(window)), ("version", window.version),
            ("updated_at", window.updatedAt.timeIntervalSince1970),
        ]
    }
}
