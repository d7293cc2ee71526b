import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// The organisation's people and API tokens, for partner administrators (their own organisation) and
/// administrators (everyone). The same use cases as `/api/v1/users` and `/api/v1/tokens`.
extension PagesController {
    func registerOrganisationPages(on routes: any RoutesBuilder) {
        routes.get(SiteURL.people.pathComponents, use: people).declaring(.manageUsers)
        routes.post(SiteURL.people.pathComponents, use: invite).declaring(.manageUsers)
        routes.post(SiteURL.personRole(.key).pathComponents, use: changeRole).declaring(.manageUsers)
        routes.post(SiteURL.personDisable(.key).pathComponents, use: disableUser).declaring(.manageUsers)
        routes.get(SiteURL.tokens.pathComponents, use: tokens).declaring(.manageTokens)
        routes.post(SiteURL.tokens.pathComponents, use: createToken).declaring(.manageTokens)
        routes.post(SiteURL.tokenRevoke(.key).pathComponents, use: revokeToken).declaring(.manageTokens)
    }

    // MARK: People

    @Sendable func people(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        return try await renderPeople(request, principal: principal, session: session)
    }

    @Sendable func invite(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        let values = try signedInForm(request, session: session)
        do {
            let outcome = try await services.accounts.invite(
                email: values["email"] ?? "", name: values["name"] ?? "", role: values["role"] ?? "",
                partnerCode: values["partner"].flatMap { $0.isEmpty ? nil : $0 }, as: principal
            )
            switch outcome {
            case .created(let invitation):
                let link = AccountService.passwordLink(publicURL: publicURL, secret: invitation.linkSecret)
                let notice = PeoplePage.Invited(
                    name: invitation.user.displayName, link: link,
                    expires: PageFormat.londonTime(invitation.expiresAt))
                return try await renderPeople(
                    request, principal: principal, session: session, invited: notice, status: .created)
            case .sent(let invitation):
                return try await renderPeople(
                    request, principal: principal, session: session,
                    notice:
                        "An invitation is on its way to \(invitation.email.value). If that address already has a PartnerDesk account, its owner is told instead; either way the invitation waits below until \(PageFormat.londonTime(invitation.expiresAt)).",
                    status: .accepted)
            }
        } catch let failure as ValidationFailure {
            return try await renderPeople(
                request, principal: principal, session: session, values: values,
                errors: await pageErrors(failure, of: request))
        }
    }

    @Sendable func changeRole(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        let values = try signedInForm(request, session: session)
        do {
            let user = try await services.accounts.changeRole(
                of: try userID(request), to: values["role"] ?? "", as: principal)
            return try await renderPeople(
                request, principal: principal, session: session,
                notice: "\(user.displayName) is now a \(user.role.label.lowercased()).")
        } catch let failure as ValidationFailure {
            return try await renderPeople(
                request, principal: principal, session: session,
                errors: await pageErrors(failure, of: request, field: "people"))
        }
    }

    @Sendable func disableUser(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        _ = try signedInForm(request, session: session)
        try await services.accounts.disable(try userID(request), as: principal)
        return try await renderPeople(
            request, principal: principal, session: session,
            notice: "The account is disabled: its sessions have ended and it can no longer sign in.")
    }

    private func renderPeople(
        _ request: Request, principal: Principal, session: SignInSession, values: [String: String] = [:],
        invited: PeoplePage.Invited? = nil, notice: String? = nil, errors: [PageError] = [],
        status: HTTPResponseStatus? = nil
    ) async throws -> Response {
        let users = try await services.accounts.list(as: principal)
        let invitations = try await services.accounts.invitations(as: principal)
        let partners = try await partnerChoices(for: principal)
        let page = PeoplePage(
            principal: principal, csrf: session.csrfToken, users: users, invitations: invitations,
            partners: partners, values: values, invited: invited, notice: notice, errors: errors,
            at: services.clock.now())
        return try await renderSecretPage("people", page, errors: errors, status: status, request: request)
    }

    private func userID(_ request: Request) throws -> User.ID {
        guard let text = request.parameters.get("userID"), let id = User.ID(uuidString: text) else {
            throw ServiceError.notFound
        }
        return id
    }

    // MARK: API tokens

    @Sendable func tokens(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        return try await renderTokens(request, principal: principal, session: session)
    }

    @Sendable func createToken(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        let values = try signedInForm(request, session: session)
        do {
            var check = ValidationCollector()
            let scope = TokenScope(rawValue: values["scope"] ?? "")
            if scope == nil {
                check.add("scope", "unknown_value", "Choose whether the token may read only, or also write.")
            }
            var expiry: Date?
            if let text = values["expiresOn"], !text.isEmpty {
                expiry = PageFormat.endOfLondonDay(text)
                if expiry == nil {
                    check.add("expiresOn", "invalid_format", "Give the expiry date as a date, like 2027-03-31.")
                } else if let expiry, expiry <= services.clock.now() {
                    check.add("expiresOn", "in_the_past", "The expiry date must be in the future.")
                }
            }
            try check.finish()
            let partner = values["partner"].flatMap { $0.isEmpty ? nil : PartnerCode($0) }
            let role = values["role"].flatMap { $0.isEmpty ? nil : Role(rawValue: $0) }
            let issued = try await services.tokens.create(
                name: values["name"] ?? "", scope: scope ?? .read, expiresAt: expiry, partnerCode: partner, role: role,
                as: principal)
            return try await renderTokens(
                request, principal: principal, session: session,
                issued: TokensPage.Issued(name: issued.token.name, secret: issued.secret), status: .created)
        } catch let failure as ValidationFailure {
            return try await renderTokens(
                request, principal: principal, session: session, values: values,
                errors: await pageErrors(failure, of: request))
        }
    }

    @Sendable func revokeToken(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        _ = try signedInForm(request, session: session)
        guard let text = request.parameters.get("tokenID"), let id = APIToken.ID(uuidString: text) else {
            throw ServiceError.notFound
        }
        try await services.tokens.revoke(id, by: principal)
        return try await renderTokens(
            request, principal: principal, session: session,
            notice: "The token is revoked: systems using it are refused from now on.")
    }

    private func renderTokens(
        _ request: Request, principal: Principal, session: SignInSession, values: [String: String] = [:],
        issued: TokensPage.Issued? = nil, notice: String? = nil, errors: [PageError] = [],
        status: HTTPResponseStatus? = nil
    ) async throws -> Response {
        let tokens = try await services.tokens.list(as: principal)
        let partners = try await partnerChoices(for: principal)
        let page = TokensPage(
            principal: principal, csrf: session.csrfToken, tokens: tokens, partners: partners,
            now: services.clock.now(), values: values, issued: issued, notice: notice, errors: errors)
        return try await renderSecretPage("tokens", page, errors: errors, status: status, request: request)
    }

    /// Renders an administration page that may carry a secret shown once (an invitation link, a token, a
    /// signing secret): never stored by the browser or a proxy. Refusals answer 422 unless `status` says
    /// otherwise.
    func renderSecretPage(
        _ template: String, _ page: some Encodable, errors: [PageError], status: HTTPResponseStatus?, request: Request
    ) async throws -> Response {
        let response = try await request.view.render(template, page).encodeResponse(
            status: status ?? (errors.isEmpty ? .ok : .unprocessableEntity), for: request)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// The partners a staff member may pick on an administration page; none for a partner's own people.
    func partnerChoices(for principal: Principal) async throws -> [Partner] {
        principal.role.isPartnerRole ? [] : try await services.partners.list()
    }
}
