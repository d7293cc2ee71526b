import Foundation
import PartnerDeskDomain

/// The platform's communications to the affected partners.
extension HSSIService {
    /// The platform's communication to every affected partner (their HSSI managers and primary contact), by
    /// e-mail through the outbox; each message's delivery is shown with the HSSI. The first one completes the
    /// process's sixth step.
    public func communicate(
        _ id: HigherSeverityIncident.ID, message: String, expectedVersion: Int, by principal: Principal
    ) async throws -> HSSIView {
        var check = ValidationCollector()
        let text = check.requiredText("message", message, label: "message", maxLength: 5_000, lines: .multiple) ?? ""
        let issues = check.issues + PatientDataGuard().refusals(for: [("message", text)])
        if !issues.isEmpty { throw ValidationFailure(issues) }
        return try await change(id, action: .runHSSI, expectedVersion: expectedVersion, by: principal) {
            hssi, now, repositories in
            if hssi.stage == .devOpsEngaged {
                try hssi.record(.sendCommunications, at: now, by: Self.actor(principal), note: text, now: now)
            } else if hssi.stage < .devOpsEngaged || hssi.stage == .closed {
                throw ValidationFailure([
                    ValidationIssue(
                        field: "message", code: "invalid_transition",
                        message: "Communications go to partners once DevOps are engaged and until the HSSI is closed.")
                ])
            }
            var links: [HSSIMessageLink] = []
            for partner in try await Self.partners(of: hssi, in: repositories) {
                var to = try await Self.hssiManagers(of: partner, in: repositories)
                if let primary = partner.contact(.primary), !to.contains(primary.email) { to.append(primary.email) }
                links += try await enqueue(
                    .communication, hssi: hssi, to: to, partnerID: partner.id, body: text, at: now, in: repositories)
            }
            return links
        }
    }
}
