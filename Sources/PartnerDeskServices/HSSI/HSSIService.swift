import Foundation
import PartnerDeskDomain

/// Higher Severity Service Incidents: declaring them, the Service Bridge's six steps, the Multi-Party
/// Intervention with its roll-call, status updates with the minimum data set, communications to affected
/// partners, the timeline export, partners' HSSI manager rotas, and the job that acts on missed deadlines.
///
/// Every deadline is worked out from the stored record (see ``HigherSeverityIncident/pendingDeadlines``);
/// the store keeps only the instant of the next one so the job can find it, whichever server runs it.
/// Messages go through the outbox in the transaction of the change that causes them.
public struct HSSIService: Sendable {
    let store: any UnitOfWork
    let ids: any IDGenerator
    let clock: any Clock
    let planner: NotificationPlanner
    let cadence: HSSIUpdateCadence
    let audit: AuditService
    let calendars = HoursCalendars()
    /// The London day this server last checked every partner's rota for gaps.
    let rotaCheckDay = RotaCheckDay()

    public init(
        store: any UnitOfWork, ids: any IDGenerator, clock: any Clock, planner: NotificationPlanner,
        audit: AuditService, cadence: HSSIUpdateCadence = .standard
    ) {
        self.audit = audit
        self.store = store
        self.ids = ids
        self.clock = clock
        self.planner = planner
        self.cadence = cadence
    }

    // MARK: Reading

    /// The HSSIs the caller may see, newest first (a partner: those affecting it).
    public func list(as principal: Principal) async throws -> [HSSIView] {
        try Authorization.require(principal, .readHSSI)
        let now = clock.now()
        var views: [HSSIView] = []
        // Every partner read once for the whole list, not once or twice per HSSI.
        let partners = Dictionary(
            try await store.repositories.partners.list().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for hssi in try await store.repositories.hssis.list()
        where AccessPolicy.permits(principal, .readHSSI, on: hssi.owner) {
            views.append(
                try await makeView(
                    hssi, at: now, in: store.repositories, as: principal, withMessages: false, partnersByID: partners))
        }
        return views
    }

    /// One HSSI; another partner's reads as missing.
    public func view(_ id: HigherSeverityIncident.ID, as principal: Principal) async throws -> HSSIView {
        let hssi = try Authorization.require(principal, .readHSSI, on: try await store.repositories.hssis.find(id: id))
        return try await makeView(hssi, at: clock.now(), in: store.repositories, as: principal, withMessages: true)
    }

    /// One HSSI by reference, for a caller about to perform `action` on it (reading, by default): a caller whose
    /// role never allows the action is refused before the lookup; another partner's reads as missing.
    public func view(reference: HSSIReference, as principal: Principal, for action: AccessAction = .readHSSI)
        async throws -> HSSIView
    {
        try Authorization.require(principal, action)
        let hssi = try Authorization.require(
            principal, .readHSSI, on: try await store.repositories.hssis.find(reference: reference))
        return try await makeView(hssi, at: clock.now(), in: store.repositories, as: principal, withMessages: true)
    }
}
