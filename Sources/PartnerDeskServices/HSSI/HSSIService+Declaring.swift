import Foundation
import PartnerDeskDomain

/// Declaring an HSSI: the Domain checks what the declaration says; this use case finds the partners and the
/// incident it names, records the first steps, and tells everyone who must know.
extension HSSIService {
    /// Declares an HSSI. A partner's declaration is its notification to the platform: identified, notified and
    /// prioritised with the partner's severity. Staff declare on the platform's judgement, which then stands
    /// whatever the partner thinks; the partner's notification clock keeps running until the partner's
    /// identification and notification are recorded. The Service Bridge, the service managers and every affected partner's
    /// HSSI managers are told.
    public func declare(_ declaration: HSSIDeclarationDraft, by principal: Principal) async throws -> HSSIView {
        guard case .created(let view, _) = try await declare(declaration, by: principal, idempotency: nil, render: nil)
        else { throw ServiceError.idempotencyKeyReused }
        return view
    }

    /// Declares an HSSI under an optional idempotency key (see ``declare(_:by:)``): a repeat of the same
    /// request answers as the first did.
    public func declare(
        _ declaration: HSSIDeclarationDraft, by principal: Principal, idempotency: IdempotencyRequest?,
        render: (@Sendable (HSSIView) throws -> StoredResponse)?
    ) async throws -> CreateOutcome<HSSIView> {
        try Authorization.require(principal, .declareHSSI)
        let now = clock.now()
        var check = ValidationCollector()
        let checked = declaration.checked(now: now, into: &check)
        let repositories = store.repositories
        var incidentID: Incident.ID?
        var primary: Partner?
        if let text = declaration.incident?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            if let reference = IncidentReference(text),
                let incident = try await repositories.incidents.find(reference: reference),
                AccessPolicy.permits(principal, .readIncident, on: incident.owner)
            {
                incidentID = incident.id
                primary = try await repositories.partners.find(id: incident.partnerID)
            } else {
                check.add("incident", "not_found", "There is no incident with that reference that you can see.")
            }
        }
        var others: [Partner.ID] = []
        if principal.role.isPartnerRole {
            if let own = principal.partnerID, primary == nil { primary = try await repositories.partners.find(id: own) }
        } else {
            if primary == nil, let code = declaration.partner.flatMap(PartnerCode.init) {
                primary = try await repositories.partners.find(code: code)
            }
            if primary == nil { check.add("partner", "required", "Choose the partner whose service is affected.") }
            for text in declaration.affectedPartners ?? [] where !text.trimmingCharacters(in: .whitespaces).isEmpty {
                if let code = PartnerCode(text), let partner = try await repositories.partners.find(code: code) {
                    others.append(partner.id)
                } else {
                    check.add("affectedPartners", "not_found", "One of the affected partners is not known.")
                }
            }
        }
        let actor = Self.actor(principal)
        let party: HSSIAssessment.Party = principal.role.isPartnerRole ? .partner : .platform
        let declarer = HSSIDeclarer(role: principal.role)
        let issuesSoFar = check.issues
        guard let primary else { throw ValidationFailure(issuesSoFar) }
        let (affected, originating) = (others, incidentID)
        let ids = self.ids
        return try await store.creating(idempotency: idempotency, render: render, at: now) { repositories in
            var hssi: HigherSeverityIncident
            do {
                hssi = try HigherSeverityIncident(
                    id: .init(ids.make()), reference: try await repositories.hssis.nextReference(),
                    primaryPartnerID: primary.id,
                    affectedPartnerIDs: affected, originatingIncidentID: originating, title: declaration.title ?? "",
                    description: declaration.description ?? "", declaredBy: declarer,
                    occurredAt: checked.occurredAt ?? now,
                    recordedBy: actor, now: now)
            } catch let failure as ValidationFailure {
                throw ValidationFailure(issuesSoFar + failure.issues)
            }
            if !issuesSoFar.isEmpty { throw ValidationFailure(issuesSoFar) }
            if party == .partner {
                try hssi.record(.identify, at: checked.identifiedAt ?? now, by: actor, now: now)
                try hssi.record(.notifyPlatform, at: now, by: actor, now: now)
                try hssi.record(
                    .prioritise(
                        party: party, severityLevel: checked.severity ?? 0, category: checked.category ?? .other),
                    at: now,
                    by: actor, now: now)
            } else {
                // The platform's judgement is recorded; the partner's identification and notification (and so its
                // 30-minute clock) stay the partner's to record, or the Bridge's on its behalf.
                try hssi.assess(
                    party: party, severityLevel: checked.severity ?? 0, category: checked.category ?? .other, at: now,
                    by: actor,
                    now: now)
            }
            try await repositories.hssis.create(hssi, nextDeadlineAt: nil)
            try await audit.append(
                .change("hssi.declare", by: principal, from: nil, to: hssi, target: hssi.reference.description),
                in: repositories)
            let partners = try await Self.partners(of: hssi, in: repositories)
            var links: [HSSIMessageLink] = []
            for partner in partners {
                links += try await enqueue(
                    .declared, hssi: hssi, to: Self.hssiManagers(of: partner, in: repositories), partnerID: partner.id,
                    body: HSSIDeclarer.partnersNotice,
                    at: now, in: repositories)
            }
            let compliance = hssi.notificationCompliance(
                hours: try await calendar(forPrimaryOf: hssi, in: repositories), now: now)
            let body = declarer.bridgeNotice(notification: compliance.timeliness)
            links += try await enqueue(
                .declared, hssi: hssi, to: try await Self.bridge(in: repositories), partnerID: nil, body: body,
                at: now, in: repositories)
            return try await save(hssi, previousVersion: nil, links: links, at: now, in: repositories, as: principal)
        }
    }
}
