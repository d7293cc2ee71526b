import Foundation
import PartnerDeskDomain

/// Assurance on the steps before a release: any level may hold a sprint's digest or an integration-environment
/// notice as unsafe, which stops it being sent until that level approves again.
extension ReleaseService {
    /// Records an assurance approver's decision on a sprint's digest for a level (one of its named approvers,
    /// when it names any). A hold tells the release managers.
    public func decideOnDigest(
        _ id: Sprint.ID, _ draft: ApprovalDecisionDraft, expectedVersion: Int, by principal: Principal
    ) async throws -> SprintView {
        let decision = try await levelDecision(draft, on: "the digest", by: principal)
        let service = self
        let action = decision.outcome == .held ? "sprint.digest_hold" : "sprint.digest_approve"
        return try await changeSprint(id, action, expectedVersion: expectedVersion, by: principal) {
            sprint, repositories in
            try sprint.digestAssurance.decide(decision)
            try await service.announceHold(
                decision, of: .digest(sprint), link: service.staffLink(to: sprint), in: repositories)
        }
    }

    /// Records an assurance approver's decision on a notice not sent yet, for a level. A hold tells the release
    /// managers.
    public func decideOnNotice(
        _ id: IntegrationNotice.ID, _ draft: ApprovalDecisionDraft, expectedVersion: Int, by principal: Principal
    ) async throws -> IntegrationNotice {
        let decision = try await levelDecision(draft, on: "the notice", by: principal)
        let service = self
        let action = decision.outcome == .held ? "integration_notice.hold" : "integration_notice.approve"
        return try await changeNotice(id, action, expectedVersion: expectedVersion, by: principal) {
            notice, _, repositories in
            try notice.decide(decision)
            try await service.announceHold(
                decision, of: .notice(notice), link: service.staffLink(to: notice), in: repositories)
        }
    }

    /// An assurance approver's checked decision on `step` ("the digest") for the level their draft names.
    func levelDecision(_ draft: ApprovalDecisionDraft, on step: String, by principal: Principal) async throws
        -> ApprovalDecision
    {
        try Authorization.require(principal, .approveReleases)
        let requirement = try await levelRequirement(draft, by: principal)
        return try draft.validated(requirement: requirement, by: approverName(principal), at: clock.now(), step: step)
    }

    /// The level an approver decides for, from their draft: it must exist, and when it names approvers the
    /// caller must be one of them.
    func levelRequirement(_ draft: ApprovalDecisionDraft, by principal: Principal) async throws
        -> ApprovalRequirement
    {
        let code = draft.level?.trimmingCharacters(in: .whitespaces) ?? ""
        guard let level = try await Self.levels(in: store.repositories).first(where: { $0.code == code }) else {
            throw ValidationFailure([
                .init(
                    field: "level", code: code.isEmpty ? "required" : "unknown_level",
                    message: "Choose the level you decide for.")
            ])
        }
        if !level.approvers.isEmpty, case .user(let user) = principal.credential, !level.approvers.contains(user) {
            throw ServiceError.forbidden
        }
        return .level(code)
    }

    /// How a decision names who made it, for staff.
    func approverName(_ principal: Principal) -> String { "\(principal.displayName) (\(principal.role.label))" }

    /// Tells the release managers of a hold (an approval tells nobody).
    func announceHold(
        _ decision: ApprovalDecision, of step: ReleaseNotice.HeldStep, link: String, in repositories: any Repositories
    ) async throws {
        guard decision.outcome == .held else { return }
        let level = try await requirementNames(in: repositories)(decision.requirement)
        try await enqueue(
            .held(step, by: decision, level: level, link: link), toStaffIn: [.releaseManager], at: decision.at,
            in: repositories)
    }
}
