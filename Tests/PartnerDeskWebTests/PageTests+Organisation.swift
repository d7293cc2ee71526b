import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import PartnerDeskWeb
import Testing
import VaporTesting

/// A partner's people, tokens, notifications and webhooks; the outbox and the audit log.
extension PageTests {
    @Test func partnerAdministrators_manageTheirOwnPeople_fromThePeoplePage() async throws {
        let transports = RecordingTransports()
        try await withPages(transports: transports) { app, services in
            var pam = Browser(app: app)
            _ = try await signIn(&pam, "pam@wellpath.example")
            let page = try await pam.send(.GET, "organisation/people")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("rosa@wellpath.example"))
            #expect(!page.body.string.contains("carl@carebridge.example"))
            #expect(!page.body.string.contains("alex@partnerdesk.example"))
            #expect(page.body.string.contains(#"href="/organisation/people">People</a>"#))
            #expect(!page.body.string.contains(#"<option value="administrator""#))

            let csrf = Browser.csrf(page)
            let refused = try await pam.send(
                .POST, "organisation/people",
                form: ["csrf": csrf, "name": "Mo", "email": "not-an-address", "role": "partner_reporter"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("There is a problem"))
            #expect(refused.body.string.contains(#"value="Mo""#))
            let staffRole = try await pam.send(
                .POST, "organisation/people",
                form: ["csrf": csrf, "name": "Mo", "email": "mo@wellpath.example", "role": "administrator"])
            #expect(staffRole.status == .forbidden || staffRole.status == .unprocessableEntity)

            let invited = try await pam.send(
                .POST, "organisation/people",
                form: ["csrf": csrf, "name": "Mo Patel", "email": "mo@wellpath.example", "role": "partner_reporter"])
            #expect(invited.status == .accepted)
            #expect(invited.body.string.contains("An invitation is on its way to mo@wellpath.example."))
            #expect(!invited.body.string.contains("token="), "the link goes to the invitee, not the inviter")
            #expect(invited.headers.first(name: .cacheControl) == "no-store")
            // An address that already has an account elsewhere answers exactly alike.
            let elsewhere = try await pam.send(
                .POST, "organisation/people",
                form: ["csrf": csrf, "name": "Carl", "email": "carl@carebridge.example", "role": "partner_reporter"])
            #expect(elsewhere.status == .accepted)
            #expect(elsewhere.body.string.contains("An invitation is on its way to carl@carebridge.example."))
            #expect(elsewhere.body.string.contains(#"<td>carl@carebridge.example</td><td>Partner reporter</td>"#))
            #expect(!elsewhere.body.string.contains("already exists"))
            _ = try await services.jobs.tick(now: services.clock.now())
            let link = try #require(
                transports.mails.first { $0.to.map(\.value) == ["mo@wellpath.example"] }?.content.strings
                    .first { $0.contains("token=") })
            let secret = String(link.split(separator: "token=").last ?? "")
            try await services.accounts.setPassword(linkSecret: secret, password: "long enough passphrase here")

            let mo = try #require(
                try await services.accounts.list(as: pamPrincipal(services)).first {
                    $0.email.value == "mo@wellpath.example"
                })
            let promoted = try await pam.send(
                .POST, "organisation/people/\(mo.id)/role", form: ["csrf": csrf, "role": "partner_hssi_manager"])
            #expect(promoted.body.string.contains("Mo Patel is now a partner hssi manager."))
            let disabled = try await pam.send(.POST, "organisation/people/\(mo.id)/disable", form: ["csrf": csrf])
            #expect(disabled.body.string.contains("The account is disabled"))
            let after = try await services.accounts.list(as: pamPrincipal(services)).first { $0.id == mo.id }
            #expect(after?.role == .partnerHSSIManager && after?.isActive == false)

            // Someone from another organisation reads as missing; reporters may not manage people.
            let carl = try #require(
                try await services.accounts.list(as: staff(services, role: .administrator, scope: .write)).first {
                    $0.email.value == "carl@carebridge.example"
                })
            #expect(
                try await pam.send(.POST, "organisation/people/\(carl.id)/disable", form: ["csrf": csrf]).status
                    == .notFound)
            var rosa = Browser(app: app)
            _ = try await signIn(&rosa, "rosa@wellpath.example")
            let forbidden = try await rosa.send(.GET, "organisation/people")
            #expect(forbidden.status == .forbidden)
            #expect(!forbidden.body.string.contains("mo@wellpath.example"))
        }
    }

    @Test func partnerAdministrators_createAndRevokeTokens_andSeeTheSecretOnce() async throws {
        try await withPages { app, services in
            var pam = Browser(app: app)
            _ = try await signIn(&pam, "pam@wellpath.example")
            let page = try await pam.send(.GET, "organisation/tokens")
            #expect(page.status == .ok)
            let csrf = Browser.csrf(page)
            let badExpiry = try await pam.send(
                .POST, "organisation/tokens",
                form: ["csrf": csrf, "name": "Appointments app", "scope": "write", "expiresOn": "2026-02-30"])
            #expect(badExpiry.status == .unprocessableEntity)
            #expect(badExpiry.body.string.contains(##"href="#expiresOn""##))
            let past = try await pam.send(
                .POST, "organisation/tokens",
                form: ["csrf": csrf, "name": "Appointments app", "scope": "write", "expiresOn": "2026-11-01"])
            #expect(past.body.string.contains("The expiry date must be in the future."))

            let created = try await pam.send(
                .POST, "organisation/tokens",
                form: ["csrf": csrf, "name": "Appointments app", "scope": "read", "expiresOn": "2027-03-31"])
            #expect(created.status == .created)
            let html = created.body.string
            let start = try #require(html.range(of: #"<code class="secret">"#))
            let secret = String(html[start.upperBound...].prefix { $0 != "<" })
            let principal = try #require(try await services.tokens.authenticate(secret))
            #expect(principal.partnerID != nil && principal.scope == .read)
            #expect(html.contains("Read only") && html.contains("Wed, 31 Mar 2027 at 23:59"))
            let listed = try await pam.send(.GET, "organisation/tokens")
            #expect(!listed.body.string.contains(secret))

            let token = try #require(
                try await services.tokens.list(as: pamPrincipal(services)).first)
            let revoked = try await pam.send(.POST, "organisation/tokens/\(token.id)/revoke", form: ["csrf": csrf])
            #expect(revoked.body.string.contains("The token is revoked"))
            #expect(try await services.tokens.authenticate(secret) == nil)

            var carl = Browser(app: app)
            _ = try await signIn(&carl, "carl@carebridge.example")
            #expect(try await carl.send(.GET, "organisation/tokens").status == .forbidden)
        }
    }

    @Test func people_chooseTheirNotifications_andPartnerAdministratorsManageWebhooks() async throws {
        try await withPages { app, services in
            var rosa = Browser(app: app)
            _ = try await signIn(&rosa, "rosa@wellpath.example")
            let choices = try await rosa.send(.GET, "account/notifications")
            #expect(choices.status == .ok)
            #expect(
                choices.body.string.contains(
                    #"id="incident.received" name="incident.received" type="checkbox" class="checkbox" checked"#))
            #expect(!choices.body.string.contains("incident.sla_50"))
            let saved = try await rosa.send(
                .POST, "account/notifications", form: ["csrf": Browser.csrf(choices), "incident.resolved": "on"])
            #expect(saved.body.string.contains("Your choices are saved."))
            let rosaPrincipal = try await principal(services, "rosa@wellpath.example")
            #expect(
                try await services.notifications.preferences(of: rosaPrincipal).filter(\.enabled).map(\.event) == [
                    .incident(.incidentResolved)
                ])
            #expect(try await rosa.send(.GET, "organisation/webhooks").status == .forbidden)

            var pam = Browser(app: app)
            _ = try await signIn(&pam, "pam@wellpath.example")
            let page = try await pam.send(.GET, "organisation/webhooks")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("<h2>Recent deliveries</h2>"))
            #expect(page.body.string.contains("Nothing has been sent to your endpoints yet."))
            let csrf = Browser.csrf(page)
            let refused = try await pam.send(.POST, "organisation/webhooks", form: ["csrf": csrf, "url": "not a url"])
            #expect(refused.status == .unprocessableEntity)
            #expect(
                refused.body.string.contains(##"href="#url""##) && refused.body.string.contains(##"href="#events""##))
            let added = try await pam.send(
                .POST, "organisation/webhooks",
                form: ["csrf": csrf, "url": "https://hooks.wellpath.example/in", "incident.received": "on"])
            #expect(added.status == .created)
            #expect(added.headers.first(name: .cacheControl) == "no-store")
            let firstSecret = try #require(Self.secret(in: added.body.string))
            let endpoint = try #require(try await services.notifications.webhooks(as: pamPrincipal(services)).first)
            #expect(endpoint.secret == firstSecret && endpoint.events == [.incident(.incidentReceived)])
            #expect(!(try await pam.send(.GET, "organisation/webhooks")).body.string.contains(firstSecret))

            let rotated = try await pam.send(
                .POST, "organisation/webhooks/\(endpoint.id.uuidString.lowercased())/rotate", form: ["csrf": csrf])
            let secondSecret = try #require(Self.secret(in: rotated.body.string))
            #expect(secondSecret != firstSecret && rotated.body.string.contains("The previous secret also signs until"))

            var carl = Browser(app: app)
            _ = try await signIn(&carl, "carl@carebridge.example")
            #expect(
                try await carl.send(.POST, "organisation/webhooks/\(endpoint.id)/remove", form: ["csrf": csrf]).status
                    == .forbidden)
            let removed = try await pam.send(
                .POST, "organisation/webhooks/\(endpoint.id.uuidString.lowercased())/remove", form: ["csrf": csrf])
            #expect(removed.body.string.contains("The endpoint is removed"))
            #expect(try await services.notifications.webhooks(as: pamPrincipal(services)).isEmpty)
        }
    }

    @Test func administrators_retryAndDiscardDeadLetters_fromTheOutboxPage() async throws {
        let transports = RecordingTransports()
        try await withPages(transports: transports) { app, services in
            let rosa = try await partnerSystem(services)
            _ = try await services.notifications.addWebhook(
                url: "https://hooks.wellpath.example/in", events: ["incident.received"], partnerCode: nil,
                as: pamPrincipal(services))
            let draft = Self.plainDraft
            let desk = staff(services, role: .firstLineAgent, scope: .write)
            for _ in 0..<2 {
                guard case .created(let raised, _) = try await services.incidents.raise(draft, by: rosa) else { return }
                _ = try await services.incidents.transition(
                    raised.incident.id, IncidentTransitionDraft(action: "receive", severity: 3), expectedVersion: 1,
                    by: desk)
            }
            transports.failing(with: DeliveryFailure(retryable: false, reason: "410 endpoint gone"))
            _ = try await services.jobs.tick(now: services.clock.now())
            transports.failing(with: nil)

            var alex = Browser(app: app)
            _ = try await signIn(&alex, "alex@partnerdesk.example")
            let page = try await alex.send(.GET, "admin/outbox")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("410 endpoint gone"))
            let ids = page.body.string.matches(of: /admin\/outbox\/([0-9a-f-]{36})\/retry/).map { String($0.output.1) }
            #expect(ids.count == 6)  // two incidents × (two Wellpath people + one endpoint)
            let csrf = Browser.csrf(page)
            let retried = try await alex.send(.POST, "admin/outbox/\(ids[0])/retry", form: ["csrf": csrf])
            #expect(retried.body.string.contains("queued again"))
            let discarded = try await alex.send(.POST, "admin/outbox/\(ids[1])/discard", form: ["csrf": csrf])
            #expect(discarded.body.string.contains("The message is discarded."))
            #expect(
                try await alex.send(.POST, "admin/outbox/\(ids[1])/discard", form: ["csrf": csrf]).status == .notFound)
            _ = try await services.jobs.tick(now: services.clock.now())
            #expect(
                transports.mails.map(\.id).contains(UUID(uuidString: ids[0])!)
                    || transports.webhooks.map(\.id).contains(UUID(uuidString: ids[0])!))

            var pam = Browser(app: app)
            _ = try await signIn(&pam, "pam@wellpath.example")
            #expect(try await pam.send(.GET, "admin/outbox").status == .forbidden)
        }
    }

    static func secret(in html: String) -> String? {
        guard let start = html.range(of: #"<code class="secret">"#) else { return nil }
        return String(html[start.upperBound...].prefix { $0 != "<" })
    }

    @Test func auditLogPage_isForAdministratorsOnly_andFilters() async throws {
        try await withPages { app, _ in
            var partner = Browser(app: app)
            _ = try await signIn(&partner, "rosa@wellpath.example", password: "wrong password here")
            _ = try await signIn(&partner, "rosa@wellpath.example")
            #expect(try await partner.send(.GET, "admin/audit").status == .forbidden)
            var admin = Browser(app: app)
            _ = try await signIn(&admin, "alex@partnerdesk.example")
            let page = try await admin.send(.GET, "admin/audit?outcome=denied")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("session.sign_in"))
            #expect(page.body.string.contains("wrong e-mail or password"))
            #expect(!page.body.string.contains(">succeeded<"))
        }
    }
}
