import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// `/api/v1/problems`: staff read the ranked problem records; those who manage problems record them (with
/// the incidents they come from) and move them on; problem managers publish them for partners.
extension APIOperations {
    func listProblems(_ input: Operations.ListProblems.Input) async throws -> Operations.ListProblems.Output {
        let views = try await services.problems.ranked(
            as: try APIRequest.request.principal, includeFinished: input.query.all ?? false)
        return .ok(.init(body: .json(try views.map { try Components.Schemas.ProblemRecord($0) })))
    }

    func recordProblem(_ input: Operations.RecordProblem.Input) async throws -> Operations.RecordProblem.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
        var check = ValidationCollector()
        let incidents = (body.incidents ?? []).compactMap { text -> Incident.ID? in
            guard let id = Incident.ID(uuidString: text) else {
                check.add("incidents", "invalid_format", "'\(text)' is not an incident id.")
                return nil
            }
            return id
        }
        try check.finish()
        let view = try await services.problems.record(
            ProblemDraft(
                title: body.title, description: body.description, severity: body.severity, origin: body.origin,
                errorCodes: body.errorCodes, rootCause: body.rootCause, workaround: body.workaround),
            incidents: incidents, by: try APIRequest.request.principal)
        return .created(.init(headers: .init(eTag: IfMatch.etag(view.problem.version)), body: .json(try .init(view))))
    }

    func getProblem(_ input: Operations.GetProblem.Input) async throws -> Operations.GetProblem.Output {
        let view = try await services.problems.view(
            try Problem.ID.inPath(input.path.problemID), as: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(view.problem.version)), body: .json(try .init(view))))
    }

    func moveProblem(_ input: Operations.MoveProblem.Input) async throws -> Operations.MoveProblem.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let view = try await services.problems.move(
            try Problem.ID.inPath(input.path.problemID), to: body.status, rootCause: body.rootCause,
            workaround: body.workaround, fixRelease: body.fixRelease,
            expectedVersion: try IfMatch.version(input.headers.ifMatch), by: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(view.problem.version)), body: .json(try .init(view))))
    }

    /// Merges this problem (a duplicate) into another; answers the problem it was merged into.
    func mergeProblem(_ input: Operations.MergeProblem.Input) async throws -> Operations.MergeProblem.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
        guard let target = Problem.ID(uuidString: body.into) else {
            throw ValidationFailure([
                ValidationIssue(field: "into", code: "invalid_format", message: "Give the id of the problem to keep.")
            ])
        }
        let view = try await services.problems.merge(
            try Problem.ID.inPath(input.path.problemID), into: target,
            expectedVersion: try IfMatch.version(input.headers.ifMatch), by: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(view.problem.version)), body: .json(try .init(view))))
    }

    /// Resolves together the incidents still linked to the problem; answers the incidents resolved.
    func resolveLinkedIncidents(_ input: Operations.ResolveLinkedIncidents.Input) async throws
        -> Operations.ResolveLinkedIncidents.Output
    {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let views = try await services.problems.resolveLinked(
            try Problem.ID.inPath(input.path.problemID), kind: body.kind, summary: body.summary,
            expectedVersion: try IfMatch.version(input.headers.ifMatch), by: try APIRequest.request.principal)
        return .ok(.init(body: .json(.init(resolved: try views.map { try Components.Schemas.Incident($0) }))))
    }

    func publishProblem(_ input: Operations.PublishProblem.Input) async throws -> Operations.PublishProblem.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let view = try await services.problems.publish(
            try Problem.ID.inPath(input.path.problemID), summary: body.summary,
            expectedVersion: try IfMatch.version(input.headers.ifMatch), by: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(view.problem.version)), body: .json(try .init(view))))
    }

    func withdrawProblem(_ input: Operations.WithdrawProblem.Input) async throws -> Operations.WithdrawProblem.Output {
        let view = try await services.problems.withdraw(
            try Problem.ID.inPath(input.path.problemID), expectedVersion: try IfMatch.version(input.headers.ifMatch),
            by: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(view.problem.version)), body: .json(try .init(view))))
    }
}

/// A problem to record, read as sent so that every missing or wrong field is named; `NewProblemRecord`.
struct NewProblemRequest: Codable, Hashable, Sendable {
    var title: String?
    var description: String?
    var severity: Int?
    var origin: String?
    var errorCodes: [String]?
    var rootCause: String?
    var workaround: String?
    /// Incidents to link to the new problem.
    var incidents: [String]?
}

/// Where a problem moves, read as sent so that the service names a wrong status; `ProblemStatusChange`.
struct ProblemStatusChangeRequest: Codable, Hashable, Sendable {
    var status: String
    var rootCause: String?
    var workaround: String?
    var fixRelease: String?
}

/// How the linked incidents are resolved, read as sent; `ProblemResolution`.
struct ProblemResolutionRequest: Codable, Hashable, Sendable {
    /// `fix` (the problem's fix is released) or `workaround` (the problem has one).
    var kind: String
    /// Added to each incident's resolution after what the problem says.
    var summary: String?
}

extension Components.Schemas.ProblemRecord {
    /// A problem record as staff see it through the API, with its fix target and ranking score.
    init(_ view: ProblemView) throws {
        let problem = view.problem
        self.init(
            id: problem.id.description, reference: problem.reference.description, title: problem.title,
            description: problem.description, rootCause: problem.rootCause, workaround: problem.workaround,
            status: try .documented(problem.status.rawValue), severity: problem.severity.level,
            origin: try .documented(problem.origin.rawValue), errorCodes: problem.errorCodes,
            recordedAt: problem.recordedAt, recordedBy: problem.recordedBy, fixRelease: problem.fixRelease,
            publicSummary: problem.publicSummary, published: problem.isPublished, version: problem.version,
            fixTarget: .init(
                workingDays: view.target.workingDays, dueDate: view.target.dueDate.description,
                dueAt: view.target.dueAt, breached: view.target.isBreached, agreedRelease: view.target.agreedRelease),
            score: .init(
                total: view.score.total, incidents: view.score.incidents, partners: view.score.partners,
                incidentPoints: view.score.incidentPoints, partnerPoints: view.score.partnerPoints))
    }
}
