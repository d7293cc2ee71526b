import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// Incidents in memory, with the same filters, order and pages as the SQL repository.
struct InMemoryIncidentRepository: IncidentRepository {
    let box: StateBox

    func nextReference() async throws -> IncidentReference {
        var number = 0
        try box.write { state in
            state.incidentSequence += 1
            number = state.incidentSequence
        }
        return IncidentReference(number: number)!
    }

    func create(_ incident: Incident, schedule: IncidentSchedule, events: [IncidentEvent]) async throws {
        try box.write { state in
            guard !state.incidents.values.contains(where: { $0.incident.reference == incident.reference }) else {
                throw RepositoryError.conflict("An incident with this reference already exists.")
            }
            state.incidents[incident.id] = (incident, schedule)
            state.incidentEvents += events
        }
    }

    func update(_ incident: Incident, expectedVersion: Int, schedule: IncidentSchedule, events: [IncidentEvent])
        async throws
    {
        try box.write { state in
            guard state.incidents[incident.id]?.incident.version == expectedVersion else {
                throw RepositoryError.staleVersion
            }
            state.incidents[incident.id] = (incident, schedule)
            state.incidentEvents += events
        }
    }

    func reschedule(_ moves: [ScheduleMove], at instant: Date) async throws -> Set<Incident.ID> {
        var written: Set<Incident.ID> = []
        try box.write { state in
            for move in moves {
                guard var stored = state.incidents[move.incidentID], stored.incident.version == move.expectedVersion
                else { continue }
                stored.incident.version += 1
                stored.incident.updatedAt = instant
                stored.schedule = move.schedule
                state.incidents[move.incidentID] = stored
                state.incidentEvents.append(move.event)
                written.insert(move.incidentID)
            }
        }
        return written
    }

    func append(_ events: [IncidentEvent]) async throws {
        try box.write { $0.incidentEvents += events }
    }

    func find(id: Incident.ID) async throws -> Incident? { box.read().incidents[id]?.incident }

    func find(reference: IncidentReference) async throws -> Incident? {
        box.read().incidents.values.first { $0.incident.reference == reference }?.incident
    }

    func list(_ query: IncidentQuery) async throws -> IncidentPage {
        let due = { (schedule: IncidentSchedule) in IncidentListing.dueKey(schedule.dueAt) }
        let words = IncidentListing.searchWords(query.text)
        var rows = box.read().incidents.values.filter { incident, schedule in
            if let partnerID = query.partnerID, incident.partnerID != partnerID { return false }
            if !query.statuses.isEmpty, !query.statuses.contains(incident.status) { return false }
            if !query.severities.isEmpty, !(incident.severity.map(query.severities.contains) ?? false) { return false }
            if let breached = query.breached, breached != (schedule.breachAt.map { $0 < query.now } ?? false) {
                return false
            }
            if let dueBefore = query.dueBefore, due(schedule) >= IncidentListing.dueBeforeKey(dueBefore) {
                return false
            }
            let haystack = IncidentListing.searchText(incident)
            return words.allSatisfy(haystack.contains)
        }
        switch query.sort {
        case .due:
            rows.sort {
                (due($0.schedule), $0.incident.reference.number) < (due($1.schedule), $1.incident.reference.number)
            }
            if let after = query.after {
                let key = after.key ?? IncidentListing.noDue
                rows = rows.filter { (due($0.schedule), $0.incident.reference.number) > (key, after.number) }
            }
        case .newest:
            rows.sort { $0.incident.reference.number > $1.incident.reference.number }
            if let after = query.after { rows = rows.filter { $0.incident.reference.number < after.number } }
        }
        let page = rows.prefix(query.limit)
        var next: IncidentCursor?
        if rows.count > query.limit, let last = page.last {
            next = IncidentCursor(
                key: query.sort == .due ? due(last.schedule) : nil, number: last.incident.reference.number)
        }
        return IncidentPage(incidents: page.map(\.incident), next: next)
    }

    func events(of incident: Incident.ID, includeInternal: Bool) async throws -> [IncidentEvent] {
        box.read().incidentEvents.filter { $0.incidentID == incident && (includeInternal || $0.visibility == .public) }
    }

    func linked(toProblem reference: String) async throws -> [Incident] {
        box.read().incidents.values.map(\.incident).filter { $0.linkedProblem == reference }.sorted {
            $0.reference < $1.reference
        }
    }

    func active(during period: DateInterval, partnerID: Partner.ID?) async throws -> [Incident] {
        let start = Int64(period.start.timeIntervalSince1970.rounded(.down))
        return box.read().incidents.values.map(\.incident).filter {
            (partnerID == nil || $0.partnerID == partnerID) && IncidentListing.activeUntilKey($0) >= start
                && $0.raisedAt < period.end
        }.sorted { $0.reference < $1.reference }
    }

    func running(after number: Int, limit: Int) async throws -> [RunningClock] {
        box.read().incidents.values.map(\.incident).filter {
            IncidentListing.activeUntilKey($0) == IncidentListing.noDue && $0.reference.number > number
        }.sorted { $0.reference < $1.reference }.prefix(limit).map {
            RunningClock(
                incidentID: $0.id, reference: $0.reference, partnerID: $0.partnerID, version: $0.version,
                clock: $0.clock)
        }
    }

    func dueForEscalation(at instant: Date, limit: Int) async throws -> [Incident] {
        box.read().incidents.values.compactMap { entry in
            entry.schedule.nextEscalationAt.flatMap { $0 <= instant ? ($0, entry.incident) : nil }
        }
        .sorted { $0.0 < $1.0 }.prefix(limit).map(\.1)
    }

    func setNextEscalation(_ id: Incident.ID, at instant: Date?) async throws {
        try box.write { state in state.incidents[id]?.schedule.nextEscalationAt = instant }
    }
}
