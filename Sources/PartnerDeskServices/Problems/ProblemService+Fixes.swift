import Foundation
import PartnerDeskDomain

/// When a problem's fix is out: its partners are told, and the incidents waiting on it are resolved together.
extension ProblemService {
    /// Tells the partner of every incident linked to the problem that its fix is out, through the outbox in
    /// the transaction that records the release.
    static func announceFix(
        of problem: Problem, at now: Date, incidents: IncidentService, repositories: any Repositories
    ) async throws {
        let note = "The fix for \(problem.reference) is in release \(problem.fixRelease ?? "")."
        for incident in try await repositories.incidents.linked(toProblem: problem.reference.description) {
            guard let partner = try await repositories.partners.find(id: incident.partnerID) else { continue }
            try await incidents.planner.plan(
                .fixReleased, incident: incident, partner: partner, note: note, at: now, due: nil,
                repositories: repositories)
        }
    }

    /// Resolves together every incident still waiting on the problem (those linked to it and not yet
    /// answered), each with a public step in its history and the partner told, in one transaction. With
    /// `fix` the problem's fix must have been released; with `workaround` the problem must have one.
    /// Returns the incidents resolved.
    public func resolveLinked(
        _ id: Problem.ID, kind: String, summary: String?, expectedVersion: Int, by principal: Principal
    ) async throws -> [IncidentView] {
        try Authorization.require(principal, .manageProblems)
        guard let kind = IncidentResolution.Kind(rawValue: kind) else {
            throw ValidationFailure([
                ValidationIssue(field: "kind", code: "unknown_value", message: "The resolution is fix or workaround.")
            ])
        }
        let extra = Self.nonEmpty(summary)
        if let extra { try PatientDataGuard().check([("summary", extra)]) }
        let now = clock.now()
        let ids = self.ids
        let incidents = self.incidents
        let catalog = self.catalog
        return try await store.transaction { repositories in
            guard let problem = try await repositories.problems.find(id: id) else { throw ServiceError.notFound }
            guard problem.version == expectedVersion else {
                throw ServiceError.versionMismatch(currentVersion: problem.version)
            }
            let resolution = try Self.resolution(of: problem, kind: kind, extra: extra)
            var resolved: [IncidentView] = []
            for var incident in try await repositories.incidents.linked(toProblem: problem.reference.description)
            where incident.status == .linkedToProblem {
                guard let partner = try await repositories.partners.find(id: incident.partnerID) else { continue }
                let version = incident.version
                let before = incident
                do {
                    try incident.apply(.resolve(resolution), at: now, tier: catalog.tier(partner.tierID))
                } catch let error as IncidentTransitionError {
                    throw ServiceError.invalidTransition(error.description)
                }
                let event = IncidentEvent(
                    id: .init(ids.make()), incidentID: incident.id, at: now,
                    kind: .transition(.resolve, from: .linkedToProblem, to: .resolved), visibility: .public,
                    actorName: principal.displayName, actorRole: principal.role, note: resolution.summary)
                resolved.append(
                    try await incidents.record(
                        incident, before: before, by: principal, expectedVersion: version, partner: partner,
                        events: [event], at: now, repositories: repositories))
            }
            return resolved
        }
    }

    /// The resolution the problem gives its incidents, or why it cannot give one yet.
    private static func resolution(of problem: Problem, kind: IncidentResolution.Kind, extra: String?) throws
        -> IncidentResolution
    {
        let base: String
        switch kind {
        case .fix:
            guard problem.status == .fixReleased || problem.fixReleasedAt != nil, let release = problem.fixRelease
            else {
                throw ValidationFailure([
                    ValidationIssue(
                        field: "kind", code: "no_fix", message: "\(problem.reference) has no released fix yet.")
                ])
            }
            base = "Fixed by \(problem.reference), released in \(release)."
        case .workaround:
            guard let workaround = problem.workaround else {
                throw ValidationFailure([
                    ValidationIssue(
                        field: "kind", code: "no_workaround",
                        message: "\(problem.reference) has no workaround recorded.")
                ])
            }
            base = "Workaround from \(problem.reference): \(workaround)"
        }
        return IncidentResolution(kind: kind, summary: extra.map { "\(base) \($0)" } ?? base)
    }
}

extension ProblemService {
    /// Marks a problem's fix released in `release`, inside the caller's transaction (a release going live), and
    /// tells the partners of its incidents.
    func releaseFix(
        of problem: Problem, in release: String, at now: Date, by principal: Principal,
        repositories: any Repositories
    ) async throws {
        var fixed = problem
        fixed.fixRelease = release
        try fixed.move(to: .fixReleased, at: now)
        fixed.version += 1
        try await repositories.problems.update(fixed, expectedVersion: problem.version)
        try await audit.append(
            .change(
                "problem.fix_released", by: principal, from: problem, to: fixed, target: problem.reference.description),
            in: repositories)
        try await Self.announceFix(of: fixed, at: now, incidents: incidents, repositories: repositories)
        searchCache.clear()
    }
}
