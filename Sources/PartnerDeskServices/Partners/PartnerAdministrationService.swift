import PartnerDeskDomain

/// Registers partner organisations and looks them up.
public struct PartnerAdministrationService: Sendable {
    private let store: any UnitOfWork
    private let ids: any IDGenerator
    private let catalog: ServiceLevelCatalog
    private let audit: AuditService
    private let clock: any Clock

    public init(
        store: any UnitOfWork, ids: any IDGenerator, catalog: ServiceLevelCatalog, audit: AuditService,
        clock: any Clock
    ) {
        self.clock = clock
        self.store = store
        self.ids = ids
        self.catalog = catalog
        self.audit = audit
    }

    /// Registers a partner from a draft: every field is checked, the code must be new, and nothing is stored
    /// unless everything is valid. The registration, with every field, goes into the audit log as `by`'s.
    public func register(_ draft: PartnerDraft, by principal: Principal? = nil) async throws -> Partner {
        let ids = self.ids
        var registering = try draft.validated(makeID: { ids.make() })
        registering.registeredAt = clock.now()
        let partner = registering
        guard catalog.contains(partner.tierID) else {
            let known = catalog.tiers.map(\.id).joined(separator: ", ")
            throw ValidationFailure([
                ValidationIssue(
                    field: "tierID", code: "unknown_value", message: "Choose a service-level tier from: \(known).")
            ])
        }
        return try await store.transaction { repositories in
            if try await repositories.partners.find(code: partner.code) != nil {
                throw ValidationFailure([
                    ValidationIssue(
                        field: "code", code: "taken", message: "Another partner already uses the code \(partner.code)."
                    )
                ])
            }
            try await repositories.partners.create(partner)
            try await audit.append(
                .change("partner.register", by: principal, from: nil, to: partner, target: partner.code.description),
                in: repositories)
            return partner
        }
    }

    /// Every partner, ordered by code.
    public func list() async throws -> [Partner] {
        try await store.repositories.partners.list()
    }

    /// The partner with this id, or `nil`.
    public func find(id: Partner.ID) async throws -> Partner? {
        try await store.repositories.partners.find(id: id)
    }

    /// The partner with this code, or `nil`.
    public func find(code: PartnerCode) async throws -> Partner? {
        try await store.repositories.partners.find(code: code)
    }
}
