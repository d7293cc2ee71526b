import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// One release's page and its steps, one notice's page for staff, and the partners' change pages.
extension PagesController {
    @Sendable func releasePage(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else { return request.redirect(to: .signIn) }
        let notice = (try? request.query.get(String.self, at: "done")).flatMap { Self.releaseNotices[$0] }
        return try await renderRelease(
            try request.identifier(Release.self, "releaseID"), principal: principal, session: session,
            request: request, notice: notice)
    }

    func releaseStep(_ request: Request, _ step: SiteURL.ReleaseStep) async throws -> Response {
        try await formChange(request, record: "release") { principal, values in
            let id = try request.identifier(Release.self, "releaseID")
            let version = Int(values["version"] ?? "") ?? -1
            let releases = services.releases
            switch step {
            case .contents:
                try await ValidationFailure.naming(ReleaseForms.contentsField) {
                    _ = try await releases.reviseRelease(
                        id, ReleaseForms.releaseDraft(values), expectedVersion: version, by: principal)
                }
            case .notes: _ = try await releases.publishNotes(id, expectedVersion: version, by: principal)
            case .decisions:
                _ = try await releases.decide(
                    id, AssurancePanel.draft(values), expectedVersion: version, by: principal)
            case .plan:
                try await ValidationFailure.naming({ $0 == "reason" ? "replanReason" : $0 }) {
                    _ = try await releases.replan(
                        id, to: PageFormat.instantText(values["plannedAt"]) ?? "", reason: values["replanReason"],
                        expectedVersion: version, by: principal)
                }
            case .release: _ = try await releases.markReleased(id, expectedVersion: version, by: principal)
            case .rollback:
                try await ValidationFailure.naming({ _ in "rollbackReason" }) {
                    _ = try await releases.rollBack(
                        id, reason: values["rollbackReason"] ?? "", expectedVersion: version, by: principal)
                }
            }
            return SiteURL.release(.value(id.description)).path(query: [("done", step.rawValue)])
        } showAgain: { principal, session, values, errors in
            try await renderRelease(
                try request.identifier(Release.self, "releaseID"), principal: principal, session: session,
                request: request, values: values, errors: errors)
        }
    }

    private func renderRelease(
        _ id: Release.ID, principal: Principal, session: SignInSession, request: Request,
        values: [String: String] = [:], notice: String? = nil, errors: [PageError] = []
    ) async throws -> Response {
        let page = ReleasePage(
            view: try await services.releases.release(id, as: principal), principal: principal,
            csrf: session.csrfToken, codes: try await services.releases.partnerCodesByID(), values: values,
            notice: notice, errors: errors)
        return try await request.view.render("release", page).encodeResponse(
            status: errors.isEmpty ? .ok : .unprocessableEntity, for: request)
    }

    // MARK: Notices

    @Sendable func noticePage(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else { return request.redirect(to: .signIn) }
        guard AccessPolicy.permits(principal, .readReleases) else { throw ServiceError.forbidden }
        let notice = (try? request.query.get(String.self, at: "done")).flatMap { Self.releaseNotices[$0] }
        return try await renderNotice(
            try request.identifier(IntegrationNotice.self, "noticeID"), principal: principal, session: session,
            request: request, notice: notice)
    }

    @Sendable func sendNotice(_ request: Request) async throws -> Response {
        try await formChange(request, record: "notice") { principal, values in
            let id = try request.identifier(IntegrationNotice.self, "noticeID")
            _ = try await services.releases.sendNotice(
                id, expectedVersion: Int(values["version"] ?? "") ?? -1, by: principal)
            return SiteURL.notice(.value(id.description)).path(query: [("done", "send")])
        } showAgain: { principal, session, values, errors in
            try await renderNotice(
                try request.identifier(IntegrationNotice.self, "noticeID"), principal: principal, session: session,
                request: request, values: values, errors: errors)
        }
    }

    @Sendable func decideOnNotice(_ request: Request) async throws -> Response {
        try await formChange(request, record: "notice") { principal, values in
            let id = try request.identifier(IntegrationNotice.self, "noticeID")
            _ = try await services.releases.decideOnNotice(
                id, AssurancePanel.draft(values), expectedVersion: Int(values["version"] ?? "") ?? -1, by: principal)
            return SiteURL.notice(.value(id.description)).path(query: [("done", "decisions")])
        } showAgain: { principal, session, values, errors in
            try await renderNotice(
                try request.identifier(IntegrationNotice.self, "noticeID"), principal: principal, session: session,
                request: request, values: values, errors: errors)
        }
    }

    @Sendable func changeNotice(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else { return request.redirect(to: .signIn) }
        let notice = (try? request.query.get(String.self, at: "done")).flatMap { Self.releaseNotices[$0] }
        return try await renderNotice(
            try request.identifier(IntegrationNotice.self, "noticeID"), principal: principal, session: session,
            request: request, notice: notice)
    }

    @Sendable func answerNotice(_ request: Request) async throws -> Response {
        try await formChange(request, record: "notice") { principal, values in
            let id = try request.identifier(IntegrationNotice.self, "noticeID")
            _ = try await services.releases.respond(
                to: id, signOff: values["signOff"] == "yes", note: values["note"], by: principal)
            return SiteURL.changeNotice(.value(id.description)).path(query: [("done", "answered")])
        } showAgain: { principal, session, values, errors in
            try await renderNotice(
                try request.identifier(IntegrationNotice.self, "noticeID"), principal: principal, session: session,
                request: request, values: values, errors: errors)
        }
    }

    private func renderNotice(
        _ id: IntegrationNotice.ID, principal: Principal, session: SignInSession, request: Request,
        values: [String: String] = [:], notice: String? = nil, errors: [PageError] = []
    ) async throws -> Response {
        let record = try await services.releases.notice(id, as: principal)
        let link = "\(publicURL)\(SiteURL.changeNotice(.value(record.id.description)).path)"
        let levels =
            AccessPolicy.permits(principal, .readReleases)
            ? try await services.releases.approvalLevels(as: principal).map(\.level) : []
        let page = NoticePage(
            notice: record, preview: .integration(record, reminder: false, link: link), principal: principal,
            csrf: session.csrfToken, codes: try await services.releases.partnerCodesByID(), levels: levels,
            values: values, notice: notice, errors: errors)
        return try await request.view.render("notice", page).encodeResponse(
            status: errors.isEmpty ? .ok : .unprocessableEntity, for: request)
    }

    // MARK: Partners

    @Sendable func changeNotices(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else { return request.redirect(to: .signIn) }
        let notice = (try? request.query.get(String.self, at: "done")).flatMap { Self.releaseNotices[$0] }
        return try await renderChangeNotices(principal: principal, session: session, request: request, notice: notice)
    }

    @Sendable func approveChange(_ request: Request) async throws -> Response {
        try await formChange(request, record: "release") { principal, values in
            _ = try await services.releases.decideAsPartner(
                try request.identifier(Release.self, "releaseID"),
                ApprovalDecisionDraft(decision: values["decision"], reason: values["reason"]),
                expectedVersion: Int(values["version"] ?? "") ?? -1, by: principal)
            return SiteURL.changeNotices.path(query: [("done", "approved")])
        } showAgain: { principal, session, _, errors in
            try await renderChangeNotices(principal: principal, session: session, request: request, errors: errors)
        }
    }

    private func renderChangeNotices(
        principal: Principal, session: SignInSession, request: Request, notice: String? = nil,
        errors: [PageError] = []
    ) async throws -> Response {
        let approvals =
            principal.role.isPartnerRole ? try await services.releases.approvalsAsked(of: principal) : []
        let page = ChangeNoticesPage(
            principal: principal, csrf: session.csrfToken, notices: try await services.releases.notices(as: principal),
            approvals: approvals, messages: try await services.releases.messages(to: principal), notice: notice,
            errors: errors)
        return try await request.view.render("change-notices", page).encodeResponse(
            status: errors.isEmpty ? .ok : .unprocessableEntity, for: request)
    }
}
