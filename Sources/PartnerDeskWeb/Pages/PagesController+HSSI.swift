import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// HSSI pages: the console (every HSSI the person may see), the declaration form, one HSSI with its
/// steps, roll-call, updates and communications, the timeline export, and a partner's HSSI manager rota.
/// The same use cases as `/api/v1/hssis`.
extension PagesController {
    func registerHSSIPages(on routes: any RoutesBuilder) {
        routes.get(SiteURL.hssiList.pathComponents, use: hssiList).declaring(.readHSSI)
        routes.get(SiteURL.newHSSI.pathComponents, use: newHSSIForm).declaring(.declareHSSI)
        routes.post(SiteURL.hssiList.pathComponents, use: declareHSSI).declaring(.declareHSSI)
        routes.get(SiteURL.hssi(.key).pathComponents, use: hssiPage).declaring(.readHSSI)
        routes.get(SiteURL.hssiTimelineCSV(.key).pathComponents, use: hssiTimelineCSV).declaring(.readHSSI)
        let steps: [(SiteURL.HSSIStep, AccessAction, @Sendable (Request) async throws -> Response)] = [
            (.steps, .respondToHSSI, hssiStep), (.assessments, .respondToHSSI, hssiAssess),
            (.intervention, .runHSSI, hssiConvene), (.answers, .respondToHSSI, hssiAnswer),
            (.updates, .respondToHSSI, hssiUpdate), (.communications, .runHSSI, hssiCommunicate),
        ]
        for (step, action, handler) in steps {
            routes.post(SiteURL.hssiStep(.key, step).pathComponents, use: handler).declaring(action)
        }
        routes.get(SiteURL.rota.pathComponents, use: hssiRota).declaring(.readHSSI)
        routes.post(SiteURL.rota.pathComponents, use: addHSSIRotaEntry).declaring(.manageHSSIRota)
        routes.post(SiteURL.rotaRemoval(.key).pathComponents, use: removeHSSIRotaEntry).declaring(.manageHSSIRota)
    }

    @Sendable func hssiList(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        let page = HSSIListPage(
            principal: principal, csrf: session.csrfToken, views: try await services.hssis.list(as: principal))
        return try await request.view.render("hssi-list", page).encodeResponse(for: request)
    }

    @Sendable func newHSSIForm(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        guard AccessPolicy.permits(principal, .declareHSSI) else {
            throw ServiceError.forbidden
        }
        let values = ((try? request.query.get(String.self, at: "incident")).map { ["incident": $0] }) ?? [:]
        let page = NewHSSIPage(
            principal: principal, csrf: session.csrfToken, partners: try await partnerList(principal), values: values)
        return try await request.view.render("hssi-new", page).encodeResponse(for: request)
    }

    @Sendable func declareHSSI(_ request: Request) async throws -> Response {
        try await formChange(request, record: "HSSI") { principal, values in
            let view = try await services.hssis.declare(NewHSSIPage.declaration(values), by: principal)
            return SiteURL.hssi(.value(view.hssi.reference.description)).path(query: [("done", "declared")])
        } showAgain: { principal, session, values, errors in
            let page = NewHSSIPage(
                principal: principal, csrf: session.csrfToken, partners: try await partnerList(principal),
                values: values, errors: errors)
            return try await request.view.render("hssi-new", page).encodeResponse(
                status: .unprocessableEntity, for: request)
        }
    }

    @Sendable func hssiPage(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        let view = try await services.hssis.view(reference: try request.hssiReference(), as: principal)
        let done = (try? request.query.get(String.self, at: "done")).flatMap { Self.hssiNotices[$0] }
        let notices =
            (done.map { [$0] } ?? []) + MaskingNotice.sentences(try? request.query.get(String.self, at: "masked"))
        let notice = notices.isEmpty ? nil : notices.joined(separator: " ")
        return try await renderHSSI(view, principal: principal, session: session, request: request, notice: notice)
    }

    @Sendable func hssiTimelineCSV(_ request: Request) async throws -> Response {
        guard let (principal, _) = try await currentSession(request) else { return request.redirect(to: .signIn) }
        let view = try await services.hssis.view(reference: try request.hssiReference(), as: principal)
        let entries = try await services.hssis.timeline(view.hssi.id, as: principal)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(
            name: .contentDisposition, value: "attachment; filename=\"\(view.hssi.reference)-timeline.csv\"")
        return Response(status: .ok, headers: headers, body: .init(string: HSSITimelineEntry.csv(entries)))
    }

    @Sendable func hssiStep(_ request: Request) async throws -> Response {
        try await hssiChange(request, done: "step") { view, values, principal in
            _ = try await services.hssis.step(
                view.hssi.id,
                HSSIStepRequest(
                    step: values["step"] ?? "", at: PageFormat.instantText(values["at"]), note: values["note"],
                    severity: values["severity"].flatMap { Int($0) }, category: values["category"]),
                expectedVersion: Int(values["version"] ?? "") ?? -1, by: principal)
        }
    }

    @Sendable func hssiAssess(_ request: Request) async throws -> Response {
        try await hssiChange(request, done: "assessed") { view, values, principal in
            _ = try await services.hssis.assess(
                view.hssi.id, severity: values["assessSeverity"].flatMap { Int($0) },
                category: values["assessCategory"], expectedVersion: Int(values["version"] ?? "") ?? -1, by: principal)
        }
    }

    @Sendable func hssiConvene(_ request: Request) async throws -> Response {
        try await hssiChange(request, done: "convened") { view, values, principal in
            _ = try await services.hssis.convene(
                view.hssi.id, joiningDetails: values["joiningDetails"] ?? "",
                expectedVersion: Int(values["version"] ?? "") ?? -1, by: principal)
        }
    }

    @Sendable func hssiAnswer(_ request: Request) async throws -> Response {
        let joined = (try? request.content.get(String.self, at: "answer")) == "join"
        return try await hssiChange(request, done: joined ? "joined" : "acknowledged") { view, values, principal in
            _ = try await services.hssis.answerInvitation(
                view.hssi.id, joined: joined, partner: values["partner"], by: principal)
        }
    }

    @Sendable func hssiUpdate(_ request: Request) async throws -> Response {
        try await hssiChange(request, done: "updated") { view, values, principal -> [TextMasking] in
            try await services.hssis.postUpdate(
                view.hssi.id,
                HSSIStatusUpdateDraft(
                    currentImpact: values["currentImpact"], usersAffected: values["usersAffected"],
                    actionsTaken: values["actionsTaken"], nextUpdateDue: PageFormat.instantText(values["nextUpdateDue"])
                ),
                expectedVersion: Int(values["version"] ?? "") ?? -1, by: principal
            ).maskings
        }
    }

    @Sendable func hssiCommunicate(_ request: Request) async throws -> Response {
        try await hssiChange(request, done: "communicated") { view, values, principal in
            _ = try await services.hssis.communicate(
                view.hssi.id, message: values["message"] ?? "", expectedVersion: Int(values["version"] ?? "") ?? -1,
                by: principal)
        }
    }

    /// What the HSSI page says after each change (`?done=`), so a reload repeats nothing.
    private static let hssiNotices: [String: String] = [
        "declared": "The HSSI is declared. The Service Bridge and the affected partners' HSSI managers are told.",
        "step": "The step is recorded.",
        "assessed": "Your assessment is recorded.",
        "convened": "The Multi-Party Intervention is convened and the invitations are on their way.",
        "acknowledged": "The invitation is acknowledged.",
        "joined": "Joining the Multi-Party Intervention is recorded.",
        "updated": "The status update is posted.",
        "communicated": "The communication is on its way to every affected partner.",
    ]

    /// Runs one change on the HSSI in the URL: on success back to its page with a notice; refused changes show
    /// the page again with the reason.
    private func hssiChange(
        _ request: Request, done: String,
        _ change: @escaping @Sendable (HSSIView, [String: String], Principal) async throws -> Void
    ) async throws -> Response {
        try await hssiChange(request, done: done) { view, values, principal -> [TextMasking] in
            try await change(view, values, principal)
            return []
        }
    }

    /// A change whose texts may be masked: the page after it says what was.
    private func hssiChange(
        _ request: Request, done: String,
        _ change: @escaping @Sendable (HSSIView, [String: String], Principal) async throws -> [TextMasking]
    ) async throws -> Response {
        let reference = try request.hssiReference()
        return try await formChange(request, record: "HSSI") { principal, values in
            let view = try await services.hssis.view(reference: reference, as: principal, for: request.declaredAction)
            let maskings = try await change(view, values, principal)
            return MaskingNotice.location(
                SiteURL.hssi(.value(reference.description)).path(query: [("done", done)]), maskings)
        } showAgain: { principal, session, values, errors in
            try await renderHSSI(
                try await services.hssis.view(reference: reference, as: principal), principal: principal,
                session: session, request: request, values: values, errors: errors)
        }
    }

    private func renderHSSI(
        _ view: HSSIView, principal: Principal, session: SignInSession, request: Request,
        values: [String: String] = [:], notice: String? = nil, errors: [PageError] = []
    ) async throws -> Response {
        let page = HSSIPage(
            view: view, principal: principal, csrf: session.csrfToken, values: values, notice: notice, errors: errors)
        return try await request.view.render("hssi", page).encodeResponse(
            status: errors.isEmpty ? .ok : .unprocessableEntity, for: request)
    }

    // MARK: Rota

    @Sendable func hssiRota(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        var code = try? request.query.get(String.self, at: "partner")
        if code == nil { code = try await partnerList(principal).first?.code.value }
        return try await renderRota(code, principal: principal, session: session, request: request)
    }

    @Sendable func addHSSIRotaEntry(_ request: Request) async throws -> Response {
        try await formChange(request, record: "rota") { principal, values in
            _ = try await services.hssis.addRotaEntry(
                partnerCode: values["partner"], managerName: values["managerName"] ?? "", email: values["email"] ?? "",
                phone: values["phone"], startsAt: PageFormat.instantText(values["startsAt"]),
                endsAt: PageFormat.instantText(values["endsAt"]), by: principal)
            return SiteURL.rota.path(query: [("partner", values["partner"] ?? ""), ("done", "added")])
        } showAgain: { principal, session, values, errors in
            try await renderRota(
                values["partner"], principal: principal, session: session, request: request, values: values,
                errors: errors)
        }
    }

    @Sendable func removeHSSIRotaEntry(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        let values = try signedInForm(request, session: session)
        _ = try await services.hssis.removeRotaEntry(
            try request.uuidParameter("entryID"), partnerCode: values["partner"], by: principal)
        return request.redirect(
            to: SiteURL.rota.path(query: [("partner", values["partner"] ?? ""), ("done", "removed")]))
    }

    private func renderRota(
        _ code: String?, principal: Principal, session: SignInSession, request: Request,
        values: [String: String] = [:], errors: [PageError] = []
    ) async throws -> Response {
        let view = try await services.hssis.rota(partnerCode: code, as: principal)
        let notice: String? =
            switch try? request.query.get(String.self, at: "done") {
            case "added": "The time on duty is added."
            case "removed": "The time on duty is removed."
            default: nil
            }
        let page = HSSIRotaPage(
            view: view, principal: principal, csrf: session.csrfToken, partners: try await partnerList(principal),
            values: values, notice: notice, errors: errors)
        return try await request.view.render("hssi-rota", page).encodeResponse(
            status: errors.isEmpty ? .ok : .unprocessableEntity, for: request)
    }

    /// Every partner for staff to choose from; a partner's people choose none.
    private func partnerList(_ principal: Principal) async throws -> [Partner] {
        principal.role.isPartnerRole ? [] : try await services.partners.list()
    }
}

extension Request {
    /// The HSSI reference in the path (`HSSI-000001`); anything else reads as missing.
    func hssiReference() throws -> HSSIReference {
        guard let text = parameters.get("reference"), let reference = HSSIReference(text) else {
            throw ServiceError.notFound
        }
        return reference
    }
}
