import Foundation
import PartnerDeskDomain

/// The Multi-Party Intervention: convening it and the partners' answers.
extension HSSIService {
    /// The Service Bridge convenes the Multi-Party Intervention: every affected partner's on-duty HSSI
    /// managers (or its HSSI manager contact) are invited by e-mail with the joining details, and have 30
    /// minutes to join.
    public func convene(
        _ id: HigherSeverityIncident.ID, joiningDetails: String, at text: String? = nil, expectedVersion: Int,
        by principal: Principal
    ) async throws -> HSSIView {
        let now = clock.now()
        var check = ValidationCollector()
        let at = check.instant(text, field: "at", required: false, now: now) ?? now
        try check.finish()
        return try await change(id, action: .runHSSI, expectedVersion: expectedVersion, by: principal) {
            hssi, now, repositories in
            let partners = try await Self.partners(of: hssi, in: repositories)
            var rotas: [HSSIManagerRota] = []
            for partner in partners {
                let entries = try await repositories.hssis.rotaEntries(partnerID: partner.id).map(\.entry)
                rotas.append(HSSIManagerRota(partnerID: partner.id, entries: entries))
            }
            try hssi.convene(
                at: at, by: Self.actor(principal), joiningDetails: joiningDetails, partners: partners, rotas: rotas,
                now: now)
            var links: [HSSIMessageLink] = []
            for invitation in hssi.intervention?.invitations ?? [] {
                let joinBy = NotificationComposer.londonTime(invitation.joinDeadline)
                links += try await enqueue(
                    .invitation, hssi: hssi, to: invitation.invitees.map(\.email), partnerID: invitation.partnerID,
                    body: "The Service Bridge has convened a Multi-Party Intervention. Join by \(joinBy), then "
                        + "acknowledge and record that you joined on the HSSI's page.\n\nJoining details:\n"
                        + joiningDetails,
                    at: now, in: repositories)
            }
            return links
        }
    }

    /// Records that someone from a partner acknowledged the invitation (`joined` false) or joined the
    /// intervention. A partner's people answer for their own organisation; the Service Bridge may record an
    /// answer given by telephone for the partner named. Answers do not need the caller's last version: they
    /// record a fact, and a concurrent change is retried.
    public func answerInvitation(
        _ id: HigherSeverityIncident.ID, joined: Bool, partner code: String? = nil, by principal: Principal
    ) async throws -> HSSIView {
        let hssis = store.repositories.hssis
        // The record first: an answer about an HSSI the caller cannot see is refused before its details.
        var current = try Authorization.require(principal, .respondToHSSI, on: try await hssis.find(id: id))
        var partnerID = principal.partnerID
        if !principal.role.isPartnerRole {
            try Authorization.require(principal, .runHSSI)
            partnerID = nil
            if let code = code.flatMap(PartnerCode.init) {
                partnerID = try await store.repositories.partners.find(code: code)?.id
            }
        }
        guard let partnerID else {
            throw ValidationFailure([
                ValidationIssue(field: "partner", code: "required", message: "Name the partner whose answer this is.")
            ])
        }
        for attempt in 1...3 {
            if attempt > 1 {
                current = try Authorization.require(principal, .respondToHSSI, on: try await hssis.find(id: id))
            }
            do {
                return try await change(
                    id, action: .respondToHSSI, expectedVersion: current.version, by: principal
                ) { hssi, now in
                    if joined {
                        try hssi.recordJoin(partnerID: partnerID, at: now, by: Self.actor(principal), now: now)
                    } else {
                        try hssi.acknowledgeInvitation(
                            partnerID: partnerID, at: now, by: Self.actor(principal), now: now)
                    }
                    return []
                }
            } catch ServiceError.versionMismatch where attempt < 3 {
                continue
            }
        }
        throw ServiceError.versionMismatch(currentVersion: 0)
    }
}
