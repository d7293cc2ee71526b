import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import PartnerDeskWeb
import Testing
import VaporTesting

/// The HSSI pages and the HSSI manager rota.
extension PageTests {
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
}
