import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import PartnerDeskWeb
import Testing
import VaporTesting

/// Sign-in, sessions and the start page over HTTP: cookie flags, CSRF, throttling and partner isolation.
@Suite struct PageTests {
    struct Browser {
        let app: Application
        var cookies: [String: String] = [:]

        mutating func send(_ method: HTTPMethod, _ path: String, form: [String: String]? = nil) async throws
            -> TestingHTTPResponse
        {
            var headers: HTTPHeaders = ["Accept": "text/html,application/xhtml+xml"]
            if !cookies.isEmpty {
                headers.add(name: .cookie, value: cookies.map { "\($0)=\($1)" }.joined(separator: "; "))
            }
            var body: ByteBuffer?
            if let form {
                headers.contentType = .urlEncodedForm
                let encoded = form.map { key, value in
                    "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
                }
                body = ByteBuffer(string: encoded.joined(separator: "&"))
            }
            var result: TestingHTTPResponse?
            try await app.testing().test(method, path, headers: headers, body: body) { result = $0 }
            for header in result!.headers[.setCookie] {
                let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
                cookies[pair[0]] = pair.count > 1 ? pair[1] : ""
                if header.contains("Max-Age=0") { cookies[pair[0]] = nil }
            }
            return result!
        }

        /// Posts a multipart form with one file part, as a browser's upload form does.
        mutating func upload(
            _ path: String, fields: [String: String], file: [UInt8], fileName: String, fileField: String = "file"
        ) async throws -> TestingHTTPResponse {
            let boundary = "----partnerdesk-test-boundary"
            var body = ""
            for (name, value) in fields {
                body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
            }
            body +=
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(fileField)\"; filename=\"\(fileName)\"\r\n"
            body += "Content-Type: application/octet-stream\r\n\r\n"
            var buffer = ByteBuffer(string: body)
            buffer.writeBytes(file)
            buffer.writeString("\r\n--\(boundary)--\r\n")
            var headers: HTTPHeaders = [
                "Accept": "text/html", "Content-Type": "multipart/form-data; boundary=\(boundary)",
            ]
            headers.add(name: .cookie, value: cookies.map { "\($0)=\($1)" }.joined(separator: "; "))
            var result: TestingHTTPResponse?
            try await app.testing().test(.POST, path, headers: headers, body: buffer) { result = $0 }
            return result!
        }

        /// The CSRF value of the form on a page.
        static func csrf(_ page: TestingHTTPResponse) -> String {
            let html = page.body.string
            guard let range = html.range(of: #"name="csrf" value=""#) else { return "" }
            return String(html[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    func withPages(
        tls: Bool = false, transports: RecordingTransports = RecordingTransports(),
        _ body: (Application, AppServices) async throws -> Void
    ) async throws {
        let clock = FixedClock(ISO8601Instant.date(from: "2026-11-23T09:00:00Z")!)
        let services = AppServices.inMemory(clock: clock, transports: transports)
        _ = try await services.partners.register(PartnerDraft(code: "WELLPATH", name: "Wellpath", status: "live"))
        _ = try await services.partners.register(PartnerDraft(code: "CAREBRIDGE", name: "CareBridge", status: "live"))
        for (email, role, partner) in [
            ("rosa@wellpath.example", Role.partnerReporter, "WELLPATH"),
            ("carl@carebridge.example", .partnerReporter, "CAREBRIDGE"),
            ("pam@wellpath.example", .partnerAdministrator, "WELLPATH"),
            ("alex@partnerdesk.example", .administrator, nil),
        ] {
            let invitation = try await services.accounts.add(
                email: email, name: email, role: role, partnerCode: partner.flatMap(PartnerCode.init))
            try await services.accounts.setPassword(
                linkSecret: invitation.linkSecret, password: "long enough passphrase here")
        }
        let app = try await Application.make(.testing)
        do {
            app.logger.logLevel = .critical
            try PartnerDeskWeb.configure(
                app,
                context: .init(
                    services: services, metrics: { "" },
                    publicURL: tls ? "https://desk.example.org" : "http://127.0.0.1:8080"))
            try await body(app, services)
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    func signIn(_ browser: inout Browser, _ email: String, password: String = "long enough passphrase here")
        async throws
        -> TestingHTTPResponse
    {
        let form = try await browser.send(.GET, "sign-in")
        return try await browser.send(
            .POST, "sign-in", form: ["email": email, "password": password, "csrf": Browser.csrf(form)])
    }

    /// Fills in and sends the raise form with a complete data set and the given texts.
    func raise(_ browser: inout Browser, errorType: String = "Sign-in loop", description: String) async throws
        -> TestingHTTPResponse
    {
        let form = try await browser.send(.GET, "incidents/new")
        return try await browser.send(
            .POST, "incidents",
            form: [
                "type": "accessing_service", "occurredAt": "2026-11-23T08:30", "userEmail": "user@example.org",
                "errorType": errorType, "description": description, "deviceType": "mobile", "operatingSystem": "iOS",
                "operatingSystemVersion": "17.4", "csrf": Browser.csrf(form),
            ])
    }

    @Test func signIn_setsAHardenedCookie_andShowsOnlyTheOrganisationsIncidents() async throws {
        try await withPages { app, services in
            let rosa = try await services.tokens.authenticate(
                services.tokens.create(name: "w", partnerCode: PartnerCode("WELLPATH"), role: nil).secret
            )!
            let carl = try await services.tokens.authenticate(
                services.tokens.create(name: "c", partnerCode: PartnerCode("CAREBRIDGE"), role: nil).secret
            )!
            let draft = IncidentReportDraft(
                type: "other", occurredAt: "2026-11-23T08:00:00Z", userEmail: "u@example.org", errorType: "Loop",
                description: "Loops", deviceType: "pc", operatingSystem: "Windows", operatingSystemVersion: "11"
            )
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

    @Test func queue_filtersSearchesAndPages_andExplainsABadFilterInline() async throws {
        try await withPages { app, services in
            for (code, description) in [
                ("WELLPATH", "Photo upload fails"), ("CAREBRIDGE", "Security code never arrives"),
                ("CAREBRIDGE", "Photo check rejects a valid passport"),
            ] {
                let partner = try await services.tokens.authenticate(
                    services.tokens.create(name: "p", partnerCode: PartnerCode(code), role: nil).secret
                )!
                let draft = IncidentReportDraft(
                    type: "other", occurredAt: "2026-11-23T08:00:00Z", userEmail: "u@example.org",
                    errorType: "Failure", description: description, deviceType: "pc", operatingSystem: "Windows",
                    operatingSystemVersion: "11"
                )
                _ = try await services.incidents.raise(draft, by: partner)
            }
            var admin = Browser(app: app)
            _ = try await signIn(&admin, "alex@partnerdesk.example")
            let all = try await admin.send(.GET, "")
            #expect(["INC-000001", "INC-000002", "INC-000003"].allSatisfy(all.body.string.contains))
            #expect(all.body.string.contains(#"<option value="CAREBRIDGE" >CareBridge</option>"#))
            let photo = try await admin.send(.GET, "?q=photo&partner=CAREBRIDGE&status=&severity=&breached=")
            #expect(photo.status == .ok)
            #expect(photo.body.string.contains("INC-000003"))
            #expect(!photo.body.string.contains("INC-000001") && !photo.body.string.contains("INC-000002"))
            #expect(photo.body.string.contains(#"<option value="CAREBRIDGE" selected>CareBridge</option>"#))
            #expect(photo.body.string.contains(#"value="photo""#))
            let closed = try await admin.send(.GET, "?status=closed")
            #expect(closed.body.string.contains("No incidents match."))

            let paged = try await admin.send(.GET, "?limit=2")
            let next = try #require(paged.body.string.firstRange(of: #"href="/?limit=2&amp;cursor="#))
            #expect(!paged.body.string.contains("INC-000003"))
            let link = paged.body.string[next.lowerBound...].dropFirst(6).prefix { $0 != "\"" }
            let second = try await admin.send(
                .GET, String(link.replacingOccurrences(of: "&amp;", with: "&").dropFirst()))
            #expect(second.body.string.contains("INC-000003"))

            let bad = try await admin.send(.GET, "?severity=9&partner=NOSUCH")
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("There is a problem"))
            #expect(bad.body.string.contains("Severities are 1 to 5"))
            #expect(bad.body.string.contains(##"href="#partner""##))

            // Partners get no partner filter, and naming another partner shows nothing.
            var rosa = Browser(app: app)
            _ = try await signIn(&rosa, "rosa@wellpath.example")
            let own = try await rosa.send(.GET, "?partner=CAREBRIDGE")
            #expect(!own.body.string.contains(#"id="partner""#))
            #expect(own.body.string.contains("No incidents match."))
        }
    }

    @Test func screenshots_areUploadedWithTheConfirmation_andDownloadedOnlyByThoseWhoMaySeeTheIncident()
        async throws
    {
        try await withPages { app, services in
            let rosaToken = try await services.tokens.authenticate(
                services.tokens.create(name: "w", partnerCode: PartnerCode("WELLPATH"), role: nil).secret
            )!
            let draft = IncidentReportDraft(
                type: "other", occurredAt: "2026-11-23T08:00:00Z", userEmail: "u@example.org", errorType: "Loop",
                description: "Loops", deviceType: "pc", operatingSystem: "Windows", operatingSystemVersion: "11"
            )
            guard case .created(let raised, _) = try await services.incidents.raise(draft, by: rosaToken) else {
                return
            }
            let path = "incidents/\(raised.incident.id)"
            var rosa = Browser(app: app)
            _ = try await signIn(&rosa, "rosa@wellpath.example")
            let page = try await rosa.send(.GET, path)
            #expect(page.body.string.contains(#"enctype="multipart/form-data""#))
            let csrf = Browser.csrf(page)
            let image = ScreenshotTestImages.png()

            let unconfirmed = try await rosa.upload(
                "\(path)/attachments", fields: ["csrf": csrf], file: image, fileName: "loop.png")
            #expect(unconfirmed.status == .unprocessableEntity)
            #expect(unconfirmed.body.string.contains("Confirm that the screenshot shows no patient-identifiable data"))
            let notAnImage = try await rosa.upload(
                "\(path)/attachments", fields: ["csrf": csrf, "confirmNoPatientData": "true"],
                file: Array("hello".utf8), fileName: "loop.png")
            #expect(notAnImage.status == .unprocessableEntity)
            #expect(notAnImage.body.string.contains(##"href="#file""##))
            let forged = try await rosa.upload(
                "\(path)/attachments", fields: ["csrf": "forged", "confirmNoPatientData": "true"], file: image,
                fileName: "loop.png")
            #expect(forged.status == .forbidden)
            #expect(try await services.incidents.attachments(of: raised.incident.id, as: rosaToken).isEmpty)

            let uploaded = try await rosa.upload(
                "\(path)/attachments", fields: ["csrf": csrf, "confirmNoPatientData": "true"], file: image,
                fileName: "loop.png")
            #expect(uploaded.status == .seeOther)
            let shown = try await rosa.send(.GET, String(uploaded.headers.first(name: .location)!.dropFirst()))
            #expect(shown.body.string.contains("Screenshot loop.png attached."))
            let stored = try await services.incidents.attachments(of: raised.incident.id, as: rosaToken)
            #expect(stored.count == 1)
            let link = "\(path)/attachments/\(stored[0].id)"
            #expect(shown.body.string.contains("href=\"/\(link)\" download"))
            let download = try await rosa.send(.GET, link)
            #expect(download.status == .ok)
            #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
            #expect(download.headers.first(name: "X-Content-Type-Options") == "nosniff")

            var carl = Browser(app: app)
            _ = try await signIn(&carl, "carl@carebridge.example")
            #expect(try await carl.send(.GET, link).status == .notFound)
        }
    }

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
                transports.mails.first { $0.to.map(\.value) == ["mo@wellpath.example"] }?.text
                    .split(separator: "\n").first { $0.contains("token=") })
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

    @Test func everyLinkAndFormOnEveryPage_pointsAtARegisteredRoute() async throws {
        try await withPages { app, services in
            let rosaToken = try await services.tokens.authenticate(
                services.tokens.create(name: "w", partnerCode: PartnerCode("WELLPATH"), role: nil).secret
            )!
            let draft = IncidentReportDraft(
                type: "other", occurredAt: "2026-11-23T08:00:00Z", userEmail: "u@example.org", errorType: "Loop",
                description: "Loops", deviceType: "pc", operatingSystem: "Windows", operatingSystemVersion: "11"
            )
            guard case .created(let raised, _) = try await services.incidents.raise(draft, by: rosaToken) else {
                return
            }
            _ = try await services.incidents.attach(
                raised.incident.id, bytes: Data(ScreenshotTestImages.png()), fileName: "a.png",
                confirmedNoPatientData: true, by: rosaToken)
            let manager = staff(services, role: .problemManager, scope: .write)
            _ = try await services.incidents.transition(
                raised.incident.id, IncidentTransitionDraft(action: "receive", severity: 3), expectedVersion: 1,
                by: staff(services, role: .firstLineAgent, scope: .write))
            let problem = try await services.problems.record(
                ProblemDraft(title: "Loop", description: "Loops", severity: 3, origin: nil),
                incidents: [raised.incident.id], by: manager)
            _ = try await services.problems.record(
                ProblemDraft(title: "Other", description: "Other", severity: 4, origin: nil), by: manager)
            _ = try await services.problems.publish(
                problem.problem.id, summary: "Sign-in can loop.", expectedVersion: 1, by: manager)
            _ = try await services.hssis.declare(
                HSSIDeclarationDraft(
                    title: "Wrong record", description: "Shown", occurredAt: "2026-11-23T08:50:00Z", severity: 1,
                    category: "other"),
                by: rosaToken)
            let routes = app.routes.all.map { route in
                (
                    route.method.rawValue,
                    route.path.map { component -> String? in
                        if case .parameter = component { return nil }
                        return component.description
                    }
                )
            }
            func registered(_ method: String, _ target: String) -> Bool {
                let path = target.split(separator: "?")[0].split(separator: "/").map(String.init)
                return routes.contains { routeMethod, pattern in
                    routeMethod == method && pattern.count == path.count
                        && zip(pattern, path).allSatisfy { $0 == nil || $0 == $1 }
                }
            }
            var checked = 0
            for (email, pages) in [
                ("rosa@wellpath.example", ["", "incidents/new", "incidents/\(raised.incident.id)"]),
                (
                    "pam@wellpath.example",
                    ["organisation/people", "organisation/tokens", "organisation/webhooks", "organisation/hssi-rota"]
                ),
                (
                    "alex@partnerdesk.example",
                    [
                        "", "incidents/\(raised.incident.id)", "admin/audit", "admin/outbox", "account/notifications",
                        "problems", "staff/problems", "staff/problems/new", "staff/problems/PRB-000001", "hssi",
                        "hssi/new", "hssi/HSSI-000001", "organisation/hssi-rota?partner=WELLPATH",
                    ]
                ),
            ] {
                var browser = Browser(app: app)
                _ = try await signIn(&browser, email)
                for page in pages {
                    let html = try await browser.send(.GET, page).body.string
                    for match in html.matches(of: /<form method="(get|post)" action="([^"]*)"/) {
                        #expect(registered(match.output.1.uppercased(), String(match.output.2)), "\(page): \(match.0)")
                        checked += 1
                    }
                    for match in html.matches(of: /href="(\/[^"#]*)"/) {
                        let target = String(match.output.1).replacingOccurrences(of: "&amp;", with: "&")
                        #expect(registered("GET", target), "\(page): \(target)")
                        checked += 1
                    }
                }
            }
            #expect(checked > 30)
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
                    .incidentResolved
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
            #expect(endpoint.secret == firstSecret && endpoint.events == [.incidentReceived])
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
            let rosa = try await services.tokens.authenticate(
                services.tokens.create(name: "w", partnerCode: PartnerCode("WELLPATH"), role: nil).secret
            )!
            _ = try await services.notifications.addWebhook(
                url: "https://hooks.wellpath.example/in", events: ["incident.received"], partnerCode: nil,
                as: pamPrincipal(services))
            let draft = IncidentReportDraft(
                type: "other", occurredAt: "2026-11-23T08:00:00Z", userEmail: "u@example.org", errorType: "Loop",
                description: "Loops", deviceType: "pc", operatingSystem: "Windows", operatingSystemVersion: "11"
            )
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

    @Test func theProblemsAndFixesPage_showsOnlyPublishedProblems_withoutSigningIn() async throws {
        try await withPages { app, services in
            let manager = staff(services, role: .problemManager, scope: .write)
            let shown = try await services.problems.record(
                ProblemDraft(
                    title: "Photo <upload> stalls", description: "Internal: proxy timeout at the edge", severity: 2,
                    origin: "internal_bug", errorCodes: ["P0042"], workaround: "Retry on Wi-Fi"), by: manager)
            _ = try await services.problems.publish(
                shown.problem.id, summary: "Passport photo uploads can stall.", expectedVersion: 1, by: manager)
            _ = try await services.problems.record(
                ProblemDraft(title: "Secret photo problem", description: "Not public", severity: 1, origin: nil),
                by: manager)

            var visitor = Browser(app: app)
            let page = try await visitor.send(.GET, "problems")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("Photo &lt;upload&gt; stalls") && html.contains("Passport photo uploads can stall."))
            #expect(html.contains("Retry on Wi-Fi") && !html.contains("Secret photo problem"))
            #expect(!html.contains("proxy timeout at the edge"))
            let search = try await visitor.send(.GET, "problems?q=uploads")
            #expect(search.body.string.contains("<mark>uploads</mark>") || search.body.string.contains("<mark>upload"))
            #expect(
                try await visitor.send(.GET, "problems?q=secret").body.string.contains("No published problem matches"))
            #expect(try await visitor.send(.GET, "problems/PRB-000001").status == .ok)
            #expect(try await visitor.send(.GET, "problems/PRB-000002").status == .notFound)

            var json: TestingHTTPResponse?
            try await app.testing().test(.GET, "problems.json") { json = $0 }
            let items = try JSONSerialization.jsonObject(with: Data(json!.body.readableBytesView)) as? [[String: Any]]
            #expect(items?.map { $0["reference"] as? String } == ["PRB-000001"])
            #expect(items?.first?["fixDueDate"] as? String != nil && items?.first?["description"] == nil)
            var searchedJSON: TestingHTTPResponse?
            try await app.testing().test(.GET, "problems.json?q=uploads") { searchedJSON = $0 }
            #expect(searchedJSON?.body.string.contains("PRB-000001") == true)
            try await app.testing().test(.GET, "problems.json?q=secret") { #expect($0.body.string == "[]") }
            var atom: TestingHTTPResponse?
            try await app.testing().test(.GET, "problems.atom") { atom = $0 }
            #expect(atom?.headers.contentType?.subType == "atom+xml")
            #expect(atom?.body.string.contains("<title>PRB-000001: Photo &lt;upload&gt; stalls</title>") == true)
        }
    }

    @Test func staffRecordRankAndWorkProblems_fromTheProblemPages() async throws {
        try await withPages { app, services in
            let rosaToken = try #require(
                try await services.tokens.authenticate(
                    services.tokens.create(name: "w", partnerCode: PartnerCode("WELLPATH"), role: nil).secret))
            let desk = staff(services, role: .firstLineAgent, scope: .write)
            var references: [String] = []
            for _ in 0..<2 {
                let draft = IncidentReportDraft(
                    type: "other", occurredAt: "2026-11-23T08:00:00Z", userEmail: "u@example.org", errorType: "Loop",
                    description: "Loops", deviceType: "pc", operatingSystem: "Windows", operatingSystemVersion: "11")
                guard case .created(let raised, _) = try await services.incidents.raise(draft, by: rosaToken) else {
                    return
                }
                _ = try await services.incidents.transition(
                    raised.incident.id, IncidentTransitionDraft(action: "receive", severity: 2), expectedVersion: 1,
                    by: desk)
                references.append(raised.incident.reference.description)
            }
            var rosa = Browser(app: app)
            _ = try await signIn(&rosa, "rosa@wellpath.example")
            #expect(try await rosa.send(.GET, "staff/problems").status == .forbidden)
            #expect(!(try await rosa.send(.GET, "").body.string.contains(#"href="/staff/problems""#)))

            var alex = Browser(app: app)
            _ = try await signIn(&alex, "alex@partnerdesk.example")
            let form = try await alex.send(.GET, "staff/problems/new?incident=\(references[0])")
            #expect(form.body.string.contains(#"name="incidents" type="text" value="\#(references[0])""#))
            let refused = try await alex.send(
                .POST, "staff/problems",
                form: [
                    "title": "", "description": "Loops", "severity": "2", "origin": "incidents",
                    "incidents": "INC-000099", "csrf": Browser.csrf(form),
                ])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("There is no incident INC-000099."))
            #expect(try await services.problems.ranked(as: desk).isEmpty)
            let recorded = try await alex.send(
                .POST, "staff/problems",
                form: [
                    "title": "Sign-in loop", "description": "Loops after the code", "severity": "2",
                    "origin": "incidents", "incidents": references.joined(separator: ", "),
                    "errorCodes": "P0042, P0043", "csrf": Browser.csrf(form),
                ])
            #expect(
                recorded.status == .seeOther && recorded.headers.first(name: .location) == "/staff/problems/PRB-000001")
            let list = try await alex.send(.GET, "staff/problems").body.string
            #expect(list.contains(#"<a href="/staff/problems/PRB-000001">PRB-000001</a>: Sign-in loop"#))
            // Two severity 2 incidents this week (8 + 8) and one partner (10).
            #expect(list.contains("<strong>26</strong>") && list.contains("16 from incidents + 10 from partners"))
            #expect(list.contains("severity weight"))

            var page = try await alex.send(.GET, "staff/problems/PRB-000001")
            #expect(page.body.string.contains(references[1]) && page.body.string.contains("Wellpath"))
            let stale = try await alex.send(
                .POST, "staff/problems/PRB-000001/status",
                form: ["status": "investigating", "version": "7", "csrf": Browser.csrf(page)])
            #expect(stale.status == .unprocessableEntity)
            #expect(stale.body.string.contains("Someone else changed this problem"))
            for (status, release) in [("investigating", ""), ("fix_in_progress", ""), ("fix_released", "2026.12")] {
                page = try await alex.send(.GET, "staff/problems/PRB-000001")
                let version = try #require(page.body.string.firstMatch(of: /name="version" value="(\d+)"/)?.output.1)
                let moved = try await alex.send(
                    .POST, "staff/problems/PRB-000001/status",
                    form: [
                        "status": status, "fixRelease": release, "version": String(version),
                        "csrf": Browser.csrf(page),
                    ])
                #expect(moved.status == .seeOther, "\(status)")
            }
            page = try await alex.send(.GET, "staff/problems/PRB-000001?done=moved")
            #expect(page.body.string.contains("The problem has moved on.") && page.body.string.contains("2026.12"))
            #expect(page.body.string.contains("Resolve 2 incidents"))
            let resolved = try await alex.send(
                .POST, "staff/problems/PRB-000001/resolutions",
                form: ["kind": "fix", "version": "4", "csrf": Browser.csrf(page)])
            #expect(resolved.status == .seeOther)
            for reference in references {
                let incident = try #require(
                    try await services.incidents.list(IncidentQuery(now: services.clock.now()), as: desk).views.first {
                        $0.incident.reference.description == reference
                    }?.incident)
                #expect(incident.status == .resolved)
            }
            page = try await alex.send(.GET, "staff/problems/PRB-000001")
            #expect(!page.body.string.contains("Resolve the linked incidents together"))
            let published = try await alex.send(
                .POST, "staff/problems/PRB-000001/publication",
                form: ["summary": "Sign-in could loop; fixed in 2026.12.", "version": "4", "csrf": Browser.csrf(page)])
            #expect(published.status == .seeOther)
            var visitor = Browser(app: app)
            #expect(try await visitor.send(.GET, "problems/PRB-000001").status == .ok)
            page = try await alex.send(.GET, "staff/problems/PRB-000001")
            let withdrawn = try await alex.send(
                .POST, "staff/problems/PRB-000001/withdrawal", form: ["version": "5", "csrf": Browser.csrf(page)])
            #expect(withdrawn.status == .seeOther)
            #expect(try await visitor.send(.GET, "problems/PRB-000001").status == .notFound)
        }
    }

    @Test func duplicateProblems_mergeFromTheProblemPage() async throws {
        try await withPages { app, services in
            let manager = staff(services, role: .problemManager, scope: .write)
            let kept = try await services.problems.record(
                ProblemDraft(title: "Sign-in loop", description: "Loops", severity: 3, origin: nil), by: manager)
            _ = try await services.problems.record(
                ProblemDraft(title: "Login loops", description: "Same", severity: 3, origin: nil), by: manager)
            var alex = Browser(app: app)
            _ = try await signIn(&alex, "alex@partnerdesk.example")
            let page = try await alex.send(.GET, "staff/problems/PRB-000002")
            #expect(
                page.body.string.contains(#"<option value="\#(kept.problem.id)">PRB-000001: Sign-in loop</option>"#))
            let merged = try await alex.send(
                .POST, "staff/problems/PRB-000002/merge",
                form: ["into": kept.problem.id.description, "version": "1", "csrf": Browser.csrf(page)])
            #expect(merged.headers.first(name: .location) == "/staff/problems/PRB-000001?done=merged")
            let duplicate = try await alex.send(.GET, "staff/problems/PRB-000002").body.string
            #expect(duplicate.contains("Merged into") && !duplicate.contains("Merge a duplicate"))
            #expect(try await alex.send(.GET, "staff/problems/PRB-000404").status == .notFound)
        }
    }

    @Test func anHSSI_isDeclaredRunAndAnsweredFromItsPages() async throws {
        try await withPages { app, services in
            var rosa = Browser(app: app)
            _ = try await signIn(&rosa, "rosa@wellpath.example")
            let form = try await rosa.send(.GET, "hssi/new")
            #expect(form.status == .ok && !form.body.string.contains(#"name="partner""#))
            let refused = try await rosa.send(
                .POST, "hssi",
                form: [
                    "title": "Wrong record", "description": "Shown", "occurredAt": "2026-11-23T08:50",
                    "csrf": Browser.csrf(form),
                ])
            #expect(
                refused.status == .unprocessableEntity && refused.body.string.contains("An HSSI is severity 1 or 2."))
            let declared = try await rosa.send(
                .POST, "hssi",
                form: [
                    "title": "Wrong record shown", "description": "Users saw other users' appointments",
                    "occurredAt": "2026-11-23T08:50", "severity": "1", "category": "wrong_information_shown",
                    "csrf": Browser.csrf(form),
                ])
            #expect(declared.headers.first(name: .location) == "/hssi/HSSI-000001?done=declared")
            var page = try await rosa.send(.GET, "hssi/HSSI-000001?done=declared")
            #expect(page.body.string.contains("The HSSI is declared.") && page.body.string.contains("In time"))
            #expect(!page.body.string.contains("Convene and invite"))
            var carl = Browser(app: app)
            _ = try await signIn(&carl, "carl@carebridge.example")
            #expect(try await carl.send(.GET, "hssi/HSSI-000001").status == .notFound)
            #expect(!(try await carl.send(.GET, "hssi").body.string.contains("HSSI-000001")))

            var alex = Browser(app: app)
            _ = try await signIn(&alex, "alex@partnerdesk.example")
            var console = try await alex.send(.GET, "hssi")
            #expect(console.body.string.contains(#"<a href="/hssi/HSSI-000001">HSSI-000001</a>: Wrong record shown"#))
            page = try await alex.send(.GET, "hssi/HSSI-000001")
            let stale = try await alex.send(
                .POST, "hssi/HSSI-000001/steps",
                form: ["step": "notify_bridge", "version": "1", "csrf": Browser.csrf(page)])
            #expect(
                stale.status == .unprocessableEntity && stale.body.string.contains("Someone else changed this HSSI"))
            func version(_ page: TestingHTTPResponse) -> String {
                String(page.body.string.firstMatch(of: /name="version" value="(\d+)"/)?.output.1 ?? "")
            }
            for step in ["notify_bridge", "engage_devops"] {
                page = try await alex.send(.GET, "hssi/HSSI-000001")
                let moved = try await alex.send(
                    .POST, "hssi/HSSI-000001/steps",
                    form: ["step": step, "version": version(page), "csrf": Browser.csrf(page)])
                #expect(moved.status == .seeOther, "\(step)")
            }
            page = try await alex.send(.GET, "hssi/HSSI-000001")
            let convened = try await alex.send(
                .POST, "hssi/HSSI-000001/intervention",
                form: [
                    "joiningDetails": "Call 0300 555 0100, PIN 4321", "version": version(page),
                    "csrf": Browser.csrf(page),
                ])
            #expect(convened.status == .seeOther)

            page = try await rosa.send(.GET, "hssi/HSSI-000001")
            #expect(page.body.string.contains("PIN 4321") && page.body.string.contains("We have joined"))
            let joined = try await rosa.send(
                .POST, "hssi/HSSI-000001/answers", form: ["answer": "join", "csrf": Browser.csrf(page)])
            #expect(joined.headers.first(name: .location) == "/hssi/HSSI-000001?done=joined")
            page = try await rosa.send(.GET, "hssi/HSSI-000001")
            let updated = try await rosa.send(
                .POST, "hssi/HSSI-000001/updates",
                form: [
                    "currentImpact": "Appointments hidden", "usersAffected": "120",
                    "actionsTaken": "Cache cleared; our on-call is on 07700 900123",
                    "nextUpdateDue": "2026-11-23T10:30", "version": version(page), "csrf": Browser.csrf(page),
                ])
            #expect(updated.status == .seeOther)
            let after = try #require(updated.headers.first(name: .location))
            #expect(after == "/hssi/HSSI-000001?done=updated&masked=actionsTaken.phone_number.1")
            let told = try await rosa.send(.GET, String(after.dropFirst()))
            #expect(told.body.string.contains("We removed a phone number from the actions taken"))
            page = try await alex.send(.GET, "hssi/HSSI-000001")
            #expect(page.body.string.contains("Appointments hidden") && page.body.string.contains("In time"))
            #expect(page.body.string.contains("[phone number removed]") && !page.body.string.contains("07700"))
            let sent = try await alex.send(
                .POST, "hssi/HSSI-000001/communications",
                form: ["message": "A fix is being deployed.", "version": version(page), "csrf": Browser.csrf(page)])
            #expect(sent.status == .seeOther)
            page = try await alex.send(.GET, "hssi/HSSI-000001")
            #expect(page.body.string.contains("HSSI-000001: update from the identity platform"))
            let csv = try await rosa.send(.GET, "hssi/HSSI-000001/timeline.csv")
            #expect(csv.headers.first(name: .contentType) == "text/csv; charset=utf-8")
            #expect(csv.body.string.contains("communications_sent"))
            console = try await alex.send(.GET, "hssi")
            #expect(console.body.string.contains("Communications sent to affected partners"))
            _ = services
        }
    }

    @Test func partnerAdministrators_keepTheirHSSIManagerRota_andSeeTheGaps() async throws {
        try await withPages { app, _ in
            var pam = Browser(app: app)
            _ = try await signIn(&pam, "pam@wellpath.example")
            var page = try await pam.send(.GET, "organisation/hssi-rota")
            #expect(page.body.string.contains("On duty now: <strong>Nobody</strong>"))
            let refused = try await pam.send(
                .POST, "organisation/hssi-rota",
                form: [
                    "managerName": "Nina", "email": "nope", "startsAt": "2026-11-23T09:00",
                    "endsAt": "2026-11-23T08:00",
                    "csrf": Browser.csrf(page),
                ])
            #expect(
                refused.status == .unprocessableEntity
                    && refused.body.string.contains("The shift must end after it starts."))
            let added = try await pam.send(
                .POST, "organisation/hssi-rota",
                form: [
                    "managerName": "Nina Night", "email": "nina@wellpath.example", "startsAt": "2026-11-23T08:00",
                    "endsAt": "2026-11-30T08:00", "csrf": Browser.csrf(page),
                ])
            #expect(added.status == .seeOther)
            page = try await pam.send(.GET, "organisation/hssi-rota?done=added")
            #expect(page.body.string.contains("On duty now: <strong>Nina Night</strong>"))
            #expect(page.body.string.contains("Mon, 30 Nov 2026 at 8:00 to"))
            var rosa = Browser(app: app)
            _ = try await signIn(&rosa, "rosa@wellpath.example")
            let readOnly = try await rosa.send(.GET, "organisation/hssi-rota")
            #expect(readOnly.body.string.contains("Nina Night") && !readOnly.body.string.contains("Add to the rota"))
        }
    }

    @Test func theRaiseForm_checksKnownProblemsFirst_andRecordsTheOneChosen() async throws {
        try await withPages { app, services in
            let manager = staff(services, role: .problemManager, scope: .write)
            let problem = try await services.problems.record(
                ProblemDraft(title: "Passport photo upload stalls", description: "Proxy", severity: 2, origin: nil),
                by: manager)
            _ = try await services.problems.publish(
                problem.problem.id, summary: "Photo uploads can stall.", expectedVersion: 1, by: manager)
            var rosa = Browser(app: app)
            _ = try await signIn(&rosa, "rosa@wellpath.example")
            let searched = try await rosa.send(.GET, "incidents/new?q=photos")
            #expect(searched.body.string.contains("PRB-000001: Passport <mark>photo</mark> upload stalls"))
            #expect(searched.body.string.contains(#"href="/incidents/new?q=photos&amp;problem=PRB-000001""#))
            let none = try await rosa.send(.GET, "incidents/new?q=teleport")
            #expect(none.body.string.contains("No known problem matches."))

            let chosen = try await rosa.send(.GET, "incidents/new?q=photos&problem=PRB-000001")
            #expect(chosen.body.string.contains(#"name="suspectedProblem" type="text" value="PRB-000001""#))
            #expect(
                chosen.body.string.contains(
                    #"name="checkedKnownProblems" type="checkbox" value="true" class="checkbox" checked"#))
            let raised = try await rosa.send(
                .POST, "incidents",
                form: [
                    "type": "accessing_service", "occurredAt": "2026-11-23T08:30", "userEmail": "user@example.org",
                    "errorType": "Upload", "description": "Photo upload spins", "deviceType": "mobile",
                    "operatingSystem": "iOS", "operatingSystemVersion": "17.4", "suspectedProblem": "PRB-000001",
                    "checkedKnownProblems": "true", "csrf": Browser.csrf(chosen),
                ])
            #expect(raised.status == .seeOther)
            let incident = try #require(
                try await services.incidents.list(IncidentQuery(now: services.clock.now()), as: staff(services)).views
                    .first?.incident)
            #expect(incident.report.suspectedProblem == "PRB-000001" && incident.report.checkedKnownProblems)
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

    @Test func maskedText_isExplainedAfterTheRedirect_andALinkCannotWordTheNotice() async throws {
        try await withPages { app, _ in
            var browser = Browser(app: app)
            _ = try await signIn(&browser, "rosa@wellpath.example")
            let raised = try await raise(&browser, description: "Loops; her daughter's phone is 07700 900123")
            #expect(raised.status == .seeOther)
            let location = try #require(raised.headers.first(name: .location))
            #expect(location.contains("masked=description.phone_number.1"))
            let home = try await browser.send(.GET, String(location.dropFirst()))
            #expect(home.body.string.contains("We removed a phone number from the description before saving it"))
            let forged = try await browser.send(.GET, "?raised=INC-000001&masked=Call%20us.secret.1,description.x.1")
            #expect(!forged.body.string.contains("We removed"))
        }
    }

    @Test func reorderingControls_areShownAsMarkers_onThePages() async throws {
        try await withPages { app, _ in
            var browser = Browser(app: app)
            _ = try await signIn(&browser, "rosa@wellpath.example")
            let raised = try await raise(
                &browser, errorType: "Loop \u{202E}exe.fdp", description: "Loops \u{2067}back\u{2069}")
            #expect(raised.status == .seeOther)
            let home = try await browser.send(.GET, "")
            let link = try #require(home.body.string.firstRange(of: #/href="/incidents/([0-9a-f-]{36})"/#))
            let page = try await browser.send(.GET, String(home.body.string[link]).dropFirst(7).dropLast().description)
            #expect(page.body.string.contains("Loop [U+202E]exe.fdp"))
            #expect(page.body.string.contains("Loops [U+2067]back[U+2069]"))
            #expect(!page.body.string.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) })
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

    @Test func partnerRaisesAnIncidentFromTheForm_andPatientDataIsRefusedInlineWithoutEcho() async throws {
        try await withPages { app, services in
            var browser = Browser(app: app)
            _ = try await signIn(&browser, "rosa@wellpath.example")
            let form = try await browser.send(.GET, "incidents/new")
            #expect(form.status == .ok)
            var values = [
                "type": "accessing_service", "occurredAt": "2026-11-23T08:30", "userEmail": "user@example.org",
                "errorType": "Sign-in loop", "description": "User 401 023 2137 goes round in circles",
                "deviceType": "mobile",
                "operatingSystem": "iOS", "operatingSystemVersion": "17.4", "errorCodes": "P0042, E12",
                "csrf": Browser.csrf(form),
            ]
            let refused = try await browser.send(.POST, "incidents", form: values)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("This looks like an NHS number"))
            #expect(refused.body.string.contains(##"href="#description""##))
            #expect(!refused.body.string.contains("2137"))
            #expect(
                try await services.incidents.list(IncidentQuery(now: services.clock.now()), as: staff(services)).views
                    .isEmpty)

            values["description"] = "The user goes round in circles after the security code"
            values["csrf"] = Browser.csrf(refused)
            let raised = try await browser.send(.POST, "incidents", form: values)
            #expect(raised.status == .seeOther)
            let listed = try await services.incidents.list(
                IncidentQuery(now: services.clock.now()), as: staff(services)
            ).views
            #expect(listed.count == 1)
            #expect(listed.first?.incident.report.errorCodes == ["P0042", "E12"])
            #expect(listed.first?.incident.report.occurredAt == ISO8601Instant.date(from: "2026-11-23T08:30:00Z"))
        }
    }

    @Test func theRaiseForm_takesAScreenshot_andKeepsTheOtherFieldsWhenItIsRefused() async throws {
        try await withPages { app, services in
            var rosa = Browser(app: app)
            _ = try await signIn(&rosa, "rosa@wellpath.example")
            let form = try await rosa.send(.GET, "incidents/new")
            #expect(form.body.string.contains(#"enctype="multipart/form-data""#))
            var fields = [
                "type": "accessing_service", "occurredAt": "2026-11-23T08:30", "userEmail": "user@example.org",
                "errorType": "Sign-in loop", "description": "Loops after the security code", "deviceType": "mobile",
                "operatingSystem": "iOS", "operatingSystemVersion": "17.4", "csrf": Browser.csrf(form),
            ]
            let unconfirmed = try await rosa.upload(
                "incidents", fields: fields, file: ScreenshotTestImages.png(), fileName: "loop.png",
                fileField: "screenshot")
            #expect(unconfirmed.status == .unprocessableEntity)
            #expect(unconfirmed.body.string.contains(##"href="#confirmNoPatientData""##))
            #expect(unconfirmed.body.string.contains("Loops after the security code"))
            #expect(
                try await services.incidents.list(IncidentQuery(now: services.clock.now()), as: staff(services)).views
                    .isEmpty)

            fields["confirmNoPatientData"] = "true"
            let raised = try await rosa.upload(
                "incidents", fields: fields, file: ScreenshotTestImages.png(), fileName: "loop.png",
                fileField: "screenshot")
            #expect(raised.status == .seeOther)
            let incident = try #require(
                try await services.incidents.list(IncidentQuery(now: services.clock.now()), as: staff(services)).views
                    .first)
            #expect(
                try await services.incidents.attachments(of: incident.incident.id, as: staff(services)).map(\.fileName)
                    == ["loop.png"])

            // No file chosen: browsers still send an empty part, which means no screenshot.
            let withoutFile = try await rosa.upload(
                "incidents", fields: fields, file: [], fileName: "", fileField: "screenshot")
            #expect(withoutFile.status == .seeOther)
        }
    }

    @Test func staffCannotOpenTheRaiseForm() async throws {
        try await withPages { app, _ in
            var browser = Browser(app: app)
            _ = try await signIn(&browser, "alex@partnerdesk.example")
            let refused = try await browser.send(.GET, "incidents/new")
            #expect(refused.status == .forbidden)
            #expect(refused.headers.contentType == .html)
            #expect(refused.body.string.contains("<h1>You cannot do this</h1>"))
        }
    }

    @Test func pageErrors_areHTMLPagesForBrowsers_andProblemDetailsForTheAPI() async throws {
        try await withPages { app, services in
            let carl = try await services.tokens.authenticate(
                services.tokens.create(name: "c", partnerCode: PartnerCode("CAREBRIDGE"), role: nil).secret
            )!
            let draft = IncidentReportDraft(
                type: "other", occurredAt: "2026-11-23T08:00:00Z", userEmail: "u@example.org", errorType: "Loop",
                description: "Loops", deviceType: "pc", operatingSystem: "Windows", operatingSystemVersion: "11"
            )
            guard case .created(let other, _) = try await services.incidents.raise(draft, by: carl) else { return }
            var rosa = Browser(app: app)
            _ = try await signIn(&rosa, "rosa@wellpath.example")
            for path in ["incidents/\(other.incident.id)", "incidents/not-an-id", "no/such/page"] {
                let page = try await rosa.send(.GET, path)
                #expect(page.status == .notFound, "\(path)")
                #expect(page.headers.contentType == .html, "\(path)")
                #expect(page.body.string.contains("<h1>Page not found</h1>"), "\(path)")
                #expect(!page.body.string.contains("CareBridge"), "\(path)")
            }
            try await app.testing().test(.GET, "api/v1/no/such/route", headers: ["Accept": "text/html"]) {
                #expect($0.status == .notFound)
                #expect($0.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            }
        }
    }

    func staff(_ services: AppServices, role: Role = .serviceManager, scope: TokenScope = .read) -> Principal {
        Principal(credential: .token(.init(UUID())), displayName: "Staff", role: role, partnerID: nil, scope: scope)
    }

    /// The signed-in principal of a person, as their session would carry it.
    func principal(_ services: AppServices, _ email: String) async throws -> Principal {
        let users = try await services.accounts.list(as: staff(services, role: .administrator, scope: .write))
        let user = try #require(users.first { $0.email.value == email })
        return Principal(
            credential: .user(user.id), displayName: user.displayName, role: user.role, partnerID: user.partnerID,
            scope: .write)
    }

    func pamPrincipal(_ services: AppServices) async throws -> Principal {
        try await principal(services, "pam@wellpath.example")
    }

    @Test func deskReceivesFromTheIncidentPage_andThePartnerSeesOnlyPublicHistory() async throws {
        try await withPages { app, services in
            let invitation = try await services.accounts.add(
                email: "fiona@partnerdesk.example", name: "Fiona", role: .firstLineAgent, partnerCode: nil)
            try await services.accounts.setPassword(
                linkSecret: invitation.linkSecret, password: "long enough passphrase here")
            let rosa = try await services.tokens.authenticate(
                services.tokens.create(name: "w", partnerCode: PartnerCode("WELLPATH"), role: nil).secret
            )!
            let draft = IncidentReportDraft(
                type: "other", occurredAt: "2026-11-23T08:00:00Z", userEmail: "u@example.org", errorType: "Loop",
                description: "Loops", deviceType: "pc", operatingSystem: "Windows", operatingSystemVersion: "11"
            )
            guard case .created(let raised, _) = try await services.incidents.raise(draft, by: rosa) else { return }
            let path = "incidents/\(raised.incident.id)"

            var desk = Browser(app: app)
            _ = try await signIn(&desk, "fiona@partnerdesk.example")
            let page = try await desk.send(.GET, path)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Receive and assign severity"))
            let received = try await desk.send(
                .POST, "\(path)/transitions",
                form: [
                    "action": "receive", "severity": "3", "version": "1", "note": "Looking", "csrf": Browser.csrf(page),
                ]
            )
            #expect(received.status == .seeOther)
            let after = try await desk.send(.GET, path)
            #expect(after.body.string.contains("Severity 3"))
            #expect(after.body.string.contains("Wed, 25 Nov 2026"))
            let stale = try await desk.send(
                .POST, "\(path)/transitions",
                form: ["action": "forward_to_devops", "version": "1", "csrf": Browser.csrf(after)]
            )
            #expect(stale.status == .unprocessableEntity)
            #expect(stale.body.string.contains("Someone else changed this incident"))
            _ = try await desk.send(
                .POST, "\(path)/comments",
                form: ["text": "Probably PRB-000045", "internal": "true", "csrf": Browser.csrf(after)])

            var partner = Browser(app: app)
            _ = try await signIn(&partner, "rosa@wellpath.example")
            let partnerView = try await partner.send(.GET, path)
            #expect(partnerView.status == .ok)
            #expect(partnerView.body.string.contains("Looking"))
            #expect(!partnerView.body.string.contains("PRB-000045"))
            #expect(!partnerView.body.string.contains("Move the incident on"))
            var other = Browser(app: app)
            _ = try await signIn(&other, "carl@carebridge.example")
            #expect(try await other.send(.GET, path).status == .notFound)
        }
    }
}
