import PartnerDeskDomain

/// Partners' status updates during an HSSI.
extension HSSIService {
    /// Posts a status update with the minimum data set. Secrets and other people's details in its texts are
    /// masked before it is stored (``SensitiveTextMasker``), the masking audited and returned in the view;
    /// patient-identifiable data is refused as ever, so masking only runs on texts the guard lets through.
    public func postUpdate(
        _ id: HigherSeverityIncident.ID, _ draft: HSSIStatusUpdateDraft, expectedVersion: Int, by principal: Principal
    ) async throws -> HSSIView {
        var masked = draft
        var maskings: [TextMasking] = []
        let texts = [("currentImpact", \HSSIStatusUpdateDraft.currentImpact), ("actionsTaken", \.actionsTaken)]
        if PatientDataGuard().refusals(for: texts.map { ($0.0, draft[keyPath: $0.1] ?? "") }).isEmpty {
            for (field, keyPath) in texts {
                guard let text = draft[keyPath: keyPath] else { continue }
                let result = SensitiveTextMasker().mask(text, field: field)
                masked[keyPath: keyPath] = result.text
                maskings += result.maskings
            }
        }
        let (update, found, audit) = (masked, maskings, self.audit)
        var view = try await change(id, action: .respondToHSSI, expectedVersion: expectedVersion, by: principal) {
            hssi, now, repositories in
            try hssi.postStatusUpdate(update, at: now, by: Self.actor(principal), now: now)
            if !found.isEmpty {
                try await audit.append(
                    .masked(found, by: principal, in: hssi.auditSubject, target: hssi.reference.description),
                    in: repositories)
            }
            return []
        }
        view.maskings = maskings
        return view
    }
}
