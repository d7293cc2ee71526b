import Foundation
import PartnerDeskDomain

/// An incident whose due instant moved when bank holidays were imported, and why.
public struct MovedClock: Sendable, Hashable {
    public var incidentID: Incident.ID
    public var reference: String
    public var from: Date?
    public var to: Date?
    /// The holiday changes on the dates the clock counted over that moved it.
    public var because: [String]
}

/// What an import did: what it changed in the calendars, and the clocks it moved.
public struct HolidayImportResult: Sendable {
    public var preview: BankHolidayImport
    /// The import's number; nil when it changed nothing and was not stored.
    public var number: Int?
    public var moved: [MovedClock]
    /// Running clocks replayed.
    public var replayed: Int
}

/// Imports bank holidays without a restart: a GOV.UK bank-holidays document is compared with what the calendars
/// use, shown, and on confirmation stored (the newest import is in force on every server from its next round of
/// background jobs); every running clock is then replayed under the new calendars, and each incident whose due
/// instant moved gets a timeline entry saying from when to when, and why.
public struct BankHolidayService: Sendable {
    let store: any UnitOfWork
    let ids: any IDGenerator
    let clock: any Clock
    let catalog: ServiceLevelCatalog
    let audit: AuditService

    public init(
        store: any UnitOfWork, ids: any IDGenerator, clock: any Clock, catalog: ServiceLevelCatalog,
        audit: AuditService
    ) {
        self.store = store
        self.ids = ids
        self.clock = clock
        self.catalog = catalog
        self.audit = audit
    }

    /// The import in force, if any (its holidays go on top of the configured file's).
    public func current(as principal: Principal) async throws -> StoredHolidayImport? {
        try Authorization.require(principal, .manageBankHolidays)
        return try await store.repositories.bankHolidays.latestImport()
    }

    /// What importing the document would change; nothing is stored. A nil principal is the operator at the
    /// server's command line.
    public func preview(_ document: Data, as principal: Principal?) async throws -> BankHolidayImport {
        if let principal { try Authorization.require(principal, .manageBankHolidays) }
        try await refresh()
        return BankHolidayImport(current: catalog.imported.holidays, incoming: try Self.decode(document))
    }

    /// Takes the document in: stores it when it changes anything, rebuilds the calendars and replays every
    /// running clock. `basedOn` is the import number the preview was made against; another import since
    /// refuses this one (the person looks again).
    public func apply(_ document: Data, basedOn: Int, as principal: Principal?) async throws -> HolidayImportResult {
        if let principal { try Authorization.require(principal, .manageBankHolidays) }
        let incoming = try Self.decode(document)
        try await refresh()
        let (current, version) = catalog.imported
        guard version == basedOn else { throw ServiceError.versionMismatch(currentVersion: version) }
        let preview = BankHolidayImport(current: current, incoming: incoming)
        guard !preview.changesNothing else {
            return HolidayImportResult(preview: preview, number: nil, moved: [], replayed: 0)
        }
        let now = clock.now()
        let entry = StoredHolidayImport(
            number: version + 1, importedAt: now, importedBy: principal?.displayName ?? Self.operator,
            holidays: preview.holidays,
            changes: preview.changes)
        let audit = self.audit
        do {
            try await store.transaction { repositories in
                try await repositories.bankHolidays.record(entry)
                try await audit.append(
                    .change(
                        "calendar.holidays_import", by: principal, from: nil as BankHolidayImport?, to: preview,
                        target: "bank holidays import \(entry.number)"),
                    in: repositories)
            }
        } catch RepositoryError.conflict {
            throw ServiceError.versionMismatch(currentVersion: version + 1)
        }
        let tiers = catalog.tiers
        let before = Dictionary(uniqueKeysWithValues: tiers.map { ($0.id, catalog.calendar($0.id)) })
        try catalog.takeIn(entry.holidays, version: entry.number)
        let (moved, replayed) = try await replay(from: before, changes: preview.changes, at: now, by: principal)
        return HolidayImportResult(preview: preview, number: entry.number, moved: moved, replayed: replayed)
    }

    /// Takes in the newest stored import if this server has not yet (cheap when it has). Run at start-up and
    /// by the background jobs.
    public func refresh() async throws {
        let repositories = store.repositories
        let latest = try await repositories.bankHolidays.latestImportNumber()
        guard latest != catalog.imported.version, let stored = try await repositories.bankHolidays.latestImport()
        else { return }
        try catalog.takeIn(stored.holidays, version: stored.number)
    }

    /// Who imports from the command line.
    static let `operator` = "PartnerDesk operator (command line)"

    private static func decode(_ document: Data) throws -> [Division: [BankHoliday]] {
        do {
            return try GovUKBankHolidayFeed.decode(document)
        } catch {
            throw ValidationFailure([
                .init(
                    field: "file", code: "invalid_format", message: "This is not a GOV.UK bank-holidays list: \(error)."
                )
            ])
        }
    }

    /// Replays every running clock, a page at a time, under the new calendars; records each due instant that
    /// moved on its incident's timeline, with the new due and breach instants for the queue.
    private func replay(
        from before: [String: BusinessCalendar], changes: [BankHolidayImport.Change], at now: Date,
        by principal: Principal?
    ) async throws -> ([MovedClock], Int) {
        let repositories = store.repositories
        let partners = Dictionary(
            try await repositories.partners.list().map { ($0.id, $0.tierID) }, uniquingKeysWith: { first, _ in first })
        var moved: [MovedClock] = []
        var replayed = 0
        var after = 0
        while true {
            let page = try await repositories.incidents.running(after: after, limit: 500)
            guard let last = page.last else { break }
            after = last.reference.number
            replayed += page.count
            var changed: [(Incident, String, MovedClock)] = []
            for incident in page where incident.clock.phase != .notStarted {
                let tierID = partners[incident.partnerID] ?? ServiceLevelTier.silver.id
                let replay = incident.clock.replay(
                    at: now, from: before[tierID] ?? catalog.calendar(tierID), to: catalog.calendar(tierID))
                let from = replay.before.due ?? replay.before.projectedDue
                let to = replay.after.due ?? replay.after.projectedDue
                guard from != to else { continue }
                changed.append(
                    (
                        incident, tierID,
                        MovedClock(
                            incidentID: incident.id, reference: incident.reference.description, from: from, to: to,
                            because: Self.reasons(
                                changes, since: incident.clock.events.first?.at, dues: [from, to],
                                calendar: catalog.calendar(tierID)))
                    ))
            }
            moved += try await record(changed, at: now, by: principal)
        }
        return (moved, replayed)
    }

    /// The changes of the calendar's division on the dates the clock has counted over, from its start to the
    /// later of the two due instants: the ones that moved it.
    static func reasons(
        _ changes: [BankHolidayImport.Change], since start: Date?, dues: [Date?], calendar: BusinessCalendar
    ) -> [String] {
        let mine = changes.filter { $0.division == calendar.holidays.division }
        guard let last = dues.compactMap({ $0 }).max() else { return mine.map(\.sentence) }
        let from = start.map { calendar.localDate(of: $0) }
        let to = calendar.localDate(of: last)
        return mine.filter { change in from.map { change.date >= $0 } ?? true && change.date <= to }.map(\.sentence)
    }

    /// Writes the moved clocks: a public timeline entry each and the new schedule, in one transaction per page.
    private func record(
        _ changed: [(Incident, String, MovedClock)], at now: Date, by principal: Principal?
    ) async throws -> [MovedClock] {
        guard !changed.isEmpty else { return [] }
        let (ids, catalog, audit) = (self.ids, self.catalog, self.audit)
        return try await store.transaction { repositories in
            var recorded: [MovedClock] = []
            for (read, tierID, move) in changed {
                // Written only if unchanged since the page was read: a change since then wins, and its own
                // schedule already follows the new calendars.
                var incident = read
                let expected = incident.version
                incident.version += 1
                incident.updatedAt = now
                let words =
                    move.to.map { "now falls due \(NotificationComposer.londonTime($0))" } ?? "has no due time now"
                let note =
                    "Bank holidays were updated, so the resolution target "
                    + words + (move.from.map { " instead of \(NotificationComposer.londonTime($0))" } ?? "") + "."
                    + (move.because.isEmpty ? "" : " " + move.because.joined(separator: "; ") + ".")
                let event = IncidentEvent(
                    id: .init(ids.make()), incidentID: incident.id, at: now, kind: .comment, visibility: .public,
                    actorName: principal?.displayName ?? Self.operator, actorRole: principal?.role ?? .administrator,
                    note: note)
                do {
                    try await repositories.incidents.update(
                        incident, expectedVersion: expected,
                        schedule: IncidentService.schedule(incident, at: now, catalog: catalog, tierID: tierID),
                        events: [event])
                } catch RepositoryError.staleVersion {
                    continue
                }
                try await audit.append(
                    .change(
                        "incident.replayed", by: principal, from: read, to: incident, reason: note,
                        target: incident.reference.description),
                    in: repositories)
                recorded.append(move)
            }
            return recorded
        }
    }
}
