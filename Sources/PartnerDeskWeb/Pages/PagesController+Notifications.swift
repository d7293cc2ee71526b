import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// Notification pages: a person's own message choices, an organisation's webhook endpoints, and the
/// outbox's dead letters for administrators. The same use cases as the `/api/v1` routes.
extension PagesController {
    func registerNotificationPages(on routes: any RoutesBuilder) {
        routes.get(SiteURL.notifications.pathComponents, use: preferences).declaring(.manageOwnNotifications)
        routes.post(SiteURL.notifications.pathComponents, use: savePreferences).declaring(.manageOwnNotifications)
        routes.get(SiteURL.webhooks.pathComponents, use: webhooks).declaring(.manageWebhooks)
        routes.post(SiteURL.webhooks.pathComponents, use: addWebhook).declaring(.manageWebhooks)
        routes.post(SiteURL.webhookRotation(.key).pathComponents, use: rotateWebhook).declaring(.manageWebhooks)
        routes.post(SiteURL.webhookRemoval(.key).pathComponents, use: removeWebhook).declaring(.manageWebhooks)
        routes.get(SiteURL.outbox.pathComponents, use: outbox).declaring(.manageOutbox)
        routes.post(SiteURL.outboxRetry(.key).pathComponents, use: retryMessage).declaring(.manageOutbox)
        routes.post(SiteURL.outboxDiscard(.key).pathComponents, use: discardMessage).declaring(.manageOutbox)
    }

    // MARK: Preferences

    @Sendable func preferences(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        return try await renderPreferences(request, principal: principal, session: session)
    }

    @Sendable func savePreferences(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        let values = try signedInForm(request, session: session)
        let enabled = Set(NotificationEvent.allCases.filter { values[$0.rawValue] == "on" })
        try await services.notifications.setPreferences(enabled: enabled, for: principal)
        return try await renderPreferences(
            request, principal: principal, session: session, notice: "Your choices are saved.")
    }

    private func renderPreferences(
        _ request: Request, principal: Principal, session: SignInSession, notice: String? = nil
    ) async throws -> Response {
        let choices = try await services.notifications.preferences(of: principal)
        let page = PreferencesPage(principal: principal, csrf: session.csrfToken, choices: choices, notice: notice)
        return try await request.view.render("notifications", page).encodeResponse(for: request)
    }

    // MARK: Webhooks

    @Sendable func webhooks(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        return try await renderWebhooks(request, principal: principal, session: session)
    }

    @Sendable func addWebhook(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        let values = try signedInForm(request, session: session)
        let events = NotificationEvent.allCases.filter { values[$0.rawValue] == "on" }.map(\.rawValue)
        do {
            let created = try await services.notifications.addWebhook(
                url: values["url"] ?? "", events: events,
                partnerCode: values["partner"].flatMap { $0.isEmpty ? nil : $0 }, as: principal)
            return try await renderWebhooks(
                request, principal: principal, session: session,
                secret: WebhooksPage.Secret(url: created.endpoint.url.absoluteString, secret: created.secret),
                status: .created)
        } catch let failure as ValidationFailure {
            return try await renderWebhooks(
                request, principal: principal, session: session, values: values,
                errors: await pageErrors(failure, of: request))
        }
    }

    @Sendable func rotateWebhook(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        _ = try signedInForm(request, session: session)
        let rotated = try await services.notifications.rotateWebhookSecret(
            try request.uuidParameter("webhookID"), as: principal)
        return try await renderWebhooks(
            request, principal: principal, session: session,
            secret: WebhooksPage.Secret(url: rotated.endpoint.url.absoluteString, secret: rotated.secret))
    }

    @Sendable func removeWebhook(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        _ = try signedInForm(request, session: session)
        try await services.notifications.removeWebhook(try request.uuidParameter("webhookID"), as: principal)
        return try await renderWebhooks(
            request, principal: principal, session: session,
            notice: "The endpoint is removed: nothing more is sent to it.")
    }

    private func renderWebhooks(
        _ request: Request, principal: Principal, session: SignInSession, values: [String: String] = [:],
        secret: WebhooksPage.Secret? = nil, notice: String? = nil, errors: [PageError] = [],
        status: HTTPResponseStatus? = nil
    ) async throws -> Response {
        let endpoints = try await services.notifications.webhooks(as: principal)
        let partners = try await partnerChoices(for: principal)
        // Staff read every partner's failures on the outbox page; a partner sees its own deliveries here.
        let deliveries =
            principal.role.isPartnerRole
            ? try await services.notifications.recentDeliveries(as: principal, limit: 20) : []
        let page = WebhooksPage(
            principal: principal, csrf: session.csrfToken, endpoints: endpoints, partners: partners, values: values,
            secret: secret, notice: notice, errors: errors, deliveries: deliveries)
        return try await renderSecretPage("webhooks", page, errors: errors, status: status, request: request)
    }

    // MARK: Outbox

    @Sendable func outbox(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        return try await renderOutbox(request, principal: principal, session: session)
    }

    @Sendable func retryMessage(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        _ = try signedInForm(request, session: session)
        try await services.notifications.retryDeadLetter(try request.uuidParameter("messageID"), as: principal)
        return try await renderOutbox(
            request, principal: principal, session: session,
            notice: "The message is queued again and will be sent on the next delivery run.")
    }

    @Sendable func discardMessage(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        _ = try signedInForm(request, session: session)
        try await services.notifications.discardDeadLetter(try request.uuidParameter("messageID"), as: principal)
        return try await renderOutbox(
            request, principal: principal, session: session, notice: "The message is discarded.")
    }

    private func renderOutbox(
        _ request: Request, principal: Principal, session: SignInSession, notice: String? = nil
    ) async throws -> Response {
        let counts = try await services.notifications.outboxSummary(as: principal)
        let dead = try await services.notifications.deadLetters(as: principal)
        let page = OutboxPage(principal: principal, csrf: session.csrfToken, counts: counts, dead: dead, notice: notice)
        return try await request.view.render("outbox", page).encodeResponse(for: request)
    }
}
