import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import PartnerDeskWeb
import Testing
import VaporTesting

/// Signing in and out, passwords, second factors, and what every signed-in page promises.
extension PageTests {
    @Test func signIn_setsAHardenedCookie_andShowsOnlyTheOrganisationsIncidents() async throws {
        try await withPages { app, services in
            let rosa = try await partnerSystem(services)
            let carl = try await services.tokens.authenticate(
                services.tokens.create(name: "c", partnerCode: PartnerCode("CAREBRIDGE"), role: nil).secret
            )!
            let draft = Self.plainDraft
            _ = try await services.incidents.raise(draft, by: rosa)
            _ = try await services.incidents.raise(draft, by: carl)

            var browser = Browser(app: app)
            let anonymous = try await browser.send(.GET, "")
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.headers.first(name: .location) == "/sign-in")
            let response = try await signIn(&browser, "rosa@wellpath.example")
            #expect(response.status == .seeOther)
            let setCookie = response.headers[.setCookie].first { $0.hasPrefix("partnerdesk_session=") } ?? ""
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax"))
            let home = try await browser.send(.GET, "")
            #expect(home.status == .ok)
            #expect(home.body.string.contains("INC-000001"))
            #expect(!home.body.string.contains("INC-000002"))
            #expect(home.body.string.contains("Not started: awaiting the service desk"))
        }
    }

    @Test func overTLS_theSessionCookieIsSecureWithTheHostPrefix() async throws {
        try await withPages(tls: true) { app, _ in
            var browser = Browser(app: app)
            let response = try await signIn(&browser, "rosa@wellpath.example")
            let setCookie = response.headers[.setCookie].first { $0.hasPrefix("__Host-partnerdesk_session=") } ?? ""
            #expect(setCookie.contains("Secure") && setCookie.contains("HttpOnly") && setCookie.contains("Path=/"))
        }
    }

    @Test func wrongPassword_andUnknownAccount_getTheSameAnswer_thenTheThrottle() async throws {
        try await withPages { app, _ in
            var browser = Browser(app: app)
            let wrong = try await signIn(&browser, "rosa@wellpath.example", password: "not the one at all")
            let unknown = try await signIn(&browser, "nobody@wellpath.example", password: "not the one at all")
            #expect(wrong.status == .unauthorized && unknown.status == .unauthorized)
            #expect(wrong.body.string.contains("Enter a correct e-mail address and password."))
            #expect(unknown.body.string.contains("Enter a correct e-mail address and password."))
            for _ in 0..<8 { _ = try await signIn(&browser, "rosa@wellpath.example", password: "still wrong here") }
            let throttled = try await signIn(&browser, "rosa@wellpath.example")
            #expect(throttled.status == .tooManyRequests)
            #expect(Int(throttled.headers.first(name: .retryAfter) ?? "") ?? 0 > 0)
        }
    }

    @Test func formsWithoutTheirCSRFToken_areRefused() async throws {
        try await withPages { app, _ in
            var browser = Browser(app: app)
            _ = try await browser.send(.GET, "sign-in")
            let forged = try await browser.send(
                .POST, "sign-in",
                form: ["email": "rosa@wellpath.example", "password": "long enough passphrase here", "csrf": "guess"]
            )
            #expect(forged.status == .forbidden)
            _ = try await signIn(&browser, "rosa@wellpath.example")
            let signOut = try await browser.send(.POST, "sign-out", form: ["csrf": "guess"])
            #expect(signOut.status == .forbidden)
            #expect(try await browser.send(.GET, "").status == .ok)
        }
    }

    @Test func signOut_endsTheSession() async throws {
        try await withPages { app, _ in
            var browser = Browser(app: app)
            _ = try await signIn(&browser, "rosa@wellpath.example")
            let home = try await browser.send(.GET, "")
            let out = try await browser.send(.POST, "sign-out", form: ["csrf": Browser.csrf(home)])
            #expect(out.status == .seeOther)
            #expect(try await browser.send(.GET, "").status == .seeOther)
        }
    }

    @Test func setPasswordPage_explainsWeakPasswordsInline_andAcceptsAGoodOne() async throws {
        try await withPages { app, services in
            let invitation = try await services.accounts.add(
                email: "new@wellpath.example", name: "New", role: .partnerReporter, partnerCode: PartnerCode("WELLPATH")
            )
            var browser = Browser(app: app)
            let form = try await browser.send(.GET, "account/password?token=\(invitation.linkSecret)")
            #expect(form.status == .ok)
            let weak = try await browser.send(
                .POST, "account/password",
                form: ["token": invitation.linkSecret, "password": "password123", "csrf": Browser.csrf(form)]
            )
            #expect(weak.status == .unprocessableEntity)
            #expect(weak.body.string.contains("There is a problem"))
            #expect(weak.body.string.contains("at least 12 characters"))
            let good = try await browser.send(
                .POST, "account/password",
                form: [
                    "token": invitation.linkSecret, "password": "a calm and patient river", "csrf": Browser.csrf(weak),
                ]
            )
            #expect(good.status == .ok)
            #expect(good.body.string.contains("Your password is saved"))
        }
    }

    @Test func enrolledUsers_signInWithTheirAuthenticatorCode() async throws {
        try await withPages { app, services in
            let enrolment = try await services.accounts.enrollSecondFactor(email: "rosa@wellpath.example")
            var browser = Browser(app: app)
            let step = try await signIn(&browser, "rosa@wellpath.example")
            #expect(step.status == .ok)
            #expect(step.body.string.contains("Enter your security code"))
            #expect(try await browser.send(.GET, "").status == .seeOther, "no access before the code")
            let wrong = try await browser.send(
                .POST, "sign-in/code", form: ["code": "000000", "csrf": Browser.csrf(step)])
            #expect(wrong.status == .unauthorized)
            let key = try #require(Base32.decode(enrolment.secret))
            let code = TOTP.code(secret: key, counter: TOTP.counter(at: services.clock.now())) {
                TestDigester().hmacSHA1(key: $0, message: $1)
            }
            let right = try await browser.send(
                .POST, "sign-in/code", form: ["code": code, "csrf": Browser.csrf(wrong)])
            #expect(right.status == .seeOther)
            #expect(try await browser.send(.GET, "").status == .ok)
        }
    }

    @Test func anOffboardedPartner_canNeitherSignIn_norUseItsTokens_andIsToldWhy() async throws {
        try await withPages { app, services in
            _ = try await services.partners.register(
                PartnerDraft(code: "OLDCLINIC", name: "Old Clinic", status: "offboarded"))
            let invitation = try await services.accounts.add(
                email: "olga@oldclinic.example", name: "Olga", role: .partnerAdministrator,
                partnerCode: PartnerCode("OLDCLINIC"))
            try await services.accounts.setPassword(
                linkSecret: invitation.linkSecret, password: "long enough passphrase here")
            var browser = Browser(app: app)
            let refused = try await signIn(&browser, "olga@oldclinic.example")
            #expect(refused.status == .forbidden)
            #expect(refused.body.string.contains("offboarded"))
            #expect(try await browser.send(.GET, "").status == .seeOther)
            let wrong = try await signIn(&browser, "olga@oldclinic.example", password: "not the password at all")
            #expect(wrong.status == .unauthorized, "the status is told only to someone with the right password")

            let token = try await services.tokens.create(
                name: "Old system", partnerCode: PartnerCode("OLDCLINIC"), role: nil
            ).secret
            for (method, path) in [(HTTPMethod.GET, "api/v1/incidents"), (.POST, "api/v1/incidents")] {
                var headers = HTTPHeaders([("Content-Type", "application/json")])
                headers.bearerAuthorization = BearerAuthorization(token: token)
                try await app.testing().test(method, path, headers: headers, body: ByteBuffer(string: "{}")) {
                    #expect($0.status == .forbidden)
                    #expect($0.json["code"] as? String == "partner_offboarded")
                }
            }
        }
    }

    @Test func pagesForSignedInPeople_areNeverCached() async throws {
        try await withPages { app, _ in
            var browser = Browser(app: app)
            let signInPage = try await browser.send(.GET, "sign-in")
            #expect(signInPage.status == .ok)
            _ = try await signIn(&browser, "rosa@wellpath.example")
            for path in ["", "incidents/new", "hssi", "account/notifications"] {
                let page = try await browser.send(.GET, path)
                #expect(page.status == .ok, "\(path)")
                #expect(page.headers.first(name: .cacheControl) == "no-store", "\(path)")
            }
        }
    }

    @Test func pageRefusalsAndDenials_areAuditedAsThePersonSignedIn() async throws {
        try await withPages { app, services in
            var browser = Browser(app: app)
            _ = try await signIn(&browser, "rosa@wellpath.example")
            let refused = try await raise(&browser, description: "User 401 023 2137 goes round in circles")
            #expect(refused.status == .unprocessableEntity)
            #expect(try await browser.send(.GET, "admin/audit").status == .forbidden)
            let entries = try await services.audit.list(AuditQuery())
            let refusal = entries.first { $0.outcome == .refused }
            #expect(refusal?.actorName == "rosa@wellpath.example")
            #expect(refusal?.detail?.contains("description") == true)
            #expect(refusal?.detail?.contains("2137") == false)
            let denial = entries.first { $0.outcome == .denied && $0.action == AccessAction.readAuditLog.rawValue }
            #expect(denial?.actorName == "rosa@wellpath.example")
        }
    }
}
