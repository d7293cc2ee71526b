import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// `/api/v1/problems`: staff read the ranked problem records; those who manage problems record them (with
/// the incidents they come from) and move them on; problem managers publish them for partners.
struct ProblemsController {
    let services: AppServices

    func register(on api: any RoutesBuilder) {
        let problems = api.grouped("problems")
        problems.get(use: list).declaring(.readProblems)
        problems.post(use: record).declaring(.manageProblems)
        problems.get(":problemID", use: read).declaring(.readProblems)
        problems.post(":problemID", "status", use: move).declaring(.manageProblems)
        problems.post(":problemID", "merge", use: merge).declaring(.manageProblems)
        problems.post(":problemID", "resolutions", use: resolveLinked).declaring(.manageProblems)
        problems.put(":problemID", "publication", use: publish).declaring(.publishProblems)
        problems.delete(":problemID", "publication", use: withdraw).declaring(.publishProblems)
    }

    struct NewProblem: Content {
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

    struct StatusChange: Content {
        var status: String
        var rootCause: String?
        var workaround: String?
        var fixRelease: String?
    }

    struct Merge: Content {
        /// The problem this one duplicates.
        var into: String
    }

    struct Resolution: Content {
        /// `fix` (the problem's fix is released) or `workaround` (the problem has one).
        var kind: String
        /// Added to each incident's resolution after what the problem says.
        var summary: String?
    }

    struct Resolved: Content {
        var resolved: [IncidentDTO]
    }

    struct Publication: Content {
        var summary: String
    }

    @Sendable func list(_ request: Request) async throws -> [ProblemDTO] {
        let all = (try? request.query.get(Bool.self, at: "all")) ?? false
        return try await services.problems.ranked(as: try request.principal, includeFinished: all).map(ProblemDTO.init)
    }

    @Sendable func record(_ request: Request) async throws -> Response {
        let body = try request.decodeJSONBody(NewProblem.self)
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
            incidents: incidents, by: try request.principal)
        return try await respond(view, status: .created, request)
    }

    @Sendable func read(_ request: Request) async throws -> Response {
        try await respond(
            services.problems.view(Problem.ID(try request.uuidParameter("problemID")), as: try request.principal),
            request)
    }

    @Sendable func move(_ request: Request) async throws -> Response {
        let body = try request.decodeJSONBody(StatusChange.self)
        let view = try await services.problems.move(
            Problem.ID(try request.uuidParameter("problemID")), to: body.status, rootCause: body.rootCause,
            workaround: body.workaround,
            fixRelease: body.fixRelease, expectedVersion: try IfMatch.version(request), by: try request.principal)
        return try await respond(view, request)
    }

    /// Merges this problem (a duplicate) into another; answers the problem it was merged into.
    @Sendable func merge(_ request: Request) async throws -> Response {
        let body = try request.decodeJSONBody(Merge.self)
        guard let target = Problem.ID(uuidString: body.into) else {
            throw ValidationFailure([
                ValidationIssue(field: "into", code: "invalid_format", message: "Give the id of the problem to keep.")
            ])
        }
        let view = try await services.problems.merge(
            Problem.ID(try request.uuidParameter("problemID")), into: target,
            expectedVersion: try IfMatch.version(request), by: try request.principal)
        return try await respond(view, request)
    }

    /// Resolves together the incidents still linked to the problem; answers the incidents resolved.
    @Sendable func resolveLinked(_ request: Request) async throws -> Resolved {
        let body = try request.decodeJSONBody(Resolution.self)
        let views = try await services.problems.resolveLinked(
            Problem.ID(try request.uuidParameter("problemID")), kind: body.kind, summary: body.summary,
            expectedVersion: try IfMatch.version(request), by: try request.principal)
        return Resolved(resolved: views.map(IncidentDTO.init))
    }

    @Sendable func publish(_ request: Request) async throws -> Response {
        let body = try request.decodeJSONBody(Publication.self)
        let view = try await services.problems.publish(
            Problem.ID(try request.uuidParameter("problemID")), summary: body.summary,
            expectedVersion: try IfMatch.version(request),
            by: try request.principal)
        return try await respond(view, request)
    }

    @Sendable func withdraw(_ request: Request) async throws -> Response {
        let view = try await services.problems.withdraw(
            Problem.ID(try request.uuidParameter("problemID")), expectedVersion: try IfMatch.version(request),
            by: try request.principal)
        return try await respond(view, request)
    }

    private func respond(_ view: ProblemView, status: HTTPResponseStatus = .ok, _ request: Request) async throws
        -> Response
    {
        let response = try await ProblemDTO(view).encodeResponse(status: status, for: request)
        response.headers.replaceOrAdd(name: .eTag, value: IfMatch.etag(view.problem.version))
        return response
    }
}

/// A problem record as staff see it through the API, with its fix target and ranking score.
struct ProblemDTO: Content {
    struct FixTarget: Content {
        var workingDays: Int
        var dueDate: String
        var dueAt: String
        var breached: Bool
    }

    struct Score: Content {
        var total: Double
        var incidents: Int
        var partners: Int
        var incidentPoints: Double
        var partnerPoints: Double
    }

    var id: String
    var reference: String
    var title: String
    var description: String
    var rootCause: String?
    var workaround: String?
    var status: String
    var severity: Int
    var origin: String
    var errorCodes: [String]
    var recordedAt: String
    var recordedBy: String
    var fixRelease: String?
    var publicSummary: String?
    var published: Bool
    var version: Int
    var fixTarget: FixTarget
    var score: Score

    init(_ view: ProblemView) {
        let problem = view.problem
        id = problem.id.description
        reference = problem.reference.description
        title = problem.title
        description = problem.description
        rootCause = problem.rootCause
        workaround = problem.workaround
        status = problem.status.rawValue
        severity = problem.severity.level
        origin = problem.origin.rawValue
        errorCodes = problem.errorCodes
        recordedAt = ISO8601Instant.string(from: problem.recordedAt)
        recordedBy = problem.recordedBy
        fixRelease = problem.fixRelease
        publicSummary = problem.publicSummary
        published = problem.isPublished
        version = problem.version
        fixTarget = FixTarget(
            workingDays: view.target.workingDays, dueDate: view.target.dueDate.description,
            dueAt: ISO8601Instant.string(from: view.target.dueAt), breached: view.target.isBreached)
        score = Score(
            total: view.score.total, incidents: view.score.incidents, partners: view.score.partners,
            incidentPoints: view.score.incidentPoints, partnerPoints: view.score.partnerPoints)
    }
}
