import FluentKit
import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import SQLKit

/// Incidents in the SQL database: one row per incident, its timeline in `incident_events`.
struct FluentIncidentRepository: IncidentRepository {
    let database: any Database

    func nextReference() async throws -> IncidentReference {
        let sql = database as! any SQLDatabase
        let row = try await sql.raw("UPDATE sequences SET value = value + 1 WHERE name = 'incident' RETURNING value")
            .first()
        guard let value = try row?.decode(column: "value", as: Int.self),
            let reference = IncidentReference(number: value)
        else { throw StoredDataError.unreadable(table: "sequences", id: nil) }
        return reference
    }

    func create(_ incident: Incident, schedule: IncidentSchedule, events: [IncidentEvent]) async throws {
        let record = IncidentRecord()
        try IncidentRecordMapping.fill(record, from: incident, schedule: schedule)
        try await translatingConstraintFailures("An incident with this reference already exists.") {
            try await record.create(on: database)
        }
        try await insert(events, firstOrdinal: 0)
    }

    func update(_ incident: Incident, expectedVersion: Int, schedule: IncidentSchedule, events: [IncidentEvent])
        async throws
    {
        // Checking and bumping the version in one statement takes the row's write lock, so two writers that
        // read the same version cannot both succeed.
        let sql = database as! any SQLDatabase
        let claimed = try await sql.raw(
            """
            UPDATE incidents SET version = \(bind: incident.version)
            WHERE id = \(bind: incident.id.rawValue) AND version = \(bind: expectedVersion) RETURNING id
            """
        ).all()
        guard !claimed.isEmpty, let record = try await IncidentRecord.find(incident.id.rawValue, on: database) else {
            throw RepositoryError.staleVersion
        }
        try IncidentRecordMapping.fill(record, from: incident, schedule: schedule)
        try await record.update(on: database)
        try await append(events)
    }

    func append(_ events: [IncidentEvent]) async throws {
        guard let first = events.first else { return }
        let existing = try await IncidentEventRecord.query(on: database).filter(
            \.$incidentID == first.incidentID.rawValue
        )
        .count()
        try await insert(events, firstOrdinal: existing)
    }

    /// Stores events with consecutive ordinals; a new incident's start at 0 without counting.
    private func insert(_ events: [IncidentEvent], firstOrdinal: Int) async throws {
        for (index, event) in events.enumerated() {
            let record = IncidentEventRecord()
            try IncidentRecordMapping.fill(record, from: event, ordinal: Int64(firstOrdinal + index))
            try await record.create(on: database)
        }
    }

    func find(id: Incident.ID) async throws -> Incident? {
        try await IncidentRecord.find(id.rawValue, on: database).map(IncidentRecordMapping.incident(from:))
    }

    func find(reference: IncidentReference) async throws -> Incident? {
        try await IncidentRecord.query(on: database).filter(\.$number == Int64(reference.number)).first()
            .map(IncidentRecordMapping.incident(from:))
    }

    func list(_ query: IncidentQuery) async throws -> IncidentPage {
        // SQLKit rather than a Fluent query: hydrating 51 models through Fluent's property wrappers cost more
        // CPU than everything else in the request. Same filters, order and index use as before.
        let sql = database as! any SQLDatabase
        var select = sql.select().column(SQLLiteral.all).from(IncidentRecord.schema)
        if let partnerID = query.partnerID { select = select.where("partner_id", .equal, partnerID.rawValue) }
        if !query.statuses.isEmpty { select = select.where("status", .in, query.statuses.map(\.rawValue)) }
        if !query.severities.isEmpty { select = select.where("severity", .in, query.severities.map(\.level)) }
        let now = Int64(query.now.timeIntervalSince1970)
        switch query.breached {
        case true?: select = select.where("breach_at", .lessThan, now)
        case false?:
            select = select.where(group: {
                $0.where("breach_at", .is, SQLLiteral.null).orWhere("breach_at", .greaterThanOrEqual, now)
            })
        case nil: break
        }
        if let dueBefore = query.dueBefore {
            select = select.where("sort_due", .lessThan, Int64(dueBefore.timeIntervalSince1970))
        }
        if let text = query.text?.trimmingCharacters(in: .whitespaces).lowercased(), !text.isEmpty {
            for word in text.split(separator: " ") { select = select.where("search_text", .like, "%\(word)%") }
        }
        switch query.sort {
        case .due:
            if let after = query.after {
                let key = after.key ?? IncidentRecordMapping.noDue
                select = select.where(group: {
                    $0.where("sort_due", .greaterThan, key).orWhere(group: {
                        $0.where("sort_due", .equal, key).where("number", .greaterThan, Int64(after.number))
                    })
                })
            }
            select = select.orderBy("sort_due").orderBy("number")
        case .newest:
            if let after = query.after { select = select.where("number", .lessThan, Int64(after.number)) }
            select = select.orderBy("number", .descending)
        }
        let rows = try await select.limit(query.limit + 1).all()
        let records = try rows.map(IncidentRecordMapping.record(from:))
        let page = records.prefix(query.limit)
        var next: IncidentCursor?
        if records.count > query.limit, let last = page.last {
            next = IncidentCursor(key: query.sort == .due ? last.sortDue : nil, number: Int(last.number))
        }
        return IncidentPage(incidents: try page.map(IncidentRecordMapping.incident(from:)), next: next)
    }

    func events(of incident: Incident.ID, includeInternal: Bool) async throws -> [IncidentEvent] {
        var query = IncidentEventRecord.query(on: database).filter(\.$incidentID == incident.rawValue)
        if !includeInternal { query = query.filter(\.$visibility == IncidentEvent.Visibility.public.rawValue) }
        return try await query.sort(\.$ordinal).all().map(IncidentRecordMapping.event(from:))
    }
}
