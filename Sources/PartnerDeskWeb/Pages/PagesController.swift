import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// The server-rendered pages: sign in and out, choose a password from a one-time link, and the start page.
///
/// Sessions live in an HttpOnly, SameSite=Lax cookie (Secure with the `__Host-` prefix over TLS). Every
/// form carries a CSRF token: the session's own once signed in, and before that a random value that must
/// match a cookie of the same name (the double-submit pattern).
struct PagesController {
    let services: AppServices
    let servedOverTLS: Bool
    /// The public address, for invitation links.
    let publicURL: String
    /// What prints reports to PDF, and the stylesheet printed with them.
    let pdf: PDFSupport
    let stylesheet: Data

    var sessionCookie: String { servedOverTLS ? "__Host-partnerdesk_session" : "partnerdesk_session" }
    var csrfCookie: String { servedOverTLS ? "__Host-partnerdesk_csrf" : "partnerdesk_csrf" }

    func register(on routes: any RoutesBuilder) {
        routes.get(SiteURL.home.pathComponents, use: home).declaring(.readIncident)
        routes.get(SiteURL.audit.pathComponents, use: audit).declaring(.readAuditLog)
        routes.get(SiteURL.newIncident.pathComponents, use: raiseForm).declaring(.raiseIncident)
        routes.on(.POST, SiteURL.incidents.pathComponents, body: .collect(maxSize: "11mb"), use: raise)
            .declaring(.raiseIncident).acceptingBodies(upTo: 11 * 1024 * 1024)
        routes.get(SiteURL.incident(.key).pathComponents, use: incident).declaring(.readIncident)
        routes.post(SiteURL.incidentTransitions(.key).pathComponents, use: transition).declaring(.triageIncident)
        routes.post(SiteURL.incidentComments(.key).pathComponents, use: comment).declaring(.commentOnIncident)
        routes.on(.POST, SiteURL.incidentAttachments(.key).pathComponents, body: .collect(maxSize: "11mb"), use: attach)
            .declaring(.attachScreenshot).acceptingBodies(upTo: 11 * 1024 * 1024)
        routes.get(SiteURL.attachment(.key, .key).pathComponents, use: download).declaring(.readIncident)
        registerOrganisationPages(on: routes)
        registerNotificationPages(on: routes)
        registerProblemPages(on: routes)
        registerServiceRequestPages(on: routes)
        registerPartnerPages(on: routes)
        registerHSSIPages(on: routes)
        registerReleasePages(on: routes)
        registerServiceLevelPages(on: routes)
        registerComponentPages(on: routes)
        registerServiceReportPages(on: routes)
        registerBankHolidayPages(on: routes)
        routes.get(SiteURL.signIn.pathComponents, use: signInForm).declaringPublic()
        routes.post(SiteURL.signIn.pathComponents, use: signIn).declaringPublic()
        routes.get(SiteURL.signInCode.pathComponents, use: codeForm).declaringPublic()
        routes.post(SiteURL.signInCode.pathComponents, use: confirmCode).declaringPublic()
        routes.post(SiteURL.signOut.pathComponents, use: signOut).declaringPublic()
        routes.get(SiteURL.password.pathComponents, use: passwordForm).declaringPublic()
        routes.post(SiteURL.password.pathComponents, use: setPassword).declaringPublic()
    }

    // MARK: Start page

    @Sendable func home(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        let now = services.clock.now()
        let form = (try? request.query.decode([String: String].self)) ?? [:]
        var views: [IncidentView] = []
        var nextPage: String?
        var errors: [PageError] = []
        do {
            var query = try await IncidentListParameters.query(
                from: request, now: now, partners: services.partners, principal: principal)
            if query.statuses.isEmpty { query.statuses = Set(IncidentStatus.allCases.filter(\.isOpen)) }
            let page = try await services.incidents.list(query, as: principal)
            views = page.views
            nextPage = page.next.flatMap { next in
                var components = URLComponents()
                components.path = "/"
                components.queryItems =
                    form.filter { $0.key != "cursor" && $0.key != "raised" && !$0.value.isEmpty }.sorted {
                        $0.key < $1.key
                    }
                    .map { URLQueryItem(name: $0.key, value: $0.value) }
                    + [URLQueryItem(name: "cursor", value: IncidentListParameters.encode(next))]
                return components.string
            }
        } catch let failure as ValidationFailure {
            errors = await pageErrors(failure, of: request)
        }
        let partners = principal.role.isPartnerRole ? [] : try await services.partners.list()
        let raised = form["raised"].flatMap(IncidentReference.init)
        let notice = raised.map {
            (["Your incident \($0) has been raised. The First Line Service Desk will assess it and assign a severity."]
                + MaskingNotice.sentences(form["masked"])).joined(separator: " ")
        }
        let page = HomePage(
            principal: principal, csrf: session.csrfToken, views: views, now: now, form: form, partners: partners,
            nextPage: nextPage, errors: errors, notice: notice)
        return try await request.view.render("home", page).encodeResponse(
            status: errors.isEmpty ? .ok : .unprocessableEntity, for: request)
    }

    // MARK: Raising an incident

    @Sendable func raiseForm(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        let services = try await partnerServices(principal)
        // Step 3 of the process: the partner checks the known problems first. Choosing one fills it in.
        let query = ((try? request.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespaces)
        var values: RaiseIncidentPage.Values = [:]
        if let chosen = (try? request.query.get(String.self, at: "problem")).flatMap(ProblemReference.init),
            try await self.services.problems.publishedProblem(chosen) != nil
        {
            values = ["suspectedProblem": chosen.description, "checkedKnownProblems": "true"]
        } else if !query.isEmpty {
            values = ["checkedKnownProblems": "true"]
        }
        var known: [RaiseIncidentPage.KnownProblem] = []
        if !query.isEmpty {
            for hit in try await self.services.problems.searchPublished(query, limit: 5) {
                var link = URLComponents()
                link.path = SiteURL.newIncident.path
                link.queryItems = [
                    URLQueryItem(name: "q", value: query),
                    URLQueryItem(name: "problem", value: hit.problem.reference.description),
                ]
                known.append(
                    .init(
                        reference: hit.problem.reference.description,
                        titleHTML: PublicProblemsController.marked(hit.highlightedTitle),
                        summaryHTML: PublicProblemsController.marked(hit.highlightedSummary ?? ""),
                        workaround: hit.problem.workaround, useLink: link.string ?? SiteURL.newIncident.path))
            }
        }
        let page = RaiseIncidentPage(
            principal: principal, csrf: session.csrfToken, services: services, values: values, problemQuery: query,
            knownProblems: known)
        return try await request.view.render("raise-incident", page).encodeResponse(for: request)
    }

    @Sendable func raise(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        let form = try request.content.decode(RaiseIncidentPage.Form.self)
        try checkSessionToken(form.values["csrf"], session: session)
        let values = form.values
        do {
            let screenshots = form.screenshot.map {
                ScreenshotUpload(
                    bytes: Data(buffer: $0.data), fileName: $0.filename,
                    confirmedNoPatientData: values["confirmNoPatientData"] == "true")
            }
            let outcome = try await self.services.incidents.raise(
                RaiseIncidentPage.draft(from: values), screenshots: screenshots.map { [$0] } ?? [], by: principal)
            guard case .created(let view, _) = outcome else { return request.redirect(to: .home) }
            return request.redirect(to: MaskingNotice.location("/?raised=\(view.incident.reference)", view.maskings))
        } catch let failure as ValidationFailure {
            await services.audit.recordRefusal(failure, of: request)
            let page = RaiseIncidentPage(
                principal: principal, csrf: session.csrfToken, services: try await partnerServices(principal),
                values: values, issues: failure.issues
            )
            return try await request.view.render("raise-incident", page).encodeResponse(
                status: .unprocessableEntity, for: request)
        }
    }

    /// The services of the caller's organisation; only partners' people raise incidents.
    private func partnerServices(_ principal: Principal) async throws -> [PartnerService] {
        guard AccessPolicy.permits(principal, .raiseIncident),
            let partnerID = principal.partnerID
        else { throw ServiceError.forbidden }
        return try await services.partners.find(id: partnerID)?.services ?? []
    }

    // MARK: One incident

    @Sendable func incident(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        return try await renderIncident(
            try request.incidentID(), principal: principal, session: session, request: request)
    }

    @Sendable func transition(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        let values = try signedInForm(request, session: session)
        let id = try request.incidentID()
        let body = IncidentTransitionDraft(
            action: values["action"] ?? "", severity: values["severity"].flatMap(Int.init),
            resolution: values["resolution"].flatMap { $0.isEmpty ? nil : $0 },
            problem: values["problem"].flatMap { $0.isEmpty ? nil : $0 },
            note: values["note"].flatMap { $0.isEmpty ? nil : $0 },
            internal: values["internal"] == "true"
        )
        do {
            let view = try await services.incidents.transition(
                id, body, expectedVersion: Int(values["version"] ?? "") ?? -1, by: principal
            )
            return request.redirect(
                to: MaskingNotice.location(SiteURL.incident(.value(id.description)).path, view.maskings))
        } catch let failure as ValidationFailure {
            let errors = await pageErrors(failure, of: request, field: "action")
            return try await renderIncident(
                id, principal: principal, session: session, request: request, errors: errors)
        } catch ServiceError.invalidTransition(let message) {
            return try await renderIncident(
                id, principal: principal, session: session, request: request,
                errors: [PageError(field: "action", message: message)]
            )
        } catch ServiceError.versionMismatch {
            let message =
                "Someone else changed this incident while you were looking at it. Check the latest state and try again."
            return try await renderIncident(
                id, principal: principal, session: session, request: request,
                errors: [PageError(field: "action", message: message)]
            )
        }
    }

    @Sendable func comment(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        let values = try signedInForm(request, session: session)
        let id = try request.incidentID()
        do {
            let outcome = try await services.incidents.comment(
                id, text: values["text"] ?? "", visibility: values["internal"] == "true" ? .internal : .public,
                by: principal
            )
            return request.redirect(
                to: MaskingNotice.location(SiteURL.incident(.value(id.description)).path, outcome.maskings))
        } catch let failure as ValidationFailure {
            let errors = await pageErrors(failure, of: request, field: "comment")
            return try await renderIncident(
                id, principal: principal, session: session, request: request, errors: errors)
        }
    }

    /// A screenshot upload from the incident page: the image and the no-patient-data confirmation.
    @Sendable func attach(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        struct Upload: Content {
            var csrf: String?
            var file: File?
            var confirmNoPatientData: String?
        }
        let id = try request.incidentID()
        try await services.incidents.authorizeAttachment(to: id, by: principal)
        let form = (try? request.content.decode(Upload.self)) ?? Upload()
        try checkSessionToken(form.csrf, session: session)
        do {
            guard let file = form.file, file.data.readableBytes > 0 else {
                throw ValidationFailure([
                    ValidationIssue(field: "file", code: "required", message: "Choose a screenshot to upload.")
                ])
            }
            let attachment = try await services.incidents.attach(
                id, bytes: Data(buffer: file.data), fileName: file.filename,
                confirmedNoPatientData: form.confirmNoPatientData == "true", by: principal
            )
            return request.redirect(
                to: SiteURL.incident(.value(id.description)).path(query: [("attached", attachment.id.description)]))
        } catch let failure as ValidationFailure {
            return try await renderIncident(
                id, principal: principal, session: session, request: request,
                errors: await pageErrors(failure, of: request))
        }
    }

    @Sendable func download(_ request: Request) async throws -> Response {
        guard let (principal, _) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        guard let text = request.parameters.get("attachmentID"), let attachmentID = Attachment.ID(uuidString: text)
        else { throw ServiceError.notFound }
        let (attachment, bytes) = try await services.incidents.download(
            attachmentID, of: try request.incidentID(), as: principal)
        return ScreenshotDownload.response(attachment, bytes: bytes)
    }

    private func renderIncident(
        _ id: Incident.ID, principal: Principal, session: SignInSession, request: Request, errors: [PageError] = []
    ) async throws -> Response {
        let view = try await services.incidents.view(id, as: principal)
        let history = try await services.incidents.history(id, as: principal)
        let attachments = try await services.incidents.attachments(of: id, as: principal)
        let attached = (try? request.query.get(String.self, at: "attached")).flatMap { text in
            attachments.first { $0.id.description == text }
        }
        let masked = MaskingNotice.sentences(try? request.query.get(String.self, at: "masked"))
        let notices = (attached.map { ["Screenshot \($0.fileName) attached."] } ?? []) + masked
        let page = IncidentPage(
            view: view, history: history, clock: try await services.incidents.clockStory(id, as: principal),
            attachments: attachments, principal: principal, csrf: session.csrfToken,
            notice: notices.isEmpty ? nil : notices.joined(separator: " "), errors: errors)
        let status: HTTPResponseStatus = errors.isEmpty ? .ok : .unprocessableEntity
        return try await request.view.render("incident", page).encodeResponse(status: status, for: request)
    }

    // MARK: Audit log

    @Sendable func audit(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        struct Filters: Decodable {
            var action: String?
            var outcome: String?
            var before: Int?
        }
        let filters = (try? request.query.decode(Filters.self)) ?? Filters()
        var query = AuditQuery()
        query.action = filters.action.flatMap { $0.isEmpty ? nil : $0 }
        query.outcome = filters.outcome.flatMap(AuditEntry.Outcome.init(rawValue:))
        query.before = filters.before
        query.limit = 50
        let entries = try await services.audit.list(query, as: principal)
        let page = AuditPage(principal: principal, csrf: session.csrfToken, query: query, entries: entries)
        return try await request.view.render("audit", page).encodeResponse(for: request)
    }

    // MARK: Helpers

    func currentSession(_ request: Request) async throws -> (Principal, SignInSession)? {
        guard let secret = request.cookies[sessionCookie]?.string else { return nil }
        guard let found = try await services.accounts.session(secret: secret) else { return nil }
        // The audit trail records refusals and denials as the person who was signed in.
        request.storage[PrincipalKey.self] = found.principal
        return (found.principal, found.session)
    }

    /// A refused form's reasons for the page (under `field` when the form shows them in one place), after
    /// recording a refusal for patient-identifiable data in the audit log exactly as the API does.
    func pageErrors(_ failure: ValidationFailure, of request: Request, field: String? = nil) async -> [PageError] {
        await services.audit.recordRefusal(failure, of: request)
        return failure.issues.map { PageError(field: field ?? $0.field, message: $0.message) }
    }

    /// Renders a page whose form is protected by a fresh double-submit token.
    func render<Page: Encodable & FormTokenCarrying>(
        _ template: String, _ page: Page, for request: Request, withFormToken: Bool, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        var page = page
        let token = [UInt8].random(count: 24).hex
        page.csrf = token
        let response = try await request.view.render(template, page).encodeResponse(status: status, for: request)
        response.cookies[csrfCookie] = cookie(token, maxAge: 3_600)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// Before sign-in: the form's token must match the cookie of the same name (double submit).
    func checkFormToken(_ sent: String?, _ request: Request) throws {
        guard let sent, !sent.isEmpty, sent == request.cookies[csrfCookie]?.string else { throw Self.formExpired }
    }

    /// Signed in: the form's token must be the session's.
    func checkSessionToken(_ sent: String?, session: SignInSession) throws {
        guard sent == session.csrfToken else { throw Self.formExpired }
    }

    /// The fields of a form posted by a signed-in person, once its CSRF token is checked.
    func signedInForm(_ request: Request, session: SignInSession) throws -> [String: String] {
        let values = try request.content.decode([String: String].self)
        try checkSessionToken(values["csrf"], session: session)
        return values
    }

    private static let formExpired = Abort(
        .forbidden, reason: "The form has expired. Go back, reload the page and try again."
    )

    func cookie(_ value: String, maxAge: Int) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value, maxAge: maxAge, path: "/", isSecure: servedOverTLS, isHTTPOnly: true, sameSite: .lax
        )
    }

    func expired() -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/", isSecure: servedOverTLS,
            isHTTPOnly: true, sameSite: .lax)
    }
}

/// A page model with a CSRF field the controller fills in.
protocol FormTokenCarrying {
    var csrf: String { get set }
}

extension SignInPage: FormTokenCarrying {}
extension SetPasswordPage: FormTokenCarrying {}
