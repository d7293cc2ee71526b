import Foundation
import PartnerDeskDomain

/// Outages: recorded and corrected by hand, opened and closed by monitoring, and told to the partners they
/// affect.
extension ServiceLevelService {
    /// Records an outage under an optional idempotency key; an open one is told to the partners it affects.
    public func recordOutage(
        _ draft: OutageDraft, by principal: Principal, idempotency: IdempotencyRequest? = nil,
        render: (@Sendable (Outage) throws -> StoredResponse)? = nil
    ) async throws -> CreateOutcome<Outage> {
        try Authorization.require(principal, .manageOutages)
        let now = clock.now()
        let plan = try draft.validated(lookup: try await lookup(for: draft), now: now)
        let service = self
        return try await store.creating(idempotency: idempotency, render: render, at: now) { repositories in
            let outage = Outage(
                id: .init(service.ids.make()), number: try await repositories.serviceLevels.nextOutageNumber(),
                plan: plan, createdAt: now)
            try await repositories.serviceLevels.create(outage)
            try await service.audit.append(
                .change("outage.record", by: principal, from: nil, to: outage, target: outage.reference),
                in: repositories)
            try await service.announce(outage, at: now, in: repositories)
            return outage
        }
    }

    /// Replaces an outage's fields with a corrected draft; the audit log keeps what it said before.
    public func correctOutage(_ id: Outage.ID, _ draft: OutageDraft, expectedVersion: Int, by principal: Principal)
        async throws -> Outage
    {
        try Authorization.require(principal, .manageOutages)
        let plan = try draft.validated(lookup: try await lookup(for: draft), now: clock.now())
        return try await changeOutage(id, "outage.correct", expectedVersion: expectedVersion, by: principal) {
            outage, _, _ in outage.apply(plan)
        }
    }

    /// Records that an outage ended (now, or at the time given) and tells the partners it affected.
    public func closeOutage(_ id: Outage.ID, at time: String?, expectedVersion: Int, by principal: Principal)
        async throws -> Outage
    {
        try Authorization.require(principal, .manageOutages)
        var check = ValidationCollector()
        let now = clock.now()
        let ended = check.instant(time, field: "endedAt", required: false, now: now) ?? now
        try check.finish()
        let service = self
        return try await changeOutage(id, "outage.close", expectedVersion: expectedVersion, by: principal) {
            outage, now, repositories in
            try outage.close(at: ended)
            try await service.announce(outage, at: now, in: repositories)
        }
    }

    /// One outage: for staff whole; for a partner only when it affects them, without internal notes or links.
    public func outage(_ id: Outage.ID, as principal: Principal) async throws -> Outage {
        try Authorization.require(principal, .readServiceLevels)
        guard let outage = try await store.repositories.serviceLevels.find(outageID: id) else {
            throw ServiceError.notFound
        }
        guard principal.role.isPartnerRole else { return outage }
        guard let partner = principal.partnerID, outage.affects(partner) else { throw ServiceError.notFound }
        return outage.seen(by: partner)
    }

    /// What the references in a draft resolve to, read once before it is checked.
    func lookup(for draft: OutageDraft) async throws -> OutageDraft.Lookup {
        let repositories = store.repositories
        let components = try await Self.components(in: repositories)
        let codes = try await partnerCodes(in: repositories)
        var maintenance: MaintenanceWindow?
        if let number = draft.maintenance.flatMap(MaintenanceWindow.number(from:)) {
            maintenance = try await repositories.serviceLevels.find(maintenanceNumber: number)
        }
        var incidents: [String: Incident.ID] = [:]
        for text in draft.incidents ?? [] {
            guard let reference = IncidentReference(text.trimmingCharacters(in: .whitespaces)) else { continue }
            incidents[text.trimmingCharacters(in: .whitespaces)] = try await repositories.incidents.find(
                reference: reference)?.id
        }
        var hssis: [String: HigherSeverityIncident.ID] = [:]
        for text in draft.hssis ?? [] {
            guard let reference = HSSIReference(text.trimmingCharacters(in: .whitespaces)) else { continue }
            hssis[text.trimmingCharacters(in: .whitespaces)] = try await repositories.hssis.find(reference: reference)?
                .id
        }
        return OutageDraft.Lookup(
            component: { code in components.first { $0.code == code } },
            maintenance: { [maintenance] _ in maintenance }, partner: { PartnerCode($0).flatMap { codes[$0] } },
            incident: { [incidents] in incidents[$0] }, hssi: { [hssis] in hssis[$0] })
    }
}

extension Outage {
    /// The outage as a partner it affects sees it: its public fields, naming no other partner, with no internal
    /// notes and no links to records of the platform's or others'.
    public func seen(by partner: Partner.ID) -> Outage {
        var outage = publicView
        outage.affectedPartners = affectedPartners.filter { $0 == partner }
        return outage
    }
}
