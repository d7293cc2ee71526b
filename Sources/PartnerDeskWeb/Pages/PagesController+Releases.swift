import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// Change and release pages: for staff the release calendar, each sprint (with the digest as partners will
/// read it), each release (its approvals, holds and steps) and each notice (previewed before it goes); for
/// partners the notices sent to them and the releases that need their approval. The same use cases as the
/// API; the public page is ``PublicReleasesController``.
extension PagesController {
    func registerReleasePages(on routes: any RoutesBuilder) {
        routes.get(SiteURL.releases.pathComponents, use: releaseCalendar).declaring(.readReleases)
        routes.post(SiteURL.sprints.pathComponents, use: planSprint).declaring(.manageReleases)
        routes.get(SiteURL.sprint(.key).pathComponents, use: sprintPage).declaring(.readReleases)
        routes.post(SiteURL.sprintFeatures(.key).pathComponents, use: addFeature).declaring(.manageReleases)
        routes.post(SiteURL.sprintFeatureRemoval(.key, .key).pathComponents, use: removeFeature)
            .declaring(.manageReleases)
        routes.post(SiteURL.sprintSchedule(.key).pathComponents, use: rescheduleSprint).declaring(.manageReleases)
        routes.post(SiteURL.sprintDigest(.key).pathComponents, use: sendDigest).declaring(.manageReleases)
        routes.post(SiteURL.sprintDigestDecisions(.key).pathComponents, use: decideOnDigest)
            .declaring(.approveReleases)
        routes.post(SiteURL.releases.pathComponents, use: planRelease).declaring(.manageReleases)
        routes.get(SiteURL.release(.key).pathComponents, use: releasePage).declaring(.readReleases)
        let steps: [(SiteURL.ReleaseStep, AccessAction)] = [
            (.contents, .manageReleases), (.notes, .manageReleases), (.decisions, .approveReleases),
            (.plan, .manageReleases),
            (.release, .manageReleases), (.rollback, .manageReleases),
        ]
        for (step, action) in steps {
            routes.post(SiteURL.releaseStep(.key, step).pathComponents) { request in
                try await self.releaseStep(request, step)
            }.declaring(action)
        }
        routes.post(SiteURL.notices.pathComponents, use: createNotice).declaring(.manageReleases)
        routes.get(SiteURL.notice(.key).pathComponents, use: noticePage).declaring(.readReleases)
        routes.post(SiteURL.noticeSend(.key).pathComponents, use: sendNotice).declaring(.manageReleases)
        routes.post(SiteURL.noticeDecisions(.key).pathComponents, use: decideOnNotice).declaring(.approveReleases)
        routes.post(SiteURL.levelApprovers(.key).pathComponents, use: setApprovers).declaring(.manageApprovalLevels)
        routes.get(SiteURL.changeNotices.pathComponents, use: changeNotices).declaring(.readChangeNotices)
        routes.get(SiteURL.changeNotice(.key).pathComponents, use: changeNotice).declaring(.readChangeNotices)
        routes.post(SiteURL.changeNoticeAnswers(.key).pathComponents, use: answerNotice)
            .declaring(.respondToChangeNotice)
        routes.post(SiteURL.changeApproval(.key).pathComponents, use: approveChange).declaring(.approveChangeAsPartner)
    }

    // MARK: The release calendar

    @Sendable func releaseCalendar(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else { return request.redirect(to: .signIn) }
        let notice = (try? request.query.get(String.self, at: "done")).flatMap { Self.releaseNotices[$0] }
        return try await renderCalendar(principal: principal, session: session, request: request, notice: notice)
    }

    @Sendable func setApprovers(_ request: Request) async throws -> Response {
        try await formChange(request, record: "assurance level") { principal, values in
            let code = request.parameters.get("code") ?? ""
            // Each address is named by its position; the form has one field per level.
            try await ValidationFailure.naming({ _ in "approvers-\(code)" }) {
                _ = try await services.releases.setApprovers(
                    of: code, to: ReleaseCalendarPage.list(values["approvers"]), by: principal)
            }
            return SiteURL.releases.path(query: [("done", "approvers")])
        } showAgain: { principal, session, values, errors in
            var values = values
            values["level"] = request.parameters.get("code")
            return try await renderCalendar(
                principal: principal, session: session, request: request, values: values, errors: errors)
        }
    }

    @Sendable func planSprint(_ request: Request) async throws -> Response {
        try await formChange(request, record: "sprint") { principal, values in
            let view = try await services.releases.planSprint(
                SprintDraft(
                    number: Int(values["number"] ?? ""), startsOn: values["startsOn"], endsOn: values["endsOn"],
                    goal: values["goal"]), by: principal)
            return SiteURL.sprint(.value(view.sprint.id.description)).path
        } showAgain: { principal, session, values, errors in
            try await renderCalendar(
                principal: principal, session: session, request: request, values: values, errors: errors)
        }
    }

    @Sendable func planRelease(_ request: Request) async throws -> Response {
        try await formChange(request, record: "release") { principal, values in
            let draft = ReleaseDraft(
                name: values["name"], summary: values["summary"],
                plannedAt: PageFormat.instantText(values["plannedAt"]),
                sprint: Int(values["sprint"] ?? ""), features: ReleaseCalendarPage.list(values["features"]),
                problems: ReleaseCalendarPage.list(values["problems"]), knownIssues: values["knownIssues"],
                partnerActions: values["partnerActions"])
            guard case .created(let view, _) = try await services.releases.planRelease(draft, by: principal) else {
                throw ServiceError.idempotencyKeyReused
            }
            return SiteURL.release(.value(view.release.id.description)).path
        } showAgain: { principal, session, values, errors in
            try await renderCalendar(
                principal: principal, session: session, request: request, values: values, errors: errors)
        }
    }

    @Sendable func createNotice(_ request: Request) async throws -> Response {
        try await formChange(request, record: "notice") { principal, values in
            let draft = IntegrationNoticeDraft(
                title: values["noticeTitle"], description: values["noticeDescription"],
                feature: values["feature"].flatMap { $0.isEmpty ? nil : $0 }, availableFrom: values["availableFrom"],
                partners: ReleaseCalendarPage.list(values["partners"]))
            guard case .created(let notice, _) = try await services.releases.createNotice(draft, by: principal) else {
                throw ServiceError.idempotencyKeyReused
            }
            return SiteURL.notice(.value(notice.id.description)).path
        } showAgain: { principal, session, values, errors in
            try await renderCalendar(
                principal: principal, session: session, request: request, values: values, errors: errors)
        }
    }

    private func renderCalendar(
        principal: Principal, session: SignInSession, request: Request, values: [String: String] = [:],
        notice: String? = nil, errors: [PageError] = []
    ) async throws -> Response {
        let page = ReleaseCalendarPage(
            principal: principal, csrf: session.csrfToken, sprints: try await services.releases.sprints(as: principal),
            releases: try await services.releases.releases(as: principal),
            notices: try await services.releases.notices(as: principal),
            levels: try await services.releases.approvalLevels(as: principal),
            codes: try await services.releases.partnerCodesByID(), values: values, notice: notice, errors: errors)
        return try await request.view.render("releases", page).encodeResponse(
            status: errors.isEmpty ? .ok : .unprocessableEntity, for: request)
    }

    // MARK: Sprints

    @Sendable func sprintPage(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else { return request.redirect(to: .signIn) }
        let notice = (try? request.query.get(String.self, at: "done")).flatMap { Self.releaseNotices[$0] }
        return try await renderSprint(
            try request.identifier(Sprint.self, "sprintID"), principal: principal, session: session, request: request,
            notice: notice)
    }

    @Sendable func addFeature(_ request: Request) async throws -> Response {
        try await sprintStep(request, done: "feature") { id, values, principal in
            // The use case names the feature's fields as in the sprint's plan; the form names them its own way.
            let names = ["title": "featureTitle", "description": "featureDescription"]
            try await ValidationFailure.naming({ field in
                let field = field.replacingOccurrences(of: "features[0].", with: "")
                return names[field] ?? field.components(separatedBy: "[").first ?? field
            }) {
                _ = try await services.releases.addFeature(
                    SprintFeatureDraft(
                        title: values["featureTitle"], description: values["featureDescription"],
                        services: ReleaseCalendarPage.list(values["services"]), impact: values["impact"],
                        partnerAction: values["partnerAction"].flatMap { $0.isEmpty ? nil : $0 },
                        affectedPartners: ReleaseCalendarPage.list(values["affectedPartners"])),
                    to: id, expectedVersion: Int(values["version"] ?? "") ?? -1, by: principal)
            }
        }
    }

    @Sendable func rescheduleSprint(_ request: Request) async throws -> Response {
        try await sprintStep(request, done: "schedule") { id, values, principal in
            _ = try await services.releases.rescheduleSprint(
                id,
                SprintDraft(
                    number: Int(values["number"] ?? ""), startsOn: values["startsOn"], endsOn: values["endsOn"],
                    goal: values["goal"]), expectedVersion: Int(values["version"] ?? "") ?? -1, by: principal)
        }
    }

    @Sendable func removeFeature(_ request: Request) async throws -> Response {
        try await sprintStep(request, done: "removed") { id, values, principal in
            _ = try await services.releases.removeFeature(
                try request.identifier(SprintFeature.self, "featureID"), from: id,
                expectedVersion: Int(values["version"] ?? "") ?? -1, by: principal)
        }
    }

    @Sendable func sendDigest(_ request: Request) async throws -> Response {
        try await sprintStep(request, done: "digest") { id, values, principal in
            _ = try await services.releases.sendDigest(
                id, expectedVersion: Int(values["version"] ?? "") ?? -1, by: principal)
        }
    }

    @Sendable func decideOnDigest(_ request: Request) async throws -> Response {
        try await sprintStep(request, done: "decisions") { id, values, principal in
            _ = try await services.releases.decideOnDigest(
                id, AssurancePanel.draft(values), expectedVersion: Int(values["version"] ?? "") ?? -1, by: principal)
        }
    }

    private func sprintStep(
        _ request: Request, done: String,
        _ step: @escaping @Sendable (Sprint.ID, [String: String], Principal) async throws -> Void
    ) async throws -> Response {
        try await formChange(request, record: "sprint") { principal, values in
            let id = try request.identifier(Sprint.self, "sprintID")
            try await step(id, values, principal)
            return SiteURL.sprint(.value(id.description)).path(query: [("done", done)])
        } showAgain: { principal, session, values, errors in
            try await renderSprint(
                try request.identifier(Sprint.self, "sprintID"), principal: principal, session: session,
                request: request, values: values, errors: errors)
        }
    }

    private func renderSprint(
        _ id: Sprint.ID, principal: Principal, session: SignInSession, request: Request,
        values: [String: String] = [:], notice: String? = nil, errors: [PageError] = []
    ) async throws -> Response {
        let view = try await services.releases.sprint(id, as: principal)
        let preview: ReleaseNotice? =
            AccessPolicy.permits(principal, .manageReleases)
            ? try await services.releases.digestPreview(id, as: principal) : nil
        let page = SprintPage(
            view: view, preview: preview, principal: principal, csrf: session.csrfToken,
            codes: try await services.releases.partnerCodesByID(),
            levels: try await services.releases.approvalLevels(as: principal).map(\.level), values: values,
            notice: notice, errors: errors)
        return try await request.view.render("sprint", page).encodeResponse(
            status: errors.isEmpty ? .ok : .unprocessableEntity, for: request)
    }

    /// What the release, sprint and notice pages say after each step (`?done=`), so a reload repeats nothing.
    static let releaseNotices: [String: String] = [
        "feature": "The feature is added to the sprint.",
        "schedule": "The sprint's number, dates and aim are changed.",
        "removed": "The feature is taken off the sprint.",
        "contents": "The release is changed; publish its notes again if they changed.",
        "approvers": "The level's approvers are saved.",
        "digest": "The digest has gone to every partner.",
        "notes": "The notes are on the service updates and releases page and have gone to every partner.",
        "decisions": "Your decision is recorded.",
        "plan": "The release is re-planned; partners are told the new date once the notes are out.",
        "release": "The release is live; the problems it fixes are marked fix released.",
        "rollback": "The roll-back is recorded and partners are told.",
        "send": "The notice has gone to its partners.",
        "answered": "Your answer is recorded.",
        "approved": "Your organisation's decision is recorded.",
    ]
}

extension Request {
    /// The record id in the path parameter `name`; anything else reads as missing.
    func identifier<Entity>(_ entity: Entity.Type, _ name: String) throws -> EntityID<Entity> {
        guard let text = parameters.get(name), let id = EntityID<Entity>(uuidString: text) else {
            throw ServiceError.notFound
        }
        return id
    }
}
