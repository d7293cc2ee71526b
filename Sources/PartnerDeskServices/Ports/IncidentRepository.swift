import Foundation
import PartnerDeskDomain

/// What to list: filters, an order and a page.
public struct IncidentQuery: Hashable, Sendable {
    /// Only this partner's incidents (always set for partner callers).
    public var partnerID: Partner.ID?
    public var statuses: Set<IncidentStatus> = []
    public var severities: Set<Severity> = []
    /// Only incidents whose target was missed (`true`) or not (`false`) as of ``now``.
    public var breached: Bool?
    /// Only incidents due before this instant.
    public var dueBefore: Date?
    /// Words to find in the reference, description, error type, error codes or partner reference.
    public var text: String?
    public var sort: IncidentSort = .due
    /// Page size, 1–100.
    public var limit: Int = 50
    /// Where the previous page ended.
    public var after: IncidentCursor?
    /// The instant the breach filter is evaluated at.
    public var now: Date

    public init(now: Date) {
        self.now = now
    }
}

/// Orders for incident lists.
public enum IncidentSort: String, CaseIterable, Hashable, Sendable {
    /// Soonest due first; incidents without a due instant after them, oldest first (a queue).
    case due = "due"
    /// Newest first.
    case newest = "newest"
}

/// An opaque position in an incident list, for keyset pagination.
public struct IncidentCursor: Hashable, Sendable {
    /// The sort key of the last item (due instant or raised instant, in seconds), `nil` for "no due".
    public var key: Int64?
    /// The reference number of the last item, breaking ties.
    public var number: Int

    public init(key: Int64?, number: Int) {
        self.key = key
        self.number = number
    }
}

/// One page of incidents and where the next one starts.
public struct IncidentPage: Sendable {
    public var incidents: [Incident]
    public var next: IncidentCursor?

    public init(incidents: [Incident], next: IncidentCursor?) {
        self.incidents = incidents
        self.next = next
    }
}

/// Stores incidents, their timelines and their reference sequence.
public protocol IncidentRepository: Sendable {
    /// The next reference number, never handed out twice.
    func nextReference() async throws -> IncidentReference
    /// Stores a new incident with its first timeline events. `schedule` carries the clock's due and breach
    /// instants so lists can filter and sort without replaying every clock.
    func create(_ incident: Incident, schedule: IncidentSchedule, events: [IncidentEvent]) async throws
    /// Replaces a stored incident when its stored version is still `expectedVersion`; otherwise throws
    /// ``RepositoryError/staleVersion``.
    func update(_ incident: Incident, expectedVersion: Int, schedule: IncidentSchedule, events: [IncidentEvent])
        async throws
    /// Moves many incidents' schedules at once, as replaying clocks after a bank-holiday import does: each
    /// incident still stored at its move's `expectedVersion` takes the new schedule, its next version,
    /// `instant` as its update time and the move's timeline entry; the others are left as they are (a change
    /// made since the incident was read wins). Returns the incidents written.
    func reschedule(_ moves: [ScheduleMove], at instant: Date) async throws -> Set<Incident.ID>
    /// Appends timeline events without changing the incident (comments).
    func append(_ events: [IncidentEvent]) async throws
    func find(id: Incident.ID) async throws -> Incident?
    func find(reference: IncidentReference) async throws -> Incident?
    func list(_ query: IncidentQuery) async throws -> IncidentPage
    /// Every incident linked to the problem with this reference, oldest first.
    func linked(toProblem reference: String) async throws -> [Incident]
    /// The incidents a month's report reads: raised before `period` ended and not stopped before it began
    /// (see ``IncidentListing/activeUntilKey(_:)``), one partner's or every partner's, in reference order.
    func active(during period: DateInterval, partnerID: Partner.ID?) async throws -> [Incident]
    /// The clocks that have not stopped (see ``IncidentListing/activeUntilKey(_:)``), in reference order after
    /// the reference number `after`, at most `limit`: a page of what an import of bank holidays replays.
    func running(after number: Int, limit: Int) async throws -> [RunningClock]
    /// The timeline, oldest first; internal events only when asked for.
    func events(of incident: Incident.ID, includeInternal: Bool) async throws -> [IncidentEvent]
    /// Incidents whose next SLA escalation instant (see ``IncidentSchedule/nextEscalationAt``) has come, earliest
    /// first.
    func dueForEscalation(at instant: Date, limit: Int) async throws -> [Incident]
    /// Moves an incident's next escalation instant without changing the incident (derived data, no version).
    func setNextEscalation(_ id: Incident.ID, at instant: Date?) async throws
}

/// The instants lists need from an incident's clock, computed by the use case when it stores a change.
public struct IncidentSchedule: Hashable, Sendable {
    /// When the target runs out (projected from now while paused); `nil` before the clock starts.
    public var dueAt: Date?
    /// From when the incident counts as breached if nothing else happens; `nil` when it cannot breach now.
    public var breachAt: Date?
    /// When the next warning threshold or the breach is reached while the clock keeps running; `nil` when the
    /// clock is not running or every threshold has passed.
    public var nextEscalationAt: Date?

    public init(dueAt: Date?, breachAt: Date?, nextEscalationAt: Date? = nil) {
        self.dueAt = dueAt
        self.breachAt = breachAt
        self.nextEscalationAt = nextEscalationAt
    }
}

/// An incident's schedule moved because its calendar changed, with the timeline entry saying so (see
/// ``IncidentRepository/reschedule(_:at:)``).
public struct ScheduleMove: Hashable, Sendable {
    public var incidentID: Incident.ID
    /// The version the incident was read at: it is written only if it is still stored at this one.
    public var expectedVersion: Int
    public var schedule: IncidentSchedule
    public var event: IncidentEvent

    public init(incidentID: Incident.ID, expectedVersion: Int, schedule: IncidentSchedule, event: IncidentEvent) {
        self.incidentID = incidentID
        self.expectedVersion = expectedVersion
        self.schedule = schedule
        self.event = event
    }
}

/// What replaying an incident's clock under new calendars needs of the incident, and no more.
public struct RunningClock: Hashable, Sendable {
    public var incidentID: Incident.ID
    public var reference: IncidentReference
    public var partnerID: Partner.ID
    public var version: Int
    public var clock: SLAClock

    public init(
        incidentID: Incident.ID, reference: IncidentReference, partnerID: Partner.ID, version: Int, clock: SLAClock
    ) {
        self.incidentID = incidentID
        self.reference = reference
        self.partnerID = partnerID
        self.version = version
        self.clock = clock
    }
}
