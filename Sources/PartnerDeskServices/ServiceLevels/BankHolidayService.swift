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
        let (moved, replayed) = try await replay(
            from: before, changes: preview.changes, import: entry.number, at: now, by: principal)
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

    /// Clocks replayed, and written, per transaction: each commit waits for the disk, and a larger page holds
    /// other writers back for longer (on a million-incident SQLite store a page of 2,000 running clocks, about
    /// 1,000 of them moved, is read, worked out and written in a fifth of a second).
    static let replayPage = 2_000

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
        from before: [String: BusinessCalendar], changes: [BankHolidayImport.Change], import number: Int,
        at now: Date, by principal: Principal?
    ) async throws -> ([MovedClock], Int) {
        let repositories = store.repositories
        let partners = Dictionary(
            try await repositories.partners.list().map { ($0.id, $0.tierID) }, uniquingKeysWith: { first, _ in first })
        var moved: [MovedClock] = []
        var replayed = 0
        var after = 0
        while true {
            let page = try await repositories.incidents.running(after: after, limit: Self.replayPage)
            guard let last = page.last else { break }
            after = last.reference.number
            replayed += page.count
            var changed: [(ScheduleMove, MovedClock)] = []
            for running in page where running.clock.phase != .notStarted {
                let tierID = partners[running.partnerID] ?? ServiceLevelTier.silver.id
                let calendar = catalog.calendar(tierID)
                let replay = running.clock.replay(at: now, from: before[tierID] ?? calendar, to: calendar)
                let from = replay.before.due ?? replay.before.projectedDue
                let to = replay.after.due ?? replay.after.projectedDue
                guard from != to else { continue }
                let move = MovedClock(
                    incidentID: running.incidentID, reference: running.reference.description, from: from, to: to,
                    because: Self.reasons(
                        changes, since: running.clock.events.first?.at, dues: [from, to], calendar: calendar))
                let event = IncidentEvent(
                    id: .init(ids.make()), incidentID: running.incidentID, at: now, kind: .comment,
                    visibility: .public, actorName: principal?.displayName ?? Self.operator,
                    actorRole: principal?.role ?? .administrator, note: Self.note(move))
                let schedule = IncidentService.schedule(
                    replay.after, at: now, running: running.clock.phase == .running)
                changed.append(
                    (
                        ScheduleMove(
                            incidentID: running.incidentID, expectedVersion: running.version, schedule: schedule,
                            event: event), move
                    ))
            }
            moved += try await record(changed, import: number, at: now, by: principal)
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

    /// Writes a page of moved clocks in one transaction: each incident's new schedule with its public timeline
    /// entry, and one audit entry naming every incident moved with its due time before and after.
    private func record(
        _ changed: [(ScheduleMove, MovedClock)], import number: Int, at now: Date, by principal: Principal?
    ) async throws -> [MovedClock] {
        guard !changed.isEmpty else { return [] }
        let audit = self.audit
        return try await store.transaction { repositories in
            // Written only if unchanged since the page was read: a change since then wins, and its own schedule
            // already follows the new calendars.
            let written = try await repositories.incidents.reschedule(changed.map(\.0), at: now)
            let recorded = changed.map(\.1).filter { written.contains($0.incidentID) }
            guard !recorded.isEmpty else { return [] }
            try await audit.append(
                AuditRecord(
                    principal: principal, action: "incident.replayed", outcome: .succeeded,
                    target: "bank holidays import \(number)"
                ).about(
                    AuditSubject(kind: "bank_holiday_import", id: "\(number)"),
                    changes: recorded.map {
                        FieldChange(
                            field: "\($0.reference) resolution due",
                            before: $0.from.map(NotificationComposer.londonTime),
                            after: $0.to.map(NotificationComposer.londonTime))
                    }, reason: "Bank holidays were updated"),
                in: repositories)
            return recorded
        }
    }

    /// The timeline entry of a moved clock, in the partner's words.
    static func note(_ move: MovedClock) -> String {
        let words = move.to.map { "now falls due \(NotificationComposer.londonTime($0))" } ?? "has no due time now"
        return "Bank holidays were updated, so the resolution target " + words
            + (move.from.map { " instead of \(NotificationComposer.londonTime($0))" } ?? "") + "."
            + (move.because.isEmpty ? "" : " " + move.because.joined(separator: "; ") + ".")
    }
}
