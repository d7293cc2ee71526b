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

    /// Replaces an outage's fields with a corrected draft; the audit log keeps what it said before. A correction that
    /// ends an open outage tells the partners it affected, as ending it does.
    public func correctOutage(_ id: Outage.ID, _ draft: OutageDraft, expectedVersion: Int, by principal: Principal)
        async throws -> Outage
    {
        try Authorization.require(principal, .manageOutages)
        let plan = try draft.validated(lookup: try await lookup(for: draft), now: clock.now())
        let service = self
        return try await changeOutage(id, "outage.correct", expectedVersion: expectedVersion, by: principal) {
            outage, now, repositories in
            let wasOpen = outage.endedAt == nil
            outage.apply(plan)
            if wasOpen && outage.endedAt != nil { try await service.announce(outage, at: now, in: repositories) }
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

    /// One outage as its page shows it: the records it names by their references and, for staff who keep
    /// outages, its history (who recorded, corrected and ended it, and what changed), oldest first.
    public func outageDetail(_ id: Outage.ID, as principal: Principal) async throws -> OutageDetail {
        let outage = try await outage(id, as: principal)
        let repositories = store.repositories
        let codes = try await partnerCodes(in: repositories)
        let names = Dictionary(codes.map { ($0.value, $0.key.value) }, uniquingKeysWith: { first, _ in first })
        var incidents: [String] = []
        for id in outage.incidents {
            if let incident = try await repositories.incidents.find(id: id) {
                incidents.append("\(incident.reference)")
            }
        }
        var hssis: [String] = []
        for id in outage.hssis {
            if let hssi = try await repositories.hssis.find(id: id) { hssis.append("\(hssi.reference)") }
        }
        var maintenance: String?
        if let window = outage.maintenanceID {
            maintenance = try await repositories.serviceLevels.find(maintenanceID: window)?.reference
        }
        var history: [AuditEntry] = []
        if AccessPolicy.permits(principal, .manageOutages) {
            var query = AuditQuery()
            query.subject = outage.auditSubject
            query.limit = 200
            history = try await audit.list(query).reversed()
        }
        return OutageDetail(
            outage: outage, partners: outage.affectedPartners.map { names[$0] ?? $0.description },
            incidents: incidents, hssis: hssis, maintenance: maintenance, history: history)
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

/// One outage with the records it names by reference, and its history for those who keep outages.
public struct OutageDetail: Sendable {
    public var outage: Outage
    /// The partners it affects by code; empty for every partner.
    public var partners: [String]
    public var incidents: [String]
    public var hssis: [String]
    /// The maintenance window's reference when it is planned work.
    public var maintenance: String?
    /// Oldest first; empty for those who only read outages.
    public var history: [AuditEntry]
}
