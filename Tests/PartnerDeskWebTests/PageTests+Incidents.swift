import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import PartnerDeskWeb
import Testing
import VaporTesting

/// The incident queue, the raise form, one incident's page and its screenshots.
extension PageTests {
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
            let rosaToken = try await partnerSystem(services)
            let draft = Self.plainDraft
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

    @Test func deskReceivesFromTheIncidentPage_andThePartnerSeesOnlyPublicHistory() async throws {
        try await withPages { app, services in
            let invitation = try await services.accounts.add(
                email: "fiona@partnerdesk.example", name: "Fiona", role: .firstLineAgent, partnerCode: nil)
            try await services.accounts.setPassword(
                linkSecret: invitation.linkSecret, password: "long enough passphrase here")
            let rosa = try await partnerSystem(services)
            let draft = Self.plainDraft
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
            // The partner sees why the clock stands where it does: received this very minute, nothing counted yet.
            #expect(partnerView.body.string.contains("<h2>Why the clock stands here</h2>"))
            #expect(partnerView.body.string.contains("Received: the clock starts, with a target of 20 h"))
            var other = Browser(app: app)
            _ = try await signIn(&other, "carl@carebridge.example")
            #expect(try await other.send(.GET, path).status == .notFound)
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
}
