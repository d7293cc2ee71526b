import Foundation
import PartnerDeskDomain

/// Service levels: the platform's components, outages recorded by hand or by monitoring, maintenance windows
/// announced ahead of time, and availability in business support hours against each partner's tier, with the
/// service managers warned as a month's downtime allowance goes.
public struct ServiceLevelService: Sendable {
    let store: any UnitOfWork
    let ids: any IDGenerator
    let clock: any Clock
    let catalog: ServiceLevelCatalog
    let planner: NotificationPlanner
    let audit: AuditService
    /// How far ahead maintenance must be announced.
    public let maintenanceLeadTime: MaintenanceLeadTime

    public init(
        store: any UnitOfWork, ids: any IDGenerator, clock: any Clock, catalog: ServiceLevelCatalog,
        planner: NotificationPlanner, audit: AuditService, maintenanceLeadTime: MaintenanceLeadTime = .standard
    ) {
        self.store = store
        self.ids = ids
        self.clock = clock
        self.catalog = catalog
        self.planner = planner
        self.audit = audit
        self.maintenanceLeadTime = maintenanceLeadTime
    }

    /// The platform's tier (Silver): the overall availability is measured against it.
    var platformTier: ServiceLevelTier { catalog.tier(ServiceLevelTier.silver.id) }

    /// The platform's business calendar: availability counts business support hours on it.
    var calendar: BusinessCalendar { catalog.calendar(ServiceLevelTier.silver.id) }

    /// Today on the platform's calendar.
    public var today: LocalDate { calendar.localDate(of: clock.now()) }

    /// Every maintenance window's reference by id, for answers that name them.
    public func maintenanceReferences() async throws -> [MaintenanceWindow.ID: String] {
        let all = try await store.repositories.serviceLevels.maintenance(
            overlapping: DateInterval(start: .distantPast, end: .distantFuture))
        return Dictionary(all.map { ($0.id, $0.reference) }, uniquingKeysWith: { first, _ in first })
    }

    /// The public status page.
    var statusLink: String { "\(planner.publicURL)/status" }

    /// The components: those stored, or the defaults until someone changes them.
    public func components(as principal: Principal) async throws -> [ServiceComponent] {
        try Authorization.require(principal, .readServiceLevels)
        return try await Self.components(in: store.repositories)
    }

    static func components(in repositories: any Repositories) async throws -> [ServiceComponent] {
        let stored = try await repositories.serviceLevels.components()
        return stored.isEmpty ? ServiceComponent.defaults : stored
    }

    /// Every partner by code, for drafts that name partners.
    func partnerCodes(in repositories: any Repositories) async throws -> [PartnerCode: Partner.ID] {
        Dictionary(
            try await repositories.partners.list().map { ($0.code, $0.id) }, uniquingKeysWith: { first, _ in first })
    }

    /// Reads, changes and writes back one outage under its version, with the audit entry, in one transaction.
    func changeOutage(
        _ id: Outage.ID, _ action: String, expectedVersion: Int, by principal: Principal,
        _ change: @escaping @Sendable (inout Outage, Date, any Repositories) async throws -> Void
    ) async throws -> Outage {
        let now = clock.now()
        let audit = self.audit
        return try await store.transaction { repositories in
            guard let before = try await repositories.serviceLevels.find(outageID: id) else {
                throw ServiceError.notFound
            }
            guard before.version == expectedVersion else {
                throw ServiceError.versionMismatch(currentVersion: before.version)
            }
            var outage = before
            try await change(&outage, now, repositories)
            outage.updatedAt = now
            outage.version += 1
            try await repositories.serviceLevels.update(outage, expectedVersion: expectedVersion)
            try await ServiceReportService.requestReviews(
                of: [.everyReport],
                spanning: [before.startedAt, before.endedAt ?? now, outage.startedAt, outage.endedAt ?? now], at: now,
                calendar: calendar, in: repositories)
            try await audit.append(
                .change(action, by: principal, from: before, to: outage, target: outage.reference), in: repositories)
            return outage
        }
    }

    /// Tells the partners an outage affects, and who use its component, that it started or recovered.
    func announce(_ outage: Outage, at now: Date, in repositories: any Repositories) async throws {
        let components = try await Self.components(in: repositories)
        let component =
            components.first { $0.code == outage.component }
            ?? ServiceComponent(code: outage.component, name: outage.component, description: "")
        let partners = try await Self.audience(
            of: [outage.component], affected: outage.affectedPartners, in: repositories)
        try await planner.enqueue(
            ServiceNotice.outage(outage, component: component, link: statusLink).broadcast, to: partners, at: now,
            in: repositories)
    }
}

extension ServiceLevelService {
    /// Replaces the components and their monitoring labels (administrators). Outages keep the code they were
    /// recorded on.
    public func setComponents(_ drafts: [ServiceComponentDraft], by principal: Principal) async throws
        -> [ServiceComponent]
    {
        try Authorization.require(principal, .manageComponents)
        let components = try ServiceComponentDraft.validated(drafts)
        let audit = self.audit
        return try await store.transaction { repositories in
            let before = try await Self.components(in: repositories)
            try await repositories.serviceLevels.replaceComponents(components)
            try await audit.append(
                AuditRecord(principal: principal, action: "service_level.components", outcome: .succeeded)
                    .about(
                        AuditSubject(kind: "components", id: "platform"),
                        changes: FieldChange.between(
                            ["components": before.map(\.code).joined(separator: ", ")],
                            ["components": components.map(\.code).joined(separator: ", ")])), in: repositories)
            return components
        }
    }
}
