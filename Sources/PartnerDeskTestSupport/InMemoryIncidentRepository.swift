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

    func append(_ events: [IncidentEvent]) async throws {
        try box.write { $0.incidentEvents += events }
    }

    func find(id: Incident.ID) async throws -> Incident? { box.read().incidents[id]?.incident }

    func find(reference: IncidentReference) async throws -> Incident? {
        box.read().incidents.values.first { $0.incident.reference == reference }?.incident
    }

    func list(_ query: IncidentQuery) async throws -> IncidentPage {
        let noDue = Int64.max
        func due(_ schedule: IncidentSchedule) -> Int64 {
            schedule.dueAt.map { Int64($0.timeIntervalSince1970.rounded(.up)) } ?? noDue
        }
        let words = query.text?.lowercased().split(separator: " ").map(String.init) ?? []
        var rows = box.read().incidents.values.filter { incident, schedule in
            if let partnerID = query.partnerID, incident.partnerID != partnerID { return false }
            if !query.statuses.isEmpty, !query.statuses.contains(incident.status) { return false }
            if !query.severities.isEmpty, !(incident.severity.map(query.severities.contains) ?? false) { return false }
            if let breached = query.breached, breached != (schedule.breachAt.map { $0 < query.now } ?? false) {
                return false
            }
            if let dueBefore = query.dueBefore, !(schedule.dueAt.map { $0 < dueBefore } ?? false) { return false }
            let haystack =
                ([incident.reference.description, incident.report.errorType, incident.report.description]
                + incident.report.errorCodes + [incident.report.partnerReference ?? ""]).joined(separator: " ")
                .lowercased()
            return words.allSatisfy(haystack.contains)
        }
        switch query.sort {
        case .due:
            rows.sort {
                (due($0.schedule), $0.incident.reference.number) < (due($1.schedule), $1.incident.reference.number)
            }
            if let after = query.after {
                let key = after.key ?? noDue
                rows = rows.filter { (due($0.schedule), $0.incident.reference.number) > (key, after.number) }
            }
        case .newest:
            rows.sort { $0.incident.reference.number > $1.incident.reference.number }
            if let after = query.after { rows = rows.filter { $0.incident.reference.number < after.number } }
        }
        let page = rows.prefix(query.limit)
        var next: IncidentCursor?
        if rows.count > query.limit, let last = page.last {
            let key = due(last.schedule)
            next = IncidentCursor(
                key: query.sort == .due ? (key == noDue ? nil : key) : nil, number: last.incident.reference.number)
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

struct InMemoryTokenRepository: TokenRepository {
    let box: StateBox

    func create(_ token: APIToken, secretHash: String) async throws {
        try box.write { state in
            guard !state.tokens.values.contains(where: { $0.hash == secretHash }) else {
                throw RepositoryError.conflict("A token with this secret already exists.")
            }
            state.tokens[token.id] = (token, secretHash)
        }
    }

    func find(secretHash: String) async throws -> APIToken? {
        box.read().tokens.values.first { $0.hash == secretHash }?.token
    }

    func find(id: APIToken.ID) async throws -> APIToken? { box.read().tokens[id]?.token }

    func list(partnerID: Partner.ID?) async throws -> [APIToken] {
        box.read().tokens.values.map(\.token).filter { partnerID == nil || $0.partnerID == partnerID }
            .sorted { $0.createdAt > $1.createdAt }
    }

    func revoke(_ id: APIToken.ID, at instant: Date) async throws {
        try box.write { state in
            if state.tokens[id]?.token.revokedAt == nil { state.tokens[id]?.token.revokedAt = instant }
        }
    }

    func touch(_ id: APIToken.ID, at instant: Date) async throws {
        try box.write { $0.tokens[id]?.token.lastUsedAt = instant }
    }
}

struct InMemoryIdempotencyRepository: IdempotencyRepository {
    let box: StateBox

    func find(scope: String, key: String) async throws -> (fingerprint: String, response: StoredResponse)? {
        box.read().idempotency["\(scope)\u{0}\(key)"]
    }

    func save(_ request: IdempotencyRequest, response: StoredResponse, at instant: Date) async throws {
        try box.write { state in
            let id = "\(request.scope)\u{0}\(request.key)"
            guard state.idempotency[id] == nil else {
                throw RepositoryError.conflict("This idempotency key was already used.")
            }
            state.idempotency[id] = (request.fingerprint, response)
        }
    }
}

struct InMemoryAuditRepository: AuditRepository {
    let box: StateBox

    func reserveNext() async throws -> (sequence: Int, previousHash: String?) {
        var next = 0
        var previous: String?
        try box.write { state in
            state.auditSequence += 1
            next = state.auditSequence
            previous = state.audit.first { $0.sequence == next - 1 }?.hash
        }
        return (next, previous)
    }

    func hash(of sequence: Int) async throws -> String? {
        box.read().audit.first { $0.sequence == sequence }?.hash
    }

    func head() async throws -> (sequence: Int, hash: String)? {
        box.read().audit.max { $0.sequence < $1.sequence }.map { ($0.sequence, $0.hash) }
    }

    func append(_ entry: AuditEntry) async throws {
        try box.write { $0.audit.append(entry) }
    }

    func list(_ query: AuditQuery) async throws -> [AuditEntry] {
        box.read().audit.filter { entry in
            (query.partnerID == nil || entry.partnerID == query.partnerID)
                && (query.action.map { $0 == entry.action } ?? true)
                && (query.outcome.map { $0 == entry.outcome } ?? true)
                && (query.subject.map { $0 == entry.subject } ?? true)
                && (query.before.map { entry.sequence < $0 } ?? true)
        }.sorted { $0.sequence > $1.sequence }.prefix(query.limit).map { $0 }
    }

    func chain(from sequence: Int, limit: Int) async throws -> [AuditEntry] {
        Array(box.read().audit.filter { $0.sequence >= sequence }.sorted { $0.sequence < $1.sequence }.prefix(limit))
    }
}

struct InMemoryAttachmentRepository: AttachmentRepository {
    let box: StateBox

    func create(_ attachment: Attachment) async throws { try box.write { $0.attachments.append(attachment) } }

    func list(incidentID: Incident.ID) async throws -> [Attachment] {
        box.read().attachments.filter { $0.incidentID == incidentID }
    }

    func find(id: Attachment.ID) async throws -> Attachment? { box.read().attachments.first { $0.id == id } }
}

struct InMemoryBlobRepository: BlobRepository {
    let box: StateBox

    func put(_ data: Data, contentHash: String) async throws {
        try box.write { state in
            if state.blobs[contentHash] == nil { state.blobs[contentHash] = data }
        }
    }

    func get(_ contentHash: String) async throws -> Data? { box.read().blobs[contentHash] }
}

struct InMemorySessionRepository: SessionRepository {
    let box: StateBox

    func create(_ session: SignInSession) async throws { try box.write { $0.sessions[session.secretHash] = session } }

    func find(secretHash: String) async throws -> SignInSession? { box.read().sessions[secretHash] }

    func touch(secretHash: String, at instant: Date) async throws {
        try box.write { $0.sessions[secretHash]?.lastSeenAt = instant }
    }

    func revoke(secretHash: String, at instant: Date) async throws {
        try box.write { $0.sessions[secretHash]?.revokedAt = instant }
    }

    func confirmSecondFactor(secretHash: String) async throws {
        try box.write { $0.sessions[secretHash]?.awaitingSecondFactor = false }
    }

    func revokeAll(userID: User.ID, at instant: Date) async throws {
        try box.write { state in
            for (hash, session) in state.sessions where session.userID == userID && session.revokedAt == nil {
                state.sessions[hash]?.revokedAt = instant
            }
        }
    }

    func recordFailure(key: String, at instant: Date) async throws {
        try box.write { $0.failures.append((key, instant)) }
    }

    func failures(key: String, since instant: Date) async throws -> [Date] {
        box.read().failures.filter { $0.key == key && $0.at > instant }.map(\.at)
    }

    func recordKnownAddress(account: String, address: String, at instant: Date) async throws {
        try box.write { $0.knownAddresses["\(account)|\(address)"] = instant }
    }

    func isKnownAddress(account: String, address: String, since instant: Date) async throws -> Bool {
        box.read().knownAddresses["\(account)|\(address)"].map { $0 > instant } ?? false
    }

    func create(_ link: OneTimeLink) async throws { try box.write { $0.links[link.secretHash] = link } }

    func findLink(secretHash: String) async throws -> OneTimeLink? { box.read().links[secretHash] }

    func markUsed(secretHash: String, at instant: Date) async throws {
        try box.write { $0.links[secretHash]?.usedAt = instant }
    }
}
