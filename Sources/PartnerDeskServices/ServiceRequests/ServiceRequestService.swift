import Foundation
import PartnerDeskDomain

/// A service request as its reader may see it: a partner's people never read the desk's internal notes.
public struct ServiceRequestView: Sendable, Hashable {
    public var request: ServiceRequest
    /// The requesting partner's short code.
    public var partnerCode: String
    /// Whether it is past its target now (open past its last day, or fulfilled after it).
    public var isOverdue: Bool
}

/// Service requests: partners make them from the catalogue and follow them; the service desk accepts them
/// (which starts the months counting), asks the partner for what it needs, and fulfils or declines them.
public struct ServiceRequestService: Sendable {
    let store: any UnitOfWork
    let ids: any IDGenerator
    let clock: any Clock
    let catalog: ServiceLevelCatalog
    let planner: NotificationPlanner
    let audit: AuditService
    /// The kinds of request on offer.
    public let types: ServiceRequestCatalogue
    /// Who works requests on the desk, and hears of new ones and of their targets.
    static let desk: Set<Role> = [.firstLineAgent, .serviceManager]

    init(
        store: any UnitOfWork, ids: any IDGenerator, clock: any Clock, catalog: ServiceLevelCatalog,
        planner: NotificationPlanner, audit: AuditService, types: ServiceRequestCatalogue
    ) {
        self.store = store
        self.ids = ids
        self.clock = clock
        self.catalog = catalog
        self.planner = planner
        self.audit = audit
        self.types = types
    }

    /// Makes a request for the caller's partner (see ``submit(_:by:idempotency:render:)``).
    public func submit(_ draft: ServiceRequestDraft, by principal: Principal) async throws -> ServiceRequestView {
        guard case .created(let view, _) = try await submit(draft, by: principal, idempotency: nil, render: nil)
        else { throw ServiceError.idempotencyKeyReused }
        return view
    }

    /// Makes a request for the caller's partner under an optional idempotency key: everything is checked
    /// first (every problem at once), then stored with its audit entry in one transaction.
    public func submit(
        _ draft: ServiceRequestDraft, by principal: Principal, idempotency: IdempotencyRequest?,
        render: (@Sendable (ServiceRequestView) throws -> StoredResponse)?
    ) async throws -> CreateOutcome<ServiceRequestView> {
        try Authorization.require(principal, .raiseServiceRequests)
        guard let partnerID = principal.partnerID else { throw ServiceError.forbidden }
        let checked = try draft.validated(in: types)
        let now = clock.now()
        let (id, audit, planner) = (ServiceRequest.ID(ids.make()), self.audit, self.planner)
        return try await store.creating(idempotency: idempotency, render: render, at: now) { repositories in
            let request = ServiceRequest(
                id: id, reference: try await repositories.serviceRequests.nextReference(), partnerID: partnerID,
                type: ServiceRequestTypeSummary(checked.type), title: checked.title, answers: checked.answers,
                submittedAt: now, submittedBy: ActedBy(principal))
            try await repositories.serviceRequests.create(request)
            try await audit.append(
                .change(
                    "service_request.submit", by: principal, from: nil, to: request,
                    target: request.reference.description),
                in: repositories)
            let partner = try await repositories.partners.find(id: partnerID)
            try await planner.enqueue(
                ServiceRequestNotice.submitted(
                    request, partner: partner?.name ?? "A partner",
                    link: planner.publicURL + SiteLink.serviceRequest(id)
                ).broadcast, toStaffIn: Self.desk, at: now, in: repositories)
            return Self.view(request, partner: partner, for: principal, at: now)
        }
    }

    /// The requests the caller may read, newest first: a partner's people their organisation's (nothing for
    /// another partner's code), staff every partner's or the one whose code is given; only those in
    /// `statuses` when any are given.
    public func list(
        statuses: Set<ServiceRequestStatus> = [], partnerCode: String? = nil, as principal: Principal
    ) async throws -> [ServiceRequestView] {
        try Authorization.require(principal, .readServiceRequests)
        let repositories = store.repositories
        let partners = Dictionary(try await repositories.partners.list().map { ($0.id, $0) }) { first, _ in first }
        var scope: Partner.ID?
        if let text = partnerCode {
            guard let code = PartnerCode(text), let partner = partners.values.first(where: { $0.code == code }) else {
                guard !principal.role.isPartnerRole else { return [] }
                throw ValidationFailure([
                    ValidationIssue(
                        field: "partner", code: "unknown_partner", message: "No partner has the code '\(text)'.")
                ])
            }
            scope = partner.id
        }
        if principal.role.isPartnerRole {
            guard let own = principal.partnerID else { throw ServiceError.forbidden }
            guard scope == nil || scope == own else { return [] }
            scope = own
        }
        let now = clock.now()
        return try await repositories.serviceRequests.list(ServiceRequestQuery(partnerID: scope, statuses: statuses))
            .map { Self.view($0, partner: partners[$0.partnerID], for: principal, at: now) }
    }

    /// One request, when the caller may read it.
    public func view(_ id: ServiceRequest.ID, as principal: Principal) async throws -> ServiceRequestView {
        let repositories = store.repositories
        let request = try Authorization.require(
            principal, .readServiceRequests, on: try await repositories.serviceRequests.find(id: id))
        return Self.view(
            request, partner: try await repositories.partners.find(id: request.partnerID), for: principal,
            at: clock.now())
    }

    /// Takes an action on a request read at `expectedVersion`: the partner's people withdraw it or answer
    /// what was asked, the desk works it. Accepting counts the kind's months, capped at the partner's tier's
    /// maximum, in the tier's calendar.
    public func act(
        _ id: ServiceRequest.ID, _ action: String, note: String?, expectedVersion: Int, by principal: Principal
    ) async throws -> ServiceRequestView {
        let permission = ServiceRequestAction.permission(for: principal.role)
        try Authorization.require(principal, permission)
        guard let action = ServiceRequestAction(rawValue: action) else {
            let known = ServiceRequestAction.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationFailure([
                ValidationIssue(
                    field: "action", code: "unknown_action", message: "'\(action)' is not an action (\(known)).")
            ])
        }
        let catalog = self.catalog
        return try await change(id, "service_request.\(action.rawValue)", permission, expectedVersion, principal) {
            request, repositories in
            let tierID =
                try await repositories.partners.find(id: request.partnerID)?.tierID
                ?? ServiceLevelTier.silver.id
            try request.take(
                action, note: note, by: ActedBy(principal), at: clock.now(),
                maximumMonths: catalog.tier(tierID).serviceRequestMaximumAgeMonths,
                calendar: catalog.calendar(tierID))
        }
    }

    /// Adds a note to an open request; the desk may keep one internal.
    public func comment(
        _ id: ServiceRequest.ID, note: String, isInternal: Bool, expectedVersion: Int, by principal: Principal
    ) async throws -> ServiceRequestView {
        let permission = ServiceRequestAction.permission(for: principal.role)
        return try await change(id, "service_request.comment", permission, expectedVersion, principal) {
            request, _ in
            try request.comment(note, by: ActedBy(principal), isInternal: isInternal, at: clock.now())
        }
    }

    /// Reads, checks access and version, changes and stores a request with its audit entry, in one transaction.
    private func change(
        _ id: ServiceRequest.ID, _ auditAction: String, _ permission: AccessAction, _ expectedVersion: Int,
        _ principal: Principal,
        _ body: @Sendable @escaping (inout ServiceRequest, any Repositories) async throws -> Void
    ) async throws -> ServiceRequestView {
        try Authorization.require(principal, permission)
        let (audit, planner) = (self.audit, self.planner)
        let now = clock.now()
        return try await store.transaction { repositories in
            let before = try Authorization.require(
                principal, permission, on: try await repositories.serviceRequests.find(id: id))
            guard before.version == expectedVersion else {
                throw ServiceError.versionMismatch(currentVersion: before.version)
            }
            var request = before
            try await body(&request, repositories)
            request.version += 1
            do {
                try await repositories.serviceRequests.update(request, expectedVersion: expectedVersion)
            } catch RepositoryError.staleVersion {
                throw ServiceError.versionMismatch(currentVersion: expectedVersion + 1)
            }
            try await audit.append(
                .change(
                    auditAction, by: principal, from: before, to: request, target: request.reference.description),
                in: repositories)
            let partner = try await repositories.partners.find(id: request.partnerID)
            // The partner, and by name the person who asked, hears of each step the desk takes (never of a
            // staff-only note); the desk hears when the partner answers or withdraws.
            let link = planner.publicURL + SiteLink.serviceRequest(request.id)
            if let step = request.steps.last, step.action != nil, let partner {
                if principal.role.isPartnerRole {
                    try await planner.enqueue(
                        ServiceRequestNotice.partnerStep(request, by: step, partner: partner.name, link: link)
                            .broadcast, toStaffIn: Self.desk, at: now, in: repositories)
                } else {
                    try await planner.enqueue(
                        ServiceRequestNotice.moved(request, by: step, link: link).broadcast, to: [partner],
                        requester: request.steps.first?.by.userID, at: now, in: repositories)
                }
            }
            return Self.view(request, partner: partner, for: principal, at: now)
        }
    }

    /// Sends the desk each warning that has come due (a fortnight before a request's last day, and once it has
    /// passed), at most `limit` a round; each request is written under its version, so several servers send
    /// each warning once. Returns how many were sent.
    @discardableResult
    public func sendWarnings(at now: Date, limit: Int = 100) async throws -> Int {
        var sent = 0
        let (audit, planner) = (self.audit, self.planner)
        for due in try await store.repositories.serviceRequests.dueForWarning(at: now, limit: limit) {
            do {
                sent += try await store.transaction { repositories in
                    guard var request = try await repositories.serviceRequests.find(id: due.id),
                        request.version == due.version, let (warning, at) = request.nextWarning, at <= now
                    else { return 0 }
                    let before = request
                    request.warningsSent.append(warning)
                    request.version += 1
                    try await repositories.serviceRequests.update(request, expectedVersion: before.version)
                    try await audit.append(
                        .change(
                            "service_request.warning", by: nil, from: before, to: request,
                            target: request.reference.description),
                        in: repositories)
                    let partner = try await repositories.partners.find(id: request.partnerID)
                    try await planner.enqueue(
                        ServiceRequestNotice.warning(
                            warning, request, partner: partner?.name ?? "A partner",
                            link: planner.publicURL + SiteLink.serviceRequest(request.id)
                        ).broadcast, toStaffIn: Self.desk, at: now, in: repositories)
                    return 1
                }
            } catch RepositoryError.staleVersion {
                continue  // another server sent it, or someone changed the request: the next round looks again
            }
        }
        return sent
    }

    static func view(_ request: ServiceRequest, partner: Partner?, for principal: Principal, at now: Date)
        -> ServiceRequestView
    {
        var shown = request
        if principal.role.isPartnerRole { shown.steps = request.partnerSteps }
        return ServiceRequestView(
            request: shown, partnerCode: partner?.code.description ?? "", isOverdue: request.isOverdue(at: now))
    }
}
