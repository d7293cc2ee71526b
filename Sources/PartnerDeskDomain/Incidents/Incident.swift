import Foundation

/// An incident raised by a partner, with its place in the process and its resolution clock.
///
/// The clock counts business hours of the partner's service-level tier from the moment the desk receives the
/// incident and assigns its severity; it pauses while the desk awaits the partner and stops when the incident
/// is resolved or linked to a problem. ``apply(_:at:tier:)`` is the only way the status changes.
public struct Incident: Hashable, Sendable, Identifiable {
    public typealias ID = EntityID<Incident>

    /// Which team is working on it.
    public enum Group: String, CaseIterable, Hashable, Sendable, Codable {
        case firstLine = "first_line"
        case devOps = "devops"

        public var label: String {
            switch self {
            case .firstLine: "First Line Service Desk"
            case .devOps: "DevOps"
            }
        }
    }

    public var id: ID
    public var reference: IncidentReference
    public var partnerID: Partner.ID
    public var report: IncidentReport
    public var status: IncidentStatus
    /// The status to return to when the partner answers.
    public var statusBeforeWaiting: IncidentStatus?
    /// The severity the desk assigned; `nil` until received.
    public var severity: Severity?
    public var group: Group
    /// The problem record the incident is linked to, by reference.
    public var linkedProblem: String?
    public var resolution: IncidentResolution?
    /// The resolution clock's ledger.
    public var clock: SLAClock
    public var raisedAt: Date
    /// Who raised it (a person's name or a token's label).
    public var raisedBy: String
    public var updatedAt: Date
    /// Increases with every change; the API's ETag.
    public var version: Int

    /// A newly raised incident, waiting for the First Line Service Desk.
    public init(
        id: ID, reference: IncidentReference, partnerID: Partner.ID, report: IncidentReport, raisedAt: Date,
        raisedBy: String
    ) {
        self.id = id
        self.reference = reference
        self.partnerID = partnerID
        self.report = report
        self.status = .raised
        self.statusBeforeWaiting = nil
        self.severity = nil
        self.group = .firstLine
        self.linkedProblem = nil
        self.resolution = nil
        self.clock = SLAClock()
        self.raisedAt = raisedAt
        self.raisedBy = raisedBy
        self.updatedAt = raisedAt
        self.version = 1
    }

    /// Applies one step of the process; on error nothing changes.
    public mutating func apply(
        _ transition: IncidentTransition, at instant: Date, tier: ServiceLevelTier
    ) throws(IncidentTransitionError) {
        let action = transition.action
        guard action.allowedFrom.contains(status) else { throw .notAllowed(action: action, from: status) }
        var next = self
        do {
            switch transition {
            case .receive(let severity):
                next.severity = severity
                next.status = .received
                try next.clock.start(at: instant, targetSeconds: tier.incidentResolutionSeconds[severity])
            case .forwardToDevOps:
                next.group = .devOps
                next.status = .withDevOps
            case .startInvestigating:
                next.status = .investigating
            case .awaitPartner:
                next.statusBeforeWaiting = status
                next.status = .awaitingPartner
                try next.clock.pause(at: instant, reason: "awaiting information from partner")
            case .provideInformation:
                next.status = statusBeforeWaiting ?? .received
                next.statusBeforeWaiting = nil
                try next.clock.resume(at: instant)
            case .resolve(let resolution):
                next.resolution = resolution
                next.status = .resolved
                // Linking to a problem already stopped the clock; resolving then only records the outcome.
                if clock.phase != .stopped { try next.stopClock(at: instant) }
            case .linkToProblem(let reference):
                next.linkedProblem = reference
                next.status = .linkedToProblem
                try next.stopClock(at: instant)
            case .respond:
                next.status = .respondedToPartner
            case .close:
                next.status = .closed
            case .reopen:
                // Reopening an incident linked to a problem unlinks it: it is worked on its own again.
                if status == .linkedToProblem { next.linkedProblem = nil }
                next.status = .reopened
                next.resolution = nil
                try next.clock.resume(at: instant)
            case .changeSeverity(let severity):
                next.severity = severity
                try next.clock.changeTarget(
                    at: instant, to: tier.incidentResolutionSeconds[severity],
                    reason: "severity changed to \(severity.level)"
                )
            }
        } catch {
            throw .clock(error)
        }
        next.statusBeforeWaiting = next.status == .awaitingPartner ? next.statusBeforeWaiting : nil
        next.updatedAt = instant
        next.version += 1
        self = next
    }

    /// Stops the clock, resuming it first when the desk was waiting so the pause ends at the same instant.
    private mutating func stopClock(at instant: Date) throws(SLAClockError) {
        if clock.phase == .paused { try clock.resume(at: instant) }
        try clock.stop(at: instant)
    }

    /// The resolution clock as of an instant, or `nil` before the desk received the incident.
    public func sla(at instant: Date, calendar: BusinessCalendar) -> SLAStatus? {
        guard clock.phase != .notStarted else { return nil }
        return clock.status(at: instant, calendar: calendar)
    }
}
