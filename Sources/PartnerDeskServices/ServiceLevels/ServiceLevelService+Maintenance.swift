import Foundation
import PartnerDeskDomain

/// Maintenance windows: planned on components, then announced to the partners they affect.
extension ServiceLevelService {
    /// A maintenance window with where its announcement stands against the lead time.
    public struct MaintenanceView: Sendable, Hashable {
        public var window: MaintenanceWindow
        public var announcement: MaintenanceAnnouncement
    }

    func view(_ window: MaintenanceWindow) -> MaintenanceView {
        MaintenanceView(
            window: window,
            announcement: window.announcement(at: clock.now(), leadTime: maintenanceLeadTime, on: calendar))
    }

    /// Plans a window under an optional idempotency key (partners are told when it is announced).
    public func planMaintenance(
        _ draft: MaintenanceDraft, by principal: Principal, idempotency: IdempotencyRequest? = nil,
        render: (@Sendable (MaintenanceView) throws -> StoredResponse)? = nil
    ) async throws -> CreateOutcome<MaintenanceView> {
        try Authorization.require(principal, .manageOutages)
        let now = clock.now()
        let repositories = store.repositories
        let components = try await Self.components(in: repositories)
        let codes = try await partnerCodes(in: repositories)
        let plan = try draft.validated(
            component: { code in components.first { $0.code == code } },
            partner: { PartnerCode($0).flatMap { codes[$0] } }, now: now)
        let service = self
        return try await store.creating(idempotency: idempotency, render: render, at: now) { repositories in
            let window = MaintenanceWindow(
                id: .init(service.ids.make()), number: try await repositories.serviceLevels.nextMaintenanceNumber(),
                plan: plan, createdAt: now)
            try await repositories.serviceLevels.create(window)
            try await service.audit.append(
                .change("maintenance.plan", by: principal, from: nil, to: window, target: window.reference),
                in: repositories)
            return service.view(window)
        }
    }

    /// Tells the partners a window affects about it, once; a late announcement is flagged but still made.
    public func announceMaintenance(_ id: MaintenanceWindow.ID, expectedVersion: Int, by principal: Principal)
        async throws -> MaintenanceView
    {
        try Authorization.require(principal, .manageOutages)
        let now = clock.now()
        let service = self
        let audit = self.audit
        let window = try await store.transaction { repositories in
            guard let before = try await repositories.serviceLevels.find(maintenanceID: id) else {
                throw ServiceError.notFound
            }
            guard before.version == expectedVersion else {
                throw ServiceError.versionMismatch(currentVersion: before.version)
            }
            var window = before
            try window.announce(at: now)
            window.version += 1
            try await repositories.serviceLevels.update(window, expectedVersion: expectedVersion)
            try await audit.append(
                .change("maintenance.announce", by: principal, from: before, to: window, target: window.reference),
                in: repositories)
            let components = try await Self.components(in: repositories).filter { window.components.contains($0.code) }
            let partners = try await Self.audience(
                of: window.components, affected: window.affectedPartners, in: repositories)
            try await service.planner.enqueue(
                ServiceNotice.maintenance(window, components: components, link: service.statusLink).broadcast,
                to: partners, at: now, in: repositories)
            return window
        }
        return view(window)
    }
}
