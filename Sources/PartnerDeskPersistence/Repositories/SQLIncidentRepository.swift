import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import SQLKit

/// Incidents in the SQL database (through SQLKit, see ``IncidentRows``): one row per incident, its timeline in
/// `incident_events`.
struct SQLIncidentRepository: IncidentRepository {
    let sql: any SQLDatabase

    func nextReference() async throws -> IncidentReference {
        let row = try await sql.raw("UPDATE sequences SET value = value + 1 WHERE name = 'incident' RETURNING value")
            .first()
        guard let value = try row?.decode(column: "value", as: Int.self),
            let reference = IncidentReference(number: value)
        else { throw StoredDataError.unreadable(table: "sequences", id: nil) }
        return reference
    }

    func create(_ incident: Incident, schedule: IncidentSchedule, events: [IncidentEvent]) async throws {
        let columns = try IncidentRows.columns(incident, schedule: schedule)
        try await translatingConstraintFailures("An incident with this reference already exists.") {
            try await sql.insert(into: IncidentRows.incidents, row: columns)
        }
        try await insert(events, firstOrdinal: 0)
    }

    func update(_ incident: Incident, expectedVersion: Int, schedule: IncidentSchedule, events: [IncidentEvent])
        async throws
    {
        // Checking the version and writing the row in one statement takes the row's write lock, so two writers
        // that read the same version cannot both succeed.
        var update = sql.update(IncidentRows.incidents)
        for (column, value) in try IncidentRows.columns(incident, schedule: schedule).dropFirst() {
            update = update.set(quotedColumn(column), to: SQLBind(value))
        }
        let claimed = try await update.where("id", .equal, incident.id.rawValue)
            .where("version", .equal, expectedVersion).returning("id").all()
        guard !claimed.isEmpty else { throw RepositoryError.staleVersion }
        try await append(events)
    }

    func reschedule(_ moves: [ScheduleMove], at instant: Date) async throws -> Set<Incident.ID> {
        var written: Set<Incident.ID> = []
        // A thousand moves bind 13,000 values in the timeline insert, within SQLite's and PostgreSQL's limits.
        for start in stride(from: 0, to: moves.count, by: 1_000) {
            let chunk = moves[start..<min(start + 1_000, moves.count)]
            let claimed = try await claim(chunk, at: instant)
            written.formUnion(claimed)
            try await appendAll(chunk.filter { claimed.contains($0.incidentID) }.map(\.event))
        }
        return written
    }

    /// Writes the schedules of the moves whose incident is still at the expected version, in one statement;
    /// returns those incidents. The version check and the write are one statement, as in `update`.
    private func claim(_ moves: ArraySlice<ScheduleMove>, at instant: Date) async throws -> Set<Incident.ID> {
        guard !moves.isEmpty else { return [] }
        // A VALUES list's columns are called column1, column2, … by SQLite and PostgreSQL alike. The casts give
        // PostgreSQL a type for a column whose every value is NULL.
        let rows: [SQLQueryString] = moves.map { move in
            let schedule = move.schedule
            return
                "(\(bind: move.incidentID.rawValue), \(bind: move.expectedVersion), \(bind: IncidentListing.dueKey(schedule.dueAt)), \(bind: schedule.breachAt.map(IncidentRows.epochSeconds)), \(bind: schedule.nextEscalationAt.map(IncidentRows.epochSeconds)))"
        }
        let table = IncidentRows.incidents
        let statement: SQLQueryString = """
            UPDATE \(ident: table) SET "version" = \(ident: table)."version" + 1, "updated_at" = \(bind: instant),
              "sort_due" = CAST(moved.column3 AS BIGINT), "breach_at" = CAST(moved.column4 AS BIGINT),
              "next_escalation_at" = CAST(moved.column5 AS BIGINT)
            FROM (VALUES \(rows.joined(separator: ", "))) AS moved
            WHERE \(ident: table)."id" = moved.column1 AND \(ident: table)."version" = moved.column2
            RETURNING \(ident: table)."id"
            """
        return Set(try await sql.storedRows(sql.raw(statement)).map { Incident.ID(try $0.uuid("id")) })
    }

    /// Appends events to several incidents' timelines: their lengths in one query, the events in one statement.
    private func appendAll(_ events: [IncidentEvent]) async throws {
        guard !events.isEmpty else { return }
        let counted = try await sql.storedRows(
            sql.select().column("incident_id").column(SQLFunction("count", args: SQLLiteral.all), as: "events")
                .from(IncidentRows.events).where("incident_id", .in, events.map(\.incidentID.rawValue))
                .groupBy("incident_id"))
        var lengths = Dictionary(
            try counted.map { (try $0.uuid("incident_id"), try $0.integer("events")) }, uniquingKeysWith: +)
        var insert = sql.insert(into: IncidentRows.events)
        for (index, event) in events.enumerated() {
            let ordinal = lengths[event.incidentID.rawValue, default: 0]
            lengths[event.incidentID.rawValue] = ordinal + 1
            let row = try IncidentRows.columns(event, ordinal: Int64(ordinal))
            if index == 0 { insert = insert.columns(row.map { quotedColumn($0.0) }) }
            insert = insert.values(row.map { SQLBind($0.1) })
        }
        try await insert.run()
    }

    func append(_ events: [IncidentEvent]) async throws {
        guard let first = events.first else { return }
        let row = try await sql.select().column(SQLFunction("count", args: SQLLiteral.all), as: "events")
            .from(IncidentRows.events).where("incident_id", .equal, first.incidentID.rawValue).first()
        try await insert(events, firstOrdinal: try row?.decode(column: "events", as: Int.self) ?? 0)
    }

    /// Stores events with consecutive ordinals; a new incident's start at 0 without counting.
    private func insert(_ events: [IncidentEvent], firstOrdinal: Int) async throws {
        for (index, event) in events.enumerated() {
            let columns = try IncidentRows.columns(event, ordinal: Int64(firstOrdinal + index))
            try await sql.insert(into: IncidentRows.events, row: columns)
        }
    }

    func find(id: Incident.ID) async throws -> Incident? {
        try await incidents(sql.selectAll(from: IncidentRows.incidents).where("id", .equal, id.rawValue)).first
    }

    func find(reference: IncidentReference) async throws -> Incident? {
        try await incidents(
            sql.selectAll(from: IncidentRows.incidents).where("number", .equal, Int64(reference.number))
        ).first
    }

    /// The incidents a `SELECT *` on `incidents` finds.
    private func incidents(_ select: SQLSelectBuilder) async throws -> [Incident] {
        try await sql.storedRows(select).map(IncidentRows.incident(from:))
    }

    func list(_ query: IncidentQuery) async throws -> IncidentPage {
        var select = sql.selectAll(from: IncidentRows.incidents)
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
            select = select.where("sort_due", .lessThan, IncidentListing.dueBeforeKey(dueBefore))
        }
        for word in IncidentListing.searchWords(query.text) {
            // A word is found as written: `%` and `_` in it are not wildcards (as in the in-memory store).
            let literal = word.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            select = select.where("\(ident: "search_text") LIKE \(bind: "%\(literal)%") ESCAPE '\\'" as SQLQueryString)
        }
        switch query.sort {
        case .due:
            if let after = query.after {
                let key = after.key ?? IncidentListing.noDue
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
        let rows = try await sql.storedRows(select.limit(query.limit + 1))
        var next: IncidentCursor?
        if rows.count > query.limit, let last = rows.prefix(query.limit).last {
            next = IncidentCursor(
                key: query.sort == .due ? Int64(try last.integer("sort_due")) : nil, number: try last.integer("number"))
        }
        return IncidentPage(incidents: try rows.prefix(query.limit).map(IncidentRows.incident(from:)), next: next)
    }

    func linked(toProblem reference: String) async throws -> [Incident] {
        try await incidents(
            sql.selectAll(from: IncidentRows.incidents).where("linked_problem", .equal, reference).orderBy("number"))
    }

    func active(during period: DateInterval, partnerID: Partner.ID?) async throws -> [Incident] {
        var select = sql.selectAll(from: IncidentRows.incidents)
        if let partnerID { select = select.where("partner_id", .equal, partnerID.rawValue) }
        return try await incidents(
            select.where("active_until", .greaterThanOrEqual, Int64(period.start.timeIntervalSince1970.rounded(.down)))
                .where("raised_at", .lessThan, period.end).orderBy("number"))
    }

    func running(after number: Int, limit: Int) async throws -> [RunningClock] {
        let rows = try await sql.storedRows(
            sql.select().columns("id", "number", "partner_id", "version", "clock_events").from(IncidentRows.incidents)
                .where("active_until", .equal, IncidentListing.noDue).where("number", .greaterThan, Int64(number))
                .orderBy("number").limit(limit))
        return try rows.map(IncidentRows.runningClock(from:))
    }

    func dueForEscalation(at instant: Date, limit: Int) async throws -> [Incident] {
        try await incidents(
            sql.selectAll(from: IncidentRows.incidents)
                .where("next_escalation_at", .lessThanOrEqual, Int64(instant.timeIntervalSince1970.rounded(.down)))
                .orderBy("next_escalation_at").limit(limit))
    }

    func setNextEscalation(_ id: Incident.ID, at instant: Date?) async throws {
        try await sql.update(IncidentRows.incidents)
            .set("next_escalation_at", to: SQLBind(instant.map(IncidentRows.epochSeconds)))
            .where("id", .equal, id.rawValue).run()
    }

    func events(of incident: Incident.ID, includeInternal: Bool) async throws -> [IncidentEvent] {
        var select = sql.selectAll(from: IncidentRows.events)
            .where("incident_id", .equal, incident.rawValue)
        if !includeInternal { select = select.where("visibility", .equal, IncidentEvent.Visibility.public.rawValue) }
        return try await sql.storedRows(select.orderBy("ordinal")).map(IncidentRows.event(from:))
    }
}
