import Foundation
import PartnerDeskDomain

/// What staff write to record a problem.
public struct ProblemDraft: Sendable, Hashable {
    public var title: String?
    public var description: String?
    public var severity: Int?
    /// `incidents`, `internal_bug` or `external_feedback`.
    public var origin: String?
    public var errorCodes: [String]?
    public var rootCause: String?
    public var workaround: String?

    public init(
        title: String?, description: String?, severity: Int?, origin: String?, errorCodes: [String]? = nil,
        rootCause: String? = nil, workaround: String? = nil
    ) {
        self.title = title
        self.description = description
        self.severity = severity
        self.origin = origin
        self.errorCodes = errorCodes
        self.rootCause = rootCause
        self.workaround = workaround
    }
}

/// A problem with what people need beside it: its fix target and its place in the ranking.
public struct ProblemView: Sendable, Hashable {
    public var problem: Problem
    public var target: ProblemFixTarget
    public var score: ProblemScore
}

/// Problem management: record problems (from incidents, internal bugs or outside feedback), move them on,
/// link incidents to them, rank them by impact, and publish an approved summary for partners.
public struct ProblemService: Sendable {
    let store: any UnitOfWork
    let ids: any IDGenerator
    let clock: any Clock
    let catalog: ServiceLevelCatalog
    let incidents: IncidentService
    let searchCache: ProblemSearchCache
    /// Problems' changes go into the same audit log as their incidents'.
    var audit: AuditService { incidents.audit }

    public init(
        store: any UnitOfWork, ids: any IDGenerator, clock: any Clock, catalog: ServiceLevelCatalog,
        incidents: IncidentService
    ) {
        self.store = store
        self.ids = ids
        self.clock = clock
        self.catalog = catalog
        self.incidents = incidents
        self.searchCache = ProblemSearchCache(clock: clock)
    }

    /// Records a problem and links the given incidents to it (each link is a step in the incident's own
    /// history, and stops its resolution clock).
    public func record(_ draft: ProblemDraft, incidents linked: [Incident.ID] = [], by principal: Principal)
        async throws -> ProblemView
    {
        try Authorization.require(principal, .manageProblems)
        var check = ValidationCollector()
        let title = check.requiredText("title", draft.title ?? "", label: "title", maxLength: 200) ?? ""
        let description =
            check.requiredText(
                "description", draft.description ?? "", label: "description", maxLength: 10_000, lines: .multiple) ?? ""
        let severity = draft.severity.flatMap(Severity.init)
        if severity == nil { check.add("severity", "out_of_range", "Give the severity, 1 to 5.") }
        let origin = ProblemOrigin(rawValue: draft.origin ?? ProblemOrigin.incidents.rawValue)
        if origin == nil {
            check.add("origin", "unknown_value", "The origin is incidents, internal_bug or external_feedback.")
        }
        let codes = (draft.errorCodes ?? []).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var texts: [(field: String, text: String)] = [("title", title), ("description", description)]
        texts += [("rootCause", draft.rootCause ?? ""), ("workaround", draft.workaround ?? "")]
        texts += codes.enumerated().map { ("errorCodes[\($0.offset)]", $0.element) }
        let issues = check.issues + PatientDataGuard().refusals(for: texts)
        guard issues.isEmpty, let severity, let origin else { throw ValidationFailure(issues) }
        let now = clock.now()
        let ids = self.ids
        let incidents = self.incidents
        let catalog = self.catalog
        // The problem and every link to it commit together: a refused link leaves no half-made problem.
        let problem = try await store.transaction { repositories in
            var problem = Problem(
                id: .init(ids.make()), reference: try await repositories.problems.nextReference(), title: title,
                description: description, severity: severity, origin: origin, errorCodes: codes, recordedAt: now,
                recordedBy: principal.displayName)
            problem.rootCause = Self.nonEmpty(draft.rootCause)
            problem.workaround = Self.nonEmpty(draft.workaround)
            try await repositories.problems.create(problem)
            try await audit.append(
                .change("problem.record", by: principal, from: nil, to: problem, target: problem.reference.description),
                in: repositories)
            let link = IncidentTransition.linkToProblem(reference: problem.reference.description)
            for id in linked {
                var incident = try await incidents.visibleIncident(
                    id, principal: principal, action: .manageProblems, repositories: repositories)
                guard let partner = try await repositories.partners.find(id: incident.partnerID) else {
                    throw ServiceError.notFound
                }
                let (before, version, from) = (incident, incident.version, incident.status)
                do {
                    try incident.apply(link, at: now, tier: catalog.tier(partner.tierID))
                } catch let error as IncidentTransitionError {
                    throw ServiceError.invalidTransition("\(incident.reference): \(error.description)")
                }
                let event = IncidentEvent(
                    id: .init(ids.make()), incidentID: incident.id, at: now,
                    kind: .transition(.linkToProblem, from: from, to: incident.status), visibility: .public,
                    actorName: principal.displayName, actorRole: principal.role, note: nil)
                _ = try await incidents.record(
                    incident, before: before, by: principal, expectedVersion: version, partner: partner,
                    events: [event], at: now, repositories: repositories)
            }
            return problem
        }
        return try await view(problem.id, as: principal)
    }

    /// One problem, with its fix target and score.
    public func view(_ id: Problem.ID, as principal: Principal) async throws -> ProblemView {
        try Authorization.require(principal, .readProblems)
        guard let problem = try await store.repositories.problems.find(id: id) else { throw ServiceError.notFound }
        let linked = try await store.repositories.problems.linkedIncidents()
        return makeView(problem, linked: linked[problem.reference] ?? [], agreed: try await agreed(), at: clock.now())
    }

    /// One problem by its reference, with its fix target and score, for a caller about to perform `action` on it
    /// (reading, by default): a caller whose role never allows the action is refused before the lookup.
    public func view(reference: ProblemReference, as principal: Principal, for action: AccessAction = .readProblems)
        async throws -> ProblemView
    {
        try Authorization.require(principal, action)
        try Authorization.require(principal, .readProblems)
        guard let problem = try await store.repositories.problems.find(reference: reference) else {
            throw ServiceError.notFound
        }
        return try await view(problem.id, as: principal)
    }

    /// The incidents linked to a problem, oldest first, for staff working it.
    public func linkedIncidents(of id: Problem.ID, as principal: Principal) async throws -> [Incident] {
        try Authorization.require(principal, .readProblems)
        guard let problem = try await store.repositories.problems.find(id: id) else { throw ServiceError.notFound }
        return try await store.repositories.incidents.linked(toProblem: problem.reference.description)
            .sorted { $0.reference.number < $1.reference.number }
    }

    /// The incidents named by references such as `INC-000123`, for recording a problem from them; every
    /// reference that names no incident is refused by name.
    public func incidents(named references: [String], as principal: Principal) async throws -> [Incident.ID] {
        try Authorization.require(principal, .manageProblems)
        var check = ValidationCollector()
        var ids: [Incident.ID] = []
        for text in references {
            // Only a well-formed reference is repeated back: the text could hold anything.
            guard let reference = IncidentReference(text) else {
                check.add("incidents", "invalid_format", "Incident references look like INC-000123.")
                continue
            }
            guard let incident = try await store.repositories.incidents.find(reference: reference) else {
                check.add("incidents", "not_found", "There is no incident \(reference).")
                continue
            }
            if !ids.contains(incident.id) { ids.append(incident.id) }
        }
        try check.finish()
        return ids
    }

    /// Every problem still being worked, highest score first (equal scores: higher severity, then older).
    public func ranked(as principal: Principal, includeFinished: Bool = false) async throws -> [ProblemView] {
        try Authorization.require(principal, .readProblems)
        let now = clock.now()
        let linked = try await store.repositories.problems.linkedIncidents()
        let agreed = try await agreed()
        return try await store.repositories.problems.list()
            .filter { includeFinished || $0.status.isOpen }
            .map { makeView($0, linked: linked[$0.reference] ?? [], agreed: agreed, at: now) }
            .sorted { lhs, rhs in
                if lhs.score.total != rhs.score.total { return lhs.score.total > rhs.score.total }
                if lhs.problem.severity != rhs.problem.severity {
                    return lhs.problem.severity.level < rhs.problem.severity.level
                }
                return lhs.problem.reference < rhs.problem.reference
            }
    }

    /// Moves a problem on; a root cause (for a known error) and the fix release (for fix released) can be
    /// given with the move.
    public func move(
        _ id: Problem.ID, to status: String, rootCause: String? = nil, workaround: String? = nil,
        fixRelease: String? = nil, expectedVersion: Int, by principal: Principal
    ) async throws -> ProblemView {
        try Authorization.require(principal, .manageProblems)
        guard let target = ProblemStatus(rawValue: status) else {
            throw ValidationFailure([
                ValidationIssue(
                    field: "status", code: "unknown_value",
                    message: "The status is one of: \(ProblemStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
            ])
        }
        let texts = [
            ("rootCause", rootCause ?? ""), ("workaround", workaround ?? ""), ("fixRelease", fixRelease ?? ""),
        ]
        let refusals = PatientDataGuard().refusals(for: texts)
        if !refusals.isEmpty { throw ValidationFailure(refusals) }
        let incidents = self.incidents
        return try await change(id, "problem.\(target.rawValue)", expectedVersion: expectedVersion, by: principal) {
            problem, now, repositories in
            if let rootCause = Self.nonEmpty(rootCause) { problem.rootCause = rootCause }
            if let workaround = Self.nonEmpty(workaround) { problem.workaround = workaround }
            if let fixRelease = Self.nonEmpty(fixRelease) { problem.fixRelease = fixRelease }
            try problem.move(to: target, at: now)
            if target == .fixReleased {
                try await Self.announceFix(of: problem, at: now, incidents: incidents, repositories: repositories)
            }
        }
    }

    /// Merges a duplicate into the problem it repeats: the duplicate's incidents move to the other problem
    /// (each with a step in its history), and the duplicate is closed, withdrawn from the public page, and
    /// points at the problem it was merged into. One transaction: all of it happens, or none.
    public func merge(
        _ duplicateID: Problem.ID, into targetID: Problem.ID, expectedVersion: Int, by principal: Principal
    ) async throws -> ProblemView {
        try Authorization.require(principal, .manageProblems)
        guard duplicateID != targetID else {
            throw ValidationFailure([
                ValidationIssue(field: "into", code: "same_problem", message: "A problem cannot be merged into itself.")
            ])
        }
        let now = clock.now()
        let ids = self.ids
        let incidents = self.incidents
        let target = try await store.transaction { repositories in
            guard var duplicate = try await repositories.problems.find(id: duplicateID),
                let target = try await repositories.problems.find(id: targetID)
            else { throw ServiceError.notFound }
            guard duplicate.version == expectedVersion else {
                throw ServiceError.versionMismatch(currentVersion: duplicate.version)
            }
            guard duplicate.status != .closed, target.status != .closed else {
                throw ValidationFailure([
                    ValidationIssue(field: "into", code: "closed", message: "Closed problems cannot be merged.")
                ])
            }
            for var incident in try await repositories.incidents.linked(toProblem: duplicate.reference.description) {
                guard let partner = try await repositories.partners.find(id: incident.partnerID) else { continue }
                let (version, before) = (incident.version, incident)
                incident.linkedProblem = target.reference.description
                incident.updatedAt = now
                incident.version += 1
                let event = IncidentEvent(
                    id: .init(ids.make()), incidentID: incident.id, at: now, kind: .updated(fields: ["linkedProblem"]),
                    visibility: .public, actorName: principal.displayName, actorRole: principal.role,
                    note: "\(duplicate.reference) was a duplicate of \(target.reference).")
                _ = try await incidents.record(
                    incident, before: before, by: principal, expectedVersion: version, partner: partner,
                    events: [event], at: now, repositories: repositories)
            }
            let before = duplicate
            try duplicate.move(to: .closed, at: now)
            duplicate.mergedInto = target.reference
            duplicate.isPublished = false
            duplicate.version += 1
            try await repositories.problems.update(duplicate, expectedVersion: expectedVersion)
            try await audit.append(
                .change(
                    "problem.merge", by: principal, from: before, to: duplicate,
                    reason: "A duplicate of \(target.reference).", target: duplicate.reference.description),
                in: repositories)
            return target
        }
        searchCache.clear()
        return try await view(target.id, as: principal)
    }

    /// Approves the text partners read and shows the problem on the public problems-and-fixes page.
    public func publish(_ id: Problem.ID, summary: String, expectedVersion: Int, by principal: Principal)
        async throws -> ProblemView
    {
        try Authorization.require(principal, .publishProblems)
        var check = ValidationCollector()
        let text =
            check.requiredText("summary", summary, label: "public summary", maxLength: 4_000, lines: .multiple) ?? ""
        let issues = check.issues + PatientDataGuard().refusals(for: [("summary", text)])
        if !issues.isEmpty { throw ValidationFailure(issues) }
        return try await change(id, "problem.publish", expectedVersion: expectedVersion, by: principal) {
            problem, now, _ in
            problem.publicSummary = text
            problem.publicSummaryApprovedBy = principal.displayName
            problem.isPublished = true
            problem.updatedAt = now
        }
    }

    /// Takes the problem off the public page (its approved summary is kept for next time).
    public func withdraw(_ id: Problem.ID, expectedVersion: Int, by principal: Principal) async throws -> ProblemView {
        try Authorization.require(principal, .publishProblems)
        return try await change(id, "problem.withdraw", expectedVersion: expectedVersion, by: principal) {
            problem, now, _ in
            problem.isPublished = false
            problem.updatedAt = now
        }
    }

    /// Published problems matching the words, best first, for partners checking before they raise an
    /// incident (no sign-in needed: nothing unpublished or internal is searched or shown).
    public func searchPublished(_ text: String, limit: Int = 20) async throws -> [ProblemSearchHit] {
        let limit = min(max(limit, 1), 50)
        let words = ProblemSearch.words(ofQuery: text)
        guard !words.isEmpty else { return [] }
        return try await searchCache.hits(words: words, limit: limit) {
            try await store.repositories.problems.searchPublished(words.joined(separator: " "), limit: limit)
        }
    }

    /// Every published problem still worth knowing about, with its fix target, newest first.
    public func published() async throws -> [ProblemView] {
        let now = clock.now()
        let agreed = try await agreed()
        return try await store.repositories.problems.list().filter(\.isPublished).reversed().map {
            makeView($0, linked: [], agreed: agreed, at: now)
        }
    }

    /// A search hit's problem with its fix target, for showing search results without reading it again.
    public func publishedView(_ hit: ProblemSearchHit) async throws -> ProblemView {
        makeView(hit.problem, linked: [], agreed: try await agreed(), at: clock.now())
    }

    /// A published problem by reference, or nil: unpublished ones read as missing.
    public func publishedProblem(_ reference: ProblemReference) async throws -> ProblemView? {
        guard let problem = try await store.repositories.problems.find(reference: reference), problem.isPublished
        else { return nil }
        return makeView(problem, linked: [], agreed: try await agreed(), at: clock.now())
    }

    /// Loads a problem, checks the version, lets `body` change it, and stores it with its audit entry.
    private func change(
        _ id: Problem.ID, _ action: String, expectedVersion: Int, by principal: Principal,
        _ body: @escaping @Sendable (inout Problem, Date, any Repositories) async throws -> Void
    ) async throws -> ProblemView {
        let now = clock.now()
        let audit = self.audit
        let problem = try await store.transaction { repositories in
            guard var problem = try await repositories.problems.find(id: id) else { throw ServiceError.notFound }
            guard problem.version == expectedVersion else {
                throw ServiceError.versionMismatch(currentVersion: problem.version)
            }
            let before = problem
            try await body(&problem, now, repositories)
            problem.version += 1
            try await repositories.problems.update(problem, expectedVersion: expectedVersion)
            try await audit.append(
                .change(action, by: principal, from: before, to: problem, target: problem.reference.description),
                in: repositories)
            return problem
        }
        searchCache.clear()
        let linked = try await store.repositories.problems.linkedIncidents()
        return makeView(problem, linked: linked[problem.reference] ?? [], agreed: try await agreed(), at: now)
    }

    /// Problems belong to the platform, not to one partner: their fix targets follow the Silver tier.
    private func makeView(
        _ problem: Problem, linked: [ProblemScore.LinkedIncident], agreed: [Problem.ID: AgreedRelease], at now: Date
    ) -> ProblemView {
        let tier = catalog.tier(ServiceLevelTier.silver.id)
        return ProblemView(
            problem: problem,
            target: problem.fixTarget(
                tier: tier, calendar: catalog.calendar(tier.id), at: now, agreedRelease: agreed[problem.id]),
            score: ProblemScore(linked, at: now))
    }

    /// The releases agreed to carry problems' fixes, by problem.
    private func agreed() async throws -> [Problem.ID: AgreedRelease] {
        AgreedRelease.byProblem(try await store.repositories.releases.releases())
    }

    static func nonEmpty(_ text: String?) -> String? {
        text.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
    }
}
