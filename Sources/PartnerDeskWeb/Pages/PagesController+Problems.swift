import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// Staff's problem pages: the ranked list, recording a problem, and one problem with the steps on it (move
/// it on, publish or withdraw its public summary, merge a duplicate, resolve its incidents together). The
/// same use cases as `/api/v1/problems`; the public page partners read is ``PublicProblemsController``.
extension PagesController {
    func registerProblemPages(on routes: any RoutesBuilder) {
        routes.get(SiteURL.staffProblems.pathComponents, use: problemList).declaring(.readProblems)
        routes.get(SiteURL.newProblem.pathComponents, use: newProblemForm).declaring(.manageProblems)
        routes.post(SiteURL.staffProblems.pathComponents, use: recordProblem).declaring(.manageProblems)
        routes.get(SiteURL.staffProblem(.key).pathComponents, use: problemRecord).declaring(.readProblems)
        let steps: [(SiteURL.ProblemStep, AccessAction, @Sendable (Request) async throws -> Response)] = [
            (.status, .manageProblems, moveProblem), (.publication, .publishProblems, publishProblem),
            (.withdrawal, .publishProblems, withdrawProblem), (.merge, .manageProblems, mergeProblem),
            (.resolutions, .manageProblems, resolveProblemIncidents),
        ]
        for (step, action, handler) in steps {
            routes.post(SiteURL.problemStep(.key, step).pathComponents, use: handler).declaring(action)
        }
    }

    @Sendable func problemList(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        let all = (try? request.query.get(String.self, at: "all")) == "true"
        let views = try await services.problems.ranked(as: principal, includeFinished: all)
        let page = ProblemListPage(principal: principal, csrf: session.csrfToken, views: views, showingFinished: all)
        return try await request.view.render("staff-problems", page).encodeResponse(for: request)
    }

    @Sendable func newProblemForm(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        guard AccessPolicy.permits(principal, .manageProblems) else {
            throw ServiceError.forbidden
        }
        // Opened from an incident's page, the form starts with that incident.
        let from = (try? request.query.get(String.self, at: "incident")).flatMap(IncidentReference.init)
        let values = from.map { ["incidents": $0.description, "origin": ProblemOrigin.incidents.rawValue] } ?? [:]
        let page = NewProblemPage(principal: principal, csrf: session.csrfToken, values: values)
        return try await request.view.render("staff-problem-new", page).encodeResponse(for: request)
    }

    @Sendable func recordProblem(_ request: Request) async throws -> Response {
        try await formChange(request, record: "problem") { principal, values in
            let incidents = try await services.problems.incidents(
                named: NewProblemPage.list(values["incidents"]), as: principal)
            let view = try await services.problems.record(
                NewProblemPage.draft(values), incidents: incidents, by: principal)
            return SiteURL.staffProblem(.value(view.problem.reference.description)).path
        } showAgain: { principal, session, values, errors in
            let page = NewProblemPage(principal: principal, csrf: session.csrfToken, values: values, errors: errors)
            return try await request.view.render("staff-problem-new", page).encodeResponse(
                status: .unprocessableEntity, for: request)
        }
    }

    @Sendable func problemRecord(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        let view = try await services.problems.view(reference: try request.problemReference(), as: principal)
        let notice = (try? request.query.get(String.self, at: "done")).flatMap { Self.problemNotices[$0] }
        return try await renderProblem(view, principal: principal, session: session, request: request, notice: notice)
    }

    @Sendable func moveProblem(_ request: Request) async throws -> Response {
        try await problemStep(request, done: "moved") { view, values, principal in
            _ = try await services.problems.move(
                view.problem.id, to: values["status"] ?? "", rootCause: values["rootCause"],
                workaround: values["workaround"], fixRelease: values["fixRelease"],
                expectedVersion: Int(values["version"] ?? "") ?? -1, by: principal)
        }
    }

    @Sendable func publishProblem(_ request: Request) async throws -> Response {
        try await problemStep(request, done: "published") { view, values, principal in
            _ = try await services.problems.publish(
                view.problem.id, summary: values["summary"] ?? "", expectedVersion: Int(values["version"] ?? "") ?? -1,
                by: principal)
        }
    }

    @Sendable func withdrawProblem(_ request: Request) async throws -> Response {
        try await problemStep(request, done: "withdrawn") { view, values, principal in
            _ = try await services.problems.withdraw(
                view.problem.id, expectedVersion: Int(values["version"] ?? "") ?? -1, by: principal)
        }
    }

    @Sendable func mergeProblem(_ request: Request) async throws -> Response {
        try await problemStep(request, done: "merged") { view, values, principal in
            guard let target = values["into"].flatMap(Problem.ID.init(uuidString:)) else {
                throw ValidationFailure([
                    ValidationIssue(field: "into", code: "required", message: "Choose the problem this one repeats.")
                ])
            }
            _ = try await services.problems.merge(
                view.problem.id, into: target, expectedVersion: Int(values["version"] ?? "") ?? -1, by: principal)
        }
    }

    @Sendable func resolveProblemIncidents(_ request: Request) async throws -> Response {
        try await problemStep(request, done: "resolved") { view, values, principal in
            _ = try await services.problems.resolveLinked(
                view.problem.id, kind: values["kind"] ?? "", summary: values["resolutionNote"],
                expectedVersion: Int(values["version"] ?? "") ?? -1, by: principal)
        }
    }

    /// What the problem page says after each step (`?done=`), so a reload repeats nothing.
    private static let problemNotices: [String: String] = [
        "moved": "The problem has moved on.",
        "published": "The public summary is approved and the problem is on the public problems-and-fixes page.",
        "withdrawn": "The problem is no longer on the public page; its summary is kept.",
        "merged": "The duplicate is merged: its incidents now link to this problem.",
        "resolved": "The incidents waiting on this problem are resolved and their partners told.",
    ]

    /// Runs one step on the problem in the URL: on success back to its page with a notice (the merged-into
    /// problem after a merge); refused steps show the page again with the reason beside the form.
    private func problemStep(
        _ request: Request, done: String,
        _ step: @escaping @Sendable (ProblemView, [String: String], Principal) async throws -> Void
    ) async throws -> Response {
        try await formChange(request, record: "problem") { principal, values in
            let reference = try request.problemReference()
            let view = try await services.problems.view(
                reference: reference, as: principal, for: request.declaredAction)
            try await step(view, values, principal)
            let shown =
                done == "merged"
                ? try await services.problems.view(view.problem.id, as: principal).problem.mergedInto ?? reference
                : reference
            return SiteURL.staffProblem(.value(shown.description)).path(query: [("done", done)])
        } showAgain: { principal, session, values, errors in
            try await renderProblem(
                try await services.problems.view(reference: try request.problemReference(), as: principal),
                principal: principal,
                session: session, request: request, values: values, errors: errors)
        }
    }

    private func renderProblem(
        _ view: ProblemView, principal: Principal, session: SignInSession, request: Request,
        values: [String: String] = [:], notice: String? = nil, errors: [PageError] = []
    ) async throws -> Response {
        let incidents = try await services.problems.linkedIncidents(of: view.problem.id, as: principal)
        let names = Dictionary(
            try await services.partners.list().map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let others = try await services.problems.ranked(as: principal)
        let page = ProblemRecordPage(
            view: view, incidents: incidents, partnerNames: names, others: others, principal: principal,
            csrf: session.csrfToken, values: values, notice: notice, errors: errors)
        return try await request.view.render("staff-problem", page).encodeResponse(
            status: errors.isEmpty ? .ok : .unprocessableEntity, for: request)
    }
}

extension Request {
    /// The problem reference in the path (`PRB-000045`); anything else reads as missing.
    func problemReference() throws -> ProblemReference {
        guard let text = parameters.get("reference"), let reference = ProblemReference(text) else {
            throw ServiceError.notFound
        }
        return reference
    }
}
