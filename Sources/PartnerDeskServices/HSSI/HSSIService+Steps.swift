import Foundation
import PartnerDeskDomain

/// Taking the process's steps and recording each side's assessment.
extension HSSIService {
    /// Takes the next step of the process. The partner identifies and notifies (and may prioritise); the
    /// Service Bridge takes every step. Sending communications is done with ``communicate(_:message:by:)``.
    public func step(
        _ id: HigherSeverityIncident.ID, _ request: HSSIStepRequest, expectedVersion: Int, by principal: Principal
    ) async throws -> HSSIView {
        let now = clock.now()
        var check = ValidationCollector()
        let at = check.instant(request.at, field: "at", required: false, now: now) ?? now
        let party: HSSIAssessment.Party = principal.role.isPartnerRole ? .partner : .platform
        let step: HSSIStep? =
            switch request.step {
            case "identify": .identify
            case "notify_platform": .notifyPlatform
            case "prioritise":
                .prioritise(
                    party: party, severityLevel: request.severity ?? 0,
                    category: HSSICategory(rawValue: request.category ?? "") ?? .other)
            case "notify_bridge": .notifyBridge
            case "engage_devops": .engageDevOps
            case "resolve": .resolve
            case "close": .close
            default: nil
            }
        guard let step else {
            throw ValidationFailure([
                ValidationIssue(
                    field: "step", code: "unknown_value",
                    message: "The step is identify, notify_platform, prioritise, notify_bridge, engage_devops, "
                        + "resolve or close (communications are sent with their own request).")
            ])
        }
        if case .prioritise = step, HSSICategory(rawValue: request.category ?? "") == nil {
            check.add(
                "category", "unknown_value", "The category is potential_data_breach, wrong_information_shown or other.")
        }
        try check.finish()
        let action: AccessAction =
            switch step {
            case .identify, .notifyPlatform, .prioritise: .respondToHSSI
            default: .runHSSI
            }
        return try await change(id, action: action, expectedVersion: expectedVersion, by: principal) { hssi, now in
            try hssi.record(step, at: at, by: Self.actor(principal), note: request.note, now: now)
            return []
        }
    }

    /// Records the caller's side's judgement (the partner's, or the platform's, which then stands).
    public func assess(
        _ id: HigherSeverityIncident.ID, severity: Int?, category: String?, expectedVersion: Int,
        by principal: Principal
    ) async throws -> HSSIView {
        guard let category = HSSICategory(rawValue: category ?? "") else {
            throw ValidationFailure([
                ValidationIssue(
                    field: "category", code: "unknown_value",
                    message: "The category is potential_data_breach, wrong_information_shown or other.")
            ])
        }
        let party: HSSIAssessment.Party = principal.role.isPartnerRole ? .partner : .platform
        let action: AccessAction = party == .partner ? .respondToHSSI : .runHSSI
        return try await change(id, action: action, expectedVersion: expectedVersion, by: principal) { hssi, now in
            try hssi.assess(
                party: party, severityLevel: severity ?? 0, category: category, at: now, by: Self.actor(principal),
                now: now)
            return []
        }
    }
}
