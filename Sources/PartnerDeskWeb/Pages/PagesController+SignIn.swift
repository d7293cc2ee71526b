import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// Signing in (with the authenticator code step when the person has one), signing out, and choosing a
/// password from a one-time link.
extension PagesController {
    // MARK: Sign in and out

    @Sendable func signInForm(_ request: Request) async throws -> Response {
        if try await currentSession(request) != nil { return request.redirect(to: .home) }
        return try await render("sign-in", SignInPage(csrf: ""), for: request, withFormToken: true)
    }

    @Sendable func signIn(_ request: Request) async throws -> Response {
        struct Form: Content {
            var email: String?
            var password: String?
            var csrf: String?
        }
        let form = try request.content.decode(Form.self)
        try checkFormToken(form.csrf, request)
        let email = form.email ?? ""
        let outcome = try await services.accounts.signIn(
            email: email, password: form.password ?? "", clientAddress: request.clientAddress,
            requestID: request.id
        )
        switch outcome {
        case .signedIn(let secret, _, _):
            let response = request.redirect(to: SiteURL.home.path, redirectType: .normal)
            response.cookies[sessionCookie] = cookie(secret, maxAge: services.accounts.sessionPolicy.absoluteLifetime)
            response.cookies[csrfCookie] = expired()
            return response
        case .needsCode(let secret, let csrf):
            let response = try await request.view.render("sign-in-code", SignInCodePage(csrf: csrf)).encodeResponse(
                for: request)
            response.cookies[sessionCookie] = cookie(secret, maxAge: services.accounts.sessionPolicy.absoluteLifetime)
            response.cookies[csrfCookie] = expired()
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return response
        case .secondFactorRequired:
            let message =
                "Staff sign in with an authenticator app. Ask a PartnerDesk administrator to set one up for you."
            let page = SignInPage(csrf: "", email: email, errors: [PageError(field: "email", message: message)])
            return try await render("sign-in", page, for: request, withFormToken: true, status: .forbidden)
        case .partnerOffboarded:
            let message =
                "Your organisation is offboarded from the platform, so its people can no longer sign in to PartnerDesk. Contact the First Line Service Desk if this is wrong."
            let page = SignInPage(csrf: "", email: email, errors: [PageError(field: "email", message: message)])
            return try await render("sign-in", page, for: request, withFormToken: true, status: .forbidden)
        case .refused:
            let page = SignInPage(
                csrf: "", email: email,
                errors: [PageError(field: "email", message: "Enter a correct e-mail address and password.")]
            )
            return try await render("sign-in", page, for: request, withFormToken: true, status: .unauthorized)
        case .throttled(let wait):
            let minutes = (wait + 59) / 60
            let page = SignInPage(
                csrf: "", email: email,
                errors: [
                    PageError(
                        field: "email",
                        message: "Too many attempts. Try again in \(minutes) minute\(minutes == 1 ? "" : "s").")
                ]
            )
            let response = try await render(
                "sign-in", page, for: request, withFormToken: true, status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(wait))
            return response
        }
    }

    @Sendable func signOut(_ request: Request) async throws -> Response {
        struct Form: Content { var csrf: String? }
        guard let secret = request.cookies[sessionCookie]?.string,
            let (_, session) = try await currentSession(request)
        else { return request.redirect(to: .signIn) }
        try checkSessionToken(try request.content.decode(Form.self).csrf, session: session)
        try await services.accounts.signOut(secret: secret)
        let response = request.redirect(to: .signIn)
        response.cookies[sessionCookie] = expired()
        return response
    }

    // MARK: Second factor

    @Sendable func codeForm(_ request: Request) async throws -> Response {
        guard let secret = request.cookies[sessionCookie]?.string,
            let session = try await services.accounts.pendingSession(secret: secret)
        else { return request.redirect(to: .signIn) }
        return try await request.view.render("sign-in-code", SignInCodePage(csrf: session.csrfToken)).encodeResponse(
            for: request)
    }

    @Sendable func confirmCode(_ request: Request) async throws -> Response {
        struct Form: Content {
            var code: String?
            var csrf: String?
        }
        guard let secret = request.cookies[sessionCookie]?.string,
            let session = try await services.accounts.pendingSession(secret: secret)
        else { return request.redirect(to: .signIn) }
        let form = try request.content.decode(Form.self)
        try checkSessionToken(form.csrf, session: session)
        let outcome = try await services.accounts.confirmCode(
            sessionSecret: secret, code: form.code ?? "", clientAddress: request.clientAddress,
            requestID: request.id
        )
        switch outcome {
        case .signedIn:
            return request.redirect(to: .home)
        case .throttled(let wait):
            let page = SignInCodePage(
                csrf: session.csrfToken,
                errors: [
                    PageError(field: "code", message: "Too many attempts. Try again in \((wait + 59) / 60) minutes.")
                ]
            )
            let response = try await request.view.render("sign-in-code", page).encodeResponse(
                status: .tooManyRequests, for: request)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(wait))
            return response
        default:
            let page = SignInCodePage(
                csrf: session.csrfToken,
                errors: [PageError(field: "code", message: "Enter the 6-digit code your app shows now.")]
            )
            return try await request.view.render("sign-in-code", page).encodeResponse(
                status: .unauthorized, for: request)
        }
    }

    // MARK: One-time links

    @Sendable func passwordForm(_ request: Request) async throws -> Response {
        let token = (try? request.query.get(String.self, at: "token")) ?? ""
        return try await render(
            "set-password", SetPasswordPage(csrf: "", token: token), for: request, withFormToken: true)
    }

    @Sendable func setPassword(_ request: Request) async throws -> Response {
        struct Form: Content {
            var token: String?
            var password: String?
            var csrf: String?
        }
        let form = try request.content.decode(Form.self)
        try checkFormToken(form.csrf, request)
        do {
            try await services.accounts.setPassword(linkSecret: form.token ?? "", password: form.password ?? "")
        } catch let failure as ValidationFailure {
            let errors = await pageErrors(failure, of: request, field: "password")
            let page = SetPasswordPage(csrf: "", token: form.token ?? "", errors: errors)
            return try await render(
                "set-password", page, for: request, withFormToken: true, status: .unprocessableEntity)
        }
        let page = SignInPage(csrf: "", notice: "Your password is saved. Sign in with it now.")
        return try await render("sign-in", page, for: request, withFormToken: true)
    }
}
