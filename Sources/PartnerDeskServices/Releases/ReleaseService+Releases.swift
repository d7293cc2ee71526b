import Foundation
import PartnerDeskDomain

/// Releases: planned with their contents, notes published for partners, decided on by the assurance levels
/// and affected partners, re-planned, and marked live (carrying their problems' fixes) or rolled back.
extension ReleaseService {
    /// Plans a release under an optional idempotency key; the approvals it needs follow from its features.
    public func planRelease(
        _ draft: ReleaseDraft, by principal: Principal, idempotency: IdempotencyRequest? = nil,
        render: (@Sendable (ReleaseView) throws -> StoredResponse)? = nil
    ) async throws -> CreateOutcome<ReleaseView> {
        try Authorization.require(principal, .manageReleases)
        let now = clock.now()
        let plan = try draft.validated(now: now, lookup: try await lookup())
        let service = self
        return try await store.creating(idempotency: idempotency, render: render, at: now) { repositories in
            let levels = try await Self.levels(in: repositories)
            let release = Release(
                id: .init(service.ids.make()), name: plan.name, summary: plan.summary, plannedAt: plan.plannedAt,
                sprintID: plan.sprintID, features: plan.features.map(\.id), problems: plan.problems,
                knownIssues: plan.knownIssues, partnerActions: plan.partnerActions,
                requirements: ApprovalLevel.requirements(levels: levels, features: plan.features), createdAt: now,
                createdBy: principal.displayName)
            try await repositories.releases.create(release)
            try await service.audit.append(
                .change("release.plan", by: principal, from: nil, to: release, target: release.name), in: repositories)
            return try await service.view(release, in: repositories)
        }
    }

    /// Replaces a planned release's contents. Changed notes must be published again, and a new time is a
    /// re-plan that partners hear of once the notes are out.
    public func reviseRelease(_ id: Release.ID, _ draft: ReleaseDraft, expectedVersion: Int, by principal: Principal)
        async throws -> ReleaseView
    {
        try Authorization.require(principal, .manageReleases)
        let now = clock.now()
        let plan = try draft.validated(now: now, lookup: try await lookup())
        let service = self
        return try await changeRelease(id, "release.revise", expectedVersion: expectedVersion, by: principal) {
            release, repositories in
            let requirements = ApprovalLevel.requirements(
                levels: try await Self.levels(in: repositories), features: plan.features)
            if let from = try release.revise(
                with: plan, requirements: requirements, at: now, by: principal.displayName)
            {
                try await service.announceMove(of: release, from: from, reason: nil, in: repositories)
            }
        }
    }

    /// Publishes the notes on the service updates and releases page and sends them to every partner.
    public func publishNotes(_ id: Release.ID, expectedVersion: Int, by principal: Principal) async throws
        -> ReleaseView
    {
        try Authorization.require(principal, .manageReleases)
        let service = self
        return try await changeRelease(id, "release.publish_notes", expectedVersion: expectedVersion, by: principal) {
            release, repositories in
            guard release.status == .planned else {
                throw ServiceError.invalidTransition("Release \(release.name) is \(release.status.label).")
            }
            let now = service.clock.now()
            (release.notesPublishedAt, release.notesPublishedBy) = (now, principal.displayName)
            let view = try await service.view(release, in: repositories)
            let notice = ReleaseNotice.notes(
                of: release, features: view.features,
                fixes: view.problems.map { ($0.reference.description, $0.publicSummary ?? $0.title) },
                link: service.link(to: release))
            try await service.enqueue(notice, to: try await Self.audience(in: repositories), at: now, in: repositories)
        }
    }

    /// Records an assurance approver's decision for a level (one of its named approvers, when it names any).
    /// A hold tells the release managers.
    public func decide(
        _ id: Release.ID, _ draft: ApprovalDecisionDraft, expectedVersion: Int, by principal: Principal
    ) async throws -> ReleaseView {
        try Authorization.require(principal, .approveReleases)
        let requirement = try await levelRequirement(draft, by: principal)
        return try await record(draft, for: requirement, on: id, expectedVersion: expectedVersion, by: principal)
    }

    /// Records a partner administrator's decision on a release that needs their organisation's approval.
    public func decideAsPartner(
        _ id: Release.ID, _ draft: ApprovalDecisionDraft, expectedVersion: Int, by principal: Principal
    ) async throws -> ChangeApprovalView {
        try Authorization.require(principal, .approveChangeAsPartner)
        let release = try await store.repositories.releases.find(releaseID: id)
        try Authorization.require(principal, .approveChangeAsPartner, owner: release?.partnerApprovalOwner ?? .platform)
        guard let partner = principal.partnerID else { throw ServiceError.forbidden }
        let view = try await record(
            draft, for: .partner(partner), on: id, expectedVersion: expectedVersion, by: principal)
        guard let asked = try await approvalsAsked(of: principal).first(where: { $0.release.id == view.release.id })
        else { throw ServiceError.notFound }
        return asked
    }

    private func record(
        _ draft: ApprovalDecisionDraft, for requirement: ApprovalRequirement, on id: Release.ID,
        expectedVersion: Int, by principal: Principal
    ) async throws -> ReleaseView {
        let decision = try draft.validated(requirement: requirement, by: approverName(principal), at: clock.now())
        let service = self
        let action = decision.outcome == .held ? "release.hold" : "release.approve"
        return try await changeRelease(id, action, expectedVersion: expectedVersion, by: principal) {
            release, repositories in
            try release.decide(decision)
            try await service.announceHold(
                decision, of: .release(release), link: service.staffLink(to: release), in: repositories)
        }
    }

    /// Moves the planned time and tells partners (once the notes are out) with the reason given, which is for
    /// partners to read. Without one, a hold's reason goes only when its approver marked it shareable.
    public func replan(
        _ id: Release.ID, to plannedAt: String, reason: String?, expectedVersion: Int, by principal: Principal
    ) async throws -> ReleaseView {
        try Authorization.require(principal, .manageReleases)
        let now = clock.now()
        let (date, reason) = try Release.checkedReplan(plannedAt, reason: reason, now: now)
        let service = self
        return try await changeRelease(id, "release.replan", expectedVersion: expectedVersion, by: principal) {
            release, repositories in
            let from = release.plannedAt
            try release.replan(to: date, at: now, by: principal.displayName, reason: reason)
            let shared = reason ?? release.holds.last(where: \.reasonIsShareable)?.reason
            try await service.announceMove(of: release, from: from, reason: shared, in: repositories)
        }
    }

    /// Marks the release live, confirmed by the caller, when nothing stops it; its problems' fixes are then
    /// released and the partners of their incidents told.
    public func markReleased(_ id: Release.ID, expectedVersion: Int, by principal: Principal) async throws
        -> ReleaseView
    {
        try Authorization.require(principal, .manageReleases)
        let service = self
        return try await changeRelease(id, "release.release", expectedVersion: expectedVersion, by: principal) {
            release, repositories in
            let now = service.clock.now()
            var problems: [Problem] = []
            for id in release.problems {
                if let problem = try await repositories.problems.find(id: id) { problems.append(problem) }
            }
            let names = try await service.requirementNames(in: repositories)
            let blockers =
                release.blockers(at: now, leadTime: service.leadTime, on: service.calendar, name: names)
                + Release.fixBlockers(problems)
            guard blockers.isEmpty else { throw ValidationFailure(blockers) }
            try release.markReleased(
                at: now, by: principal.displayName, leadTime: service.leadTime, on: service.calendar, name: names)
            for problem in problems where problem.status == .fixInProgress {
                try await service.problems.releaseFix(
                    of: problem, in: release.name, at: now, by: principal, repositories: repositories)
            }
            try await service.enqueue(
                .released(release, link: service.link(to: release)), to: try await Self.audience(in: repositories),
                at: now, in: repositories)
        }
    }

    /// Records that a live release was rolled back, and tells partners.
    public func rollBack(_ id: Release.ID, reason: String, expectedVersion: Int, by principal: Principal)
        async throws -> ReleaseView
    {
        try Authorization.require(principal, .manageReleases)
        let reason = try Release.checkedRollbackReason(reason)
        let service = self
        return try await changeRelease(id, "release.roll_back", expectedVersion: expectedVersion, by: principal) {
            release, repositories in
            let now = service.clock.now()
            try release.rollBack(at: now, by: principal.displayName, reason: reason)
            try await service.enqueue(
                .rolledBack(release, link: service.link(to: release)), to: try await Self.audience(in: repositories),
                at: now, in: repositories)
        }
    }

    /// Tells partners a release with published notes has moved.
    private func announceMove(of release: Release, from: Date, reason: String?, in repositories: any Repositories)
        async throws
    {
        guard release.notesPublishedAt != nil else { return }
        try await enqueue(
            .dateMoved(of: release, from: from, reason: reason, link: link(to: release)),
            to: try await Self.audience(in: repositories), at: clock.now(), in: repositories)
    }

    /// What a release draft resolves against, read once.
    private func lookup() async throws -> ReleaseDraft.Lookup {
        let repositories = store.repositories
        let sprints = try await repositories.releases.sprints()
        let problems = Dictionary(
            try await repositories.problems.list().map { ($0.reference, $0.id) },
            uniquingKeysWith: { first, _ in first })
        return ReleaseDraft.Lookup(
            sprint: { number in sprints.first { $0.number == number } },
            feature: { id in sprints.lazy.flatMap(\.features).first { $0.id.description == id } },
            problem: { ProblemReference($0).flatMap { problems[$0] } })
    }
}

/// A release as a partner asked for its approval sees it: what it carries for them and where their own
/// decision stands; never the platform's approvals, reasons or people.
public struct ChangeApprovalView: Sendable, Hashable {
    public var release: Release
    public var state: ApprovalState
    /// The major changes that need this partner's approval.
    public var features: [SprintFeature]
}

extension ReleaseService {
    /// The releases that need the caller's organisation's approval, the latest planned first.
    public func approvalsAsked(of principal: Principal) async throws -> [ChangeApprovalView] {
        try Authorization.require(principal, .readChangeNotices)
        guard let partner = principal.partnerID else { throw ServiceError.forbidden }
        let repositories = store.repositories
        let features = try await repositories.releases.sprints().flatMap(\.features)
        return try await repositories.releases.releases().filter { $0.partnersToApprove.contains(partner) }.map {
            release in
            ChangeApprovalView(
                release: release, state: release.state(of: .partner(partner)),
                features: features.filter {
                    release.features.contains($0.id) && $0.impact == .major && $0.affectedPartners.contains(partner)
                })
        }
    }
}
