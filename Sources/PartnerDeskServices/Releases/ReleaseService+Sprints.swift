import Foundation
import PartnerDeskDomain

/// Sprints: planned with the features under consideration, and told to partners in a digest before they start.
extension ReleaseService {
    /// Plans a sprint (see ``planSprint(_:by:idempotency:render:)``).
    public func planSprint(_ draft: SprintDraft, by principal: Principal) async throws -> SprintView {
        guard case .created(let view, _) = try await planSprint(draft, by: principal, idempotency: nil, render: nil)
        else { throw ServiceError.idempotencyKeyReused }
        return view
    }

    /// Plans a sprint under an optional idempotency key; its number must be new.
    public func planSprint(
        _ draft: SprintDraft, by principal: Principal, idempotency: IdempotencyRequest?,
        render: (@Sendable (SprintView) throws -> StoredResponse)?
    ) async throws -> CreateOutcome<SprintView> {
        try Authorization.require(principal, .manageReleases)
        let codes = try await partnerCodes()
        let plan = try draft.validated(newID: ids.make, partner: { PartnerCode($0).flatMap { codes[$0] } })
        let now = clock.now()
        let service = self
        return try await store.creating(idempotency: idempotency, render: render, at: now) { repositories in
            let sprint = Sprint(
                id: .init(service.ids.make()), number: plan.number, startsOn: plan.startsOn, endsOn: plan.endsOn,
                goal: plan.goal, features: plan.features, createdAt: now)
            try await repositories.releases.create(sprint)
            try await service.audit.append(
                .change("sprint.plan", by: principal, from: nil, to: sprint, target: sprint.name), in: repositories)
            return service.sprintView(sprint)
        }
    }

    /// Replaces a sprint's plan (its dates, goal and features); a feature sent with its id keeps it, and one
    /// left out must not be carried by a release.
    public func reviseSprint(_ id: Sprint.ID, _ draft: SprintDraft, expectedVersion: Int, by principal: Principal)
        async throws -> SprintView
    {
        try Authorization.require(principal, .manageReleases)
        let codes = try await partnerCodes()
        let ids = self.ids
        return try await changeSprint(id, "sprint.revise", expectedVersion: expectedVersion, by: principal) {
            sprint, repositories in
            let plan = try draft.validated(
                existing: sprint.features, newID: ids.make, partner: { PartnerCode($0).flatMap { codes[$0] } })
            let kept = Set(plan.features.map(\.id))
            let blockers = SprintFeature.removalBlockers(
                sprint.features.filter { !kept.contains($0.id) }, releases: try await repositories.releases.releases())
            guard blockers.isEmpty else { throw ValidationFailure(blockers) }
            sprint.reschedule(with: plan)
            sprint.features = plan.features
        }
    }

    /// Changes a sprint's number, dates and aim, keeping its features (the draft's features are not read).
    public func rescheduleSprint(
        _ id: Sprint.ID, _ draft: SprintDraft, expectedVersion: Int, by principal: Principal
    ) async throws -> SprintView {
        try Authorization.require(principal, .manageReleases)
        var draft = draft
        draft.features = []
        let plan = try draft.validated(newID: ids.make, partner: { _ in nil })
        return try await changeSprint(id, "sprint.reschedule", expectedVersion: expectedVersion, by: principal) {
            sprint, _ in sprint.reschedule(with: plan)
        }
    }

    /// Takes one feature off a sprint's plan, unless a release carries it.
    public func removeFeature(
        _ featureID: SprintFeature.ID, from id: Sprint.ID, expectedVersion: Int, by principal: Principal
    ) async throws -> SprintView {
        try Authorization.require(principal, .manageReleases)
        // A feature that is not there answers like a missing record, whatever the version.
        guard let current = try await store.repositories.releases.find(sprintID: id),
            current.features.contains(where: { $0.id == featureID })
        else { throw ServiceError.notFound }
        return try await changeSprint(id, "sprint.remove_feature", expectedVersion: expectedVersion, by: principal) {
            sprint, repositories in
            try sprint.removeFeature(featureID, releases: try await repositories.releases.releases())
        }
    }

    /// Adds one feature to a sprint's plan, keeping the others as they are.
    public func addFeature(
        _ feature: SprintFeatureDraft, to id: Sprint.ID, expectedVersion: Int, by principal: Principal
    ) async throws -> SprintView {
        try Authorization.require(principal, .manageReleases)
        let codes = try await partnerCodes()
        let ids = self.ids
        return try await changeSprint(id, "sprint.add_feature", expectedVersion: expectedVersion, by: principal) {
            sprint, _ in
            let checked = try SprintDraft(
                number: sprint.number, startsOn: sprint.startsOn.description, endsOn: sprint.endsOn.description,
                features: [feature]
            ).validated(newID: ids.make, partner: { PartnerCode($0).flatMap { codes[$0] } })
            guard sprint.features.count < SprintDraft.Limits.features else {
                throw ValidationFailure([
                    .init(
                        field: "features", code: "too_many",
                        message: "A sprint lists at most \(SprintDraft.Limits.features) features.")
                ])
            }
            sprint.features += checked.features
        }
    }

    /// Every sprint, the highest number first.
    public func sprints(as principal: Principal) async throws -> [SprintView] {
        try Authorization.require(principal, .readReleases)
        return try await store.repositories.releases.sprints().map(sprintView)
    }

    public func sprint(_ id: Sprint.ID, as principal: Principal) async throws -> SprintView {
        try Authorization.require(principal, .readReleases)
        guard let sprint = try await store.repositories.releases.find(sprintID: id) else { throw ServiceError.notFound }
        return sprintView(sprint)
    }

    /// The digest exactly as partners would receive it if it were sent now.
    public func digestPreview(_ id: Sprint.ID, as principal: Principal) async throws -> ReleaseNotice {
        try Authorization.require(principal, .manageReleases)
        guard let sprint = try await store.repositories.releases.find(sprintID: id) else { throw ServiceError.notFound }
        return digest(of: sprint, at: clock.now())
    }

    /// Sends the sprint's features to every partner (saying so when the sprint has already started) and records
    /// when it went; refused while an assurance level holds the digest.
    public func sendDigest(_ id: Sprint.ID, expectedVersion: Int, by principal: Principal) async throws -> SprintView {
        try Authorization.require(principal, .manageReleases)
        let service = self
        return try await changeSprint(id, "sprint.digest", expectedVersion: expectedVersion, by: principal) {
            sprint, repositories in
            let now = service.clock.now()
            let names = try await service.requirementNames(in: repositories)
            try sprint.recordDigestSent(at: now, by: principal.displayName, name: names)
            let partners = try await Self.audience(in: repositories)
            try await service.enqueue(service.digest(of: sprint, at: now), to: partners, at: now, in: repositories)
        }
    }

    func sprintView(_ sprint: Sprint) -> SprintView {
        SprintView(
            sprint: sprint, startsAt: sprint.startsAt(on: calendar),
            digest: sprint.digestStatus(at: clock.now(), on: calendar))
    }

    func digest(of sprint: Sprint, at now: Date) -> ReleaseNotice {
        let started = sprint.hasStarted(at: now, on: calendar) ? sprint.startsAt(on: calendar) : nil
        return ReleaseNotice.digest(of: sprint, startedAt: started, link: updatesLink)
    }

    /// Every partner's code by id, for answers that name partners (a partner's caller only ever sees its own
    /// among them).
    public func partnerCodesByID() async throws -> [Partner.ID: String] {
        Dictionary(
            try await store.repositories.partners.list().map { ($0.id, $0.code.description) },
            uniquingKeysWith: { first, _ in first })
    }

    /// Every assurance level's name by its code, for answers that name levels.
    public func levelNamesByCode() async throws -> [String: String] {
        Dictionary(
            try await Self.levels(in: store.repositories).map { ($0.code, $0.name) },
            uniquingKeysWith: { first, _ in first })
    }

    /// Every partner by code, for drafts that name partners.
    func partnerCodes() async throws -> [PartnerCode: Partner.ID] {
        Dictionary(
            try await store.repositories.partners.list().map { ($0.code, $0.id) },
            uniquingKeysWith: { first, _ in first })
    }
}
