import Foundation
import PartnerDeskDomain

/// The First Line Service Desk process for incidents: partners raise them, the desk receives them, assigns a
/// severity (which starts the resolution clock), forwards them to DevOps and answers back.
///
/// Every operation checks ``AccessPolicy`` first; another partner's incident is reported as missing. Every
/// text passes the ``PatientDataGuard`` before anything is stored, and every change lands in one transaction
/// with its timeline events.
public struct IncidentService: Sendable {
    let store: any UnitOfWork
    let ids: any IDGenerator
    let clock: any Clock
    let catalog: ServiceLevelCatalog
    let digester: any ContentDigester
    let inspector: ScreenshotInspector
    let partners: PartnerCache
    let planner: NotificationPlanner
    let audit: AuditService

    public init(
        store: any UnitOfWork, ids: any IDGenerator, clock: any Clock, catalog: ServiceLevelCatalog,
        digester: any ContentDigester, partners: PartnerCache, planner: NotificationPlanner, audit: AuditService,
        screenshotLimits: ScreenshotLimits = .default
    ) {
        self.audit = audit
        self.partners = partners
        self.planner = planner
        self.store = store
        self.ids = ids
        self.clock = clock
        self.catalog = catalog
        self.digester = digester
        self.inspector = ScreenshotInspector(limits: screenshotLimits)
    }

    /// What raising produced: a new incident, or the stored answer to an earlier identical request.
    public typealias RaiseOutcome = CreateOutcome<IncidentView>

    /// Raises an incident for the caller's partner, with any screenshots sent along: everything is checked
    /// first (every refusal reported at once) and stored in one transaction, or nothing is. With an
    /// idempotency request, a repeat of the same request returns the first answer (rendered by `render` and
    /// stored in the same transaction), and the same key with a different request is refused.
    public func raise(
        _ draft: IncidentReportDraft, screenshots: [ScreenshotUpload] = [], by principal: Principal,
        idempotency: IdempotencyRequest? = nil, render: (@Sendable (IncidentView) throws -> StoredResponse)? = nil
    ) async throws -> RaiseOutcome {
        try Authorization.require(principal, .raiseIncident)
        guard let partnerID = principal.partnerID else { throw ServiceError.forbidden }
        let now = clock.now()
        let ids = self.ids
        let catalog = self.catalog
        // Reading the partner and checking the data set (the patient-data guard is the costly part) happen
        // before the transaction, which on SQLite holds the single write lock.
        guard let partner = try await partner(partnerID) else { throw ServiceError.notFound }
        var issues: [ValidationIssue] = []
        var validated: IncidentReport?
        do {
            validated = try draft.validated(services: partner.services, now: now)
        } catch {
            issues += error.issues
        }
        var prepared: [PreparedScreenshot] = []
        for upload in screenshots {
            switch prepare(upload, field: "screenshot") {
            case .success(let screenshot): prepared.append(screenshot)
            case .failure(let failure): issues += failure.issues
            }
        }
        guard issues.isEmpty, let validated else { throw ValidationFailure(issues) }
        let (report, maskings) = validated.maskingSensitiveText()
        let service = self
        let screenshots = prepared
        // Identifiers are made before the transaction too: every moment inside it holds the write lock.
        let (incidentID, eventID) = (Incident.ID(ids.make()), IncidentEvent.ID(ids.make()))
        return try await store.creating(idempotency: idempotency, render: render, at: now) { repositories in
            let reference = try await repositories.incidents.nextReference()
            let incident = Incident(
                id: incidentID, reference: reference, partnerID: partnerID, report: report, raisedAt: now,
                raisedBy: principal.displayName
            )
            let event = IncidentEvent(
                id: eventID, incidentID: incident.id, at: now, kind: .raised, visibility: .public,
                actorName: principal.displayName, actorRole: principal.role, note: nil
            )
            try await repositories.incidents.create(
                incident, schedule: Self.schedule(incident, at: now, catalog: catalog, tierID: partner.tierID),
                events: [event]
            )
            try await service.audit.append(
                .change("incident.raise", by: principal, from: nil, to: incident, target: reference.description),
                in: repositories)
            if !maskings.isEmpty {
                try await service.audit.append(
                    .masked(maskings, by: principal, in: incident.auditSubject, target: reference.description),
                    in: repositories)
            }
            for screenshot in screenshots {
                _ = try await service.keep(
                    screenshot, for: incident.id, by: principal, at: now, field: "screenshot",
                    repositories: repositories)
            }
            var view = IncidentView(incident: incident, sla: nil, tier: catalog.tier(partner.tierID), partner: partner)
            view.maskings = maskings
            return view
        }
    }

    /// One incident as the caller may see it.
    public func view(_ id: Incident.ID, as principal: Principal) async throws -> IncidentView {
        let incident = try await visibleIncident(
            id, principal: principal, action: .readIncident, repositories: store.repositories)
        return try await makeView(incident)
    }

    /// A page of incidents the caller may see; a partner's callers only ever see their own.
    public func list(_ query: IncidentQuery, as principal: Principal) async throws -> (
        views: [IncidentView], next: IncidentCursor?
    ) {
        try Authorization.require(principal, .readIncident)
        var query = query
        if principal.role.isPartnerRole {
            if query.partnerID != nil, query.partnerID != principal.partnerID { return ([], nil) }
            query.partnerID = principal.partnerID
        }
        query.limit = min(max(query.limit, 1), 100)
        let page = try await store.repositories.incidents.list(query)
        var partners: [Partner.ID: Partner] = [:]
        var views: [IncidentView] = []
        for incident in page.incidents {
            if partners[incident.partnerID] == nil {
                partners[incident.partnerID] = try await partner(incident.partnerID)
            }
            views.append(view(incident, partner: partners[incident.partnerID], at: query.now))
        }
        return (views, page.next)
    }

    /// The timeline the caller may see: partners see public events only.
    public func history(_ id: Incident.ID, as principal: Principal) async throws -> [IncidentEvent] {
        let repositories = store.repositories
        let incident = try await visibleIncident(
            id, principal: principal, action: .readIncident, repositories: repositories)
        let staff = AccessPolicy.permits(principal, .internalNotes, on: incident.owner)
        return try await repositories.incidents.events(of: id, includeInternal: staff)
    }

    /// Why the incident's resolution clock stands where it does now: what the desk did to it and each stretch of
    /// time between, counted or not and why; `nil` before the desk received it. Partners see their own.
    public func clockStory(_ id: Incident.ID, as principal: Principal) async throws -> SLAStory? {
        let incident = try await visibleIncident(
            id, principal: principal, action: .readIncident, repositories: store.repositories)
        guard incident.clock.phase != .notStarted else { return nil }
        let tierID = try await partner(incident.partnerID)?.tierID ?? ServiceLevelTier.silver.id
        return incident.clock.story(at: clock.now(), calendar: catalog.calendar(tierID))
    }

    func visibleIncident(
        _ id: Incident.ID, principal: Principal, action: AccessAction, repositories: any Repositories
    ) async throws -> Incident {
        try Authorization.require(principal, action, on: try await repositories.incidents.find(id: id))
    }

    func makeView(_ incident: Incident) async throws -> IncidentView {
        view(incident, partner: try await partner(incident.partnerID), at: clock.now())
    }

    /// A partner as recently read (see ``RecentReads``).
    func partner(_ id: Partner.ID) async throws -> Partner? {
        let store = self.store
        return try await partners.value(for: id) { try await store.repositories.partners.find(id: id) }
    }

    func view(_ incident: Incident, partner: Partner?, at instant: Date) -> IncidentView {
        let tierID = partner?.tierID ?? ServiceLevelTier.silver.id
        return IncidentView(
            incident: incident, sla: incident.sla(at: instant, calendar: catalog.calendar(tierID)),
            tier: catalog.tier(tierID),
            partner: partner
        )
    }

    /// The due, breach and next escalation instants stored beside the incident for lists and escalations.
    static func schedule(_ incident: Incident, at instant: Date, catalog: ServiceLevelCatalog, tierID: String)
        -> IncidentSchedule
    {
        schedule(
            incident.sla(at: instant, calendar: catalog.calendar(tierID)), at: instant,
            running: incident.clock.phase == .running)
    }

    /// The same from the clock's status at `instant` (nil before it starts), and whether it is running.
    static func schedule(_ status: SLAStatus?, at instant: Date, running: Bool) -> IncidentSchedule {
        guard let status else { return IncidentSchedule(dueAt: nil, breachAt: nil) }
        let due = status.due ?? status.projectedDue
        let breachAt: Date? =
            switch status.state {
            case .breached: due ?? instant
            case .running: due
            default: nil
            }
        return IncidentSchedule(
            dueAt: due, breachAt: breachAt,
            nextEscalationAt: EscalationService.next(status, running: running))
    }
}
