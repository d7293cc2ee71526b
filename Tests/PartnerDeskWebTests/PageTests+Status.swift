import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import PartnerDeskWeb
import Testing
import VaporTesting

/// The public service status page and its feeds: states now, outages in partners' words, announced maintenance,
/// and nothing internal.
extension PageTests {
    @Test func theStatusPage_showsOutagesAndMaintenance_inPartnersWordsOnly() async throws {
        try await withPages { app, services in
            let desk = staff(services, role: .firstLineAgent, scope: .write)
            _ = try await services.serviceLevels.recordOutage(
                OutageDraft(
                    component: "identity-verification", startedAt: "2026-11-23T08:30:00Z", impact: "down",
                    partners: ["CAREBRIDGE"], publicSummary: "People cannot prove who they are.",
                    internalNotes: "Vendor API key expired"), by: desk)
            guard
                case .created(let window, _) = try await services.serviceLevels.planMaintenance(
                    MaintenanceDraft(
                        components: ["sign-in"], startsAt: "2026-11-26T19:00:00Z", endsAt: "2026-11-26T20:00:00Z",
                        summary: "Sign-in may pause for a minute."), by: desk)
            else { throw ServiceError.notFound }
            guard
                case .created(let hidden, _) = try await services.serviceLevels.planMaintenance(
                    MaintenanceDraft(
                        components: ["user-info"], startsAt: "2026-11-27T19:00:00Z", endsAt: "2026-11-27T20:00:00Z",
                        summary: "Not announced yet."), by: desk)
            else { throw ServiceError.notFound }
            _ = hidden
            _ = try await services.serviceLevels.announceMaintenance(window.window.id, expectedVersion: 1, by: desk)

            var visitor = Browser(app: app)
            let page = try await visitor.send(.GET, "status")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("Identity verification: <span class=\"state-outage\">Outage</span>"))
            #expect(html.contains("Sign-in: <span class=\"state-operational\">Operational</span>"))
            #expect(
                html.contains("People cannot prove who they are.") && html.contains("Sign-in may pause for a minute."))
            #expect(html.contains("The last 90 days: 1 day outage, 89 days operational."))
            for hidden in ["Vendor API key", "CAREBRIDGE", "CareBridge", "Not announced yet."] {
                #expect(!html.contains(hidden), "\(hidden)")
            }
            let json = try await visitor.send(.GET, "status.json").body.string
            #expect(json.contains("\"state\":\"outage\"") && !json.contains("Vendor"))
            var calendar: TestingHTTPResponse?
            try await app.testing().test(.GET, "status.ics") { calendar = $0 }
            let ics = calendar?.body.string ?? ""
            #expect(ics.contains("UID:maintenance-MNT-000001@127.0.0.1\r\n") && !ics.contains("MNT-000002"))
            #expect(ics.contains("DTSTART:20261126T190000Z\r\nDTEND:20261126T200000Z\r\n"))
            var atom: TestingHTTPResponse?
            try await app.testing().test(.GET, "status.atom") { atom = $0 }
            #expect(atom?.body.string.contains("OUT-000001 Identity verification: outage") == true)
        }
    }
}

extension PageTests {
    @Test func theServiceLevelsPage_showsTheAllowanceUsed_andRecordsOutagesKeepingWhatWasTyped() async throws {
        try await withPages { app, services in
            let desk = staff(services, role: .firstLineAgent, scope: .write)
            _ = try await services.serviceLevels.recordOutage(
                OutageDraft(
                    component: "sign-in", startedAt: "2026-11-23T08:00:00Z", endedAt: "2026-11-23T08:30:00Z",
                    impact: "down", partners: ["CAREBRIDGE"], publicSummary: "Sign-in failed.",
                    internalNotes: "Token service deploy"), by: desk)
            var alex = Browser(app: app)
            _ = try await signIn(&alex, "alex@partnerdesk.example")
            let page = try await alex.send(.GET, "service-levels?month=2026-11")
            let html = page.body.string
            #expect(page.status == .ok && html.contains("The whole service, 2026-11 (so far)"))
            #expect(html.contains("52 % of the downtime allowance used") && html.contains("28 min of 58 min"))
            #expect(html.contains("<strong>Staff only:</strong> Token service deploy"))
            #expect(html.contains(#"<a href="/service-levels?month=2026-11&amp;partner=CAREBRIDGE">CareBridge</a>"#))
            let refused = try await alex.send(
                .POST, "service-levels/outages",
                form: [
                    "csrf": Browser.csrf(page), "component": "sign-in", "impact": "down",
                    "startedAt": "2026-11-23T08:40", "publicSummary": "",
                    "internalNotes": "Kept as typed",
                ])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains(##"<a href="#publicSummary">"##))
            #expect(refused.body.string.contains("Kept as typed"))

            var rosa = Browser(app: app)
            _ = try await signIn(&rosa, "rosa@wellpath.example")
            let own = try await rosa.send(.GET, "service-levels?month=2026-11")
            #expect(own.status == .ok && own.body.string.contains("Wellpath, 2026-11 (so far)"))
            #expect(!own.body.string.contains("Sign-in failed.") && !own.body.string.contains("Token service"))
            #expect(!own.body.string.contains("Record an outage"))
            #expect(try await rosa.send(.GET, "service-levels?month=2026-11&partner=CAREBRIDGE").status == .notFound)
        }
    }
}

extension PageTests {
    @Test func anOutagesPage_correctsIt_keepingItsHistory_andPartnersSeeOnlyWhatTheyRead() async throws {
        try await withPages { app, services in
            let desk = staff(services, role: .firstLineAgent, scope: .write)
            guard
                case .created(let outage, _) = try await services.serviceLevels.recordOutage(
                    OutageDraft(
                        component: "sign-in", startedAt: "2026-11-23T08:00:15Z", impact: "down",
                        partners: ["WELLPATH"], publicSummary: "Sign-in is failing.", internalNotes: "Token service"),
                    by: desk)
            else { throw ServiceError.notFound }
            var alex = Browser(app: app)
            _ = try await signIn(&alex, "alex@partnerdesk.example")
            let page = try await alex.send(.GET, "service-levels/outages/\(outage.id)")
            #expect(page.status == .ok && page.body.string.contains(#"value="2026-11-23T08:00:15""#), "to the second")
            #expect(page.body.string.contains("Token service") && page.body.string.contains("<td>Recorded</td>"))
            let form: [String: String] = [
                "csrf": Browser.csrf(page), "version": "1", "component": "sign-in", "impact": "degraded",
                "startedAt": "2026-11-23T08:05", "endedAt": "2026-11-23T08:50", "partners": "WELLPATH",
                "publicSummary": "", "internalNotes": "Kept as typed",
            ]
            let refused = try await alex.send(.POST, "service-levels/outages/\(outage.id)", form: form)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("Kept as typed"))
            #expect(refused.body.string.contains(##"<a href="#publicSummary">"##))
            var corrected = form
            corrected["publicSummary"] = "Sign-in was slow."
            let saved = try await alex.send(.POST, "service-levels/outages/\(outage.id)", form: corrected)
            #expect(saved.status == .seeOther)
            let after = try await alex.send(.GET, "service-levels/outages/\(outage.id)?done=corrected")
            #expect(
                after.body.string.contains("Corrected; endedAt: (none) → 2026-11-23T08:50:00Z; impact: down → degraded")
            )
            #expect(after.body.string.contains("The outage is corrected"))
            let stale = try await alex.send(.POST, "service-levels/outages/\(outage.id)", form: corrected)
            #expect(stale.status == .unprocessableEntity && stale.body.string.contains("Someone else changed"))

            var rosa = Browser(app: app)
            _ = try await signIn(&rosa, "rosa@wellpath.example")
            let theirs = try await rosa.send(.GET, "service-levels/outages/\(outage.id)")
            #expect(theirs.status == .ok && theirs.body.string.contains("Sign-in was slow."))
            #expect(!theirs.body.string.contains("Kept as typed") && !theirs.body.string.contains("Correct it"))
            #expect(!theirs.body.string.contains("History"))
        }
    }

    @Test func theComponentsPage_letsPartnersChoose_andAdministratorsKeepTheList() async throws {
        try await withPages { app, services in
            var pam = Browser(app: app)
            _ = try await signIn(&pam, "pam@wellpath.example")
            let page = try await pam.send(.GET, "service-levels/components")
            #expect(page.status == .ok && page.body.string.contains("The components your services use"))
            #expect(!page.body.string.contains("Change the list") && !page.body.string.contains("Monitoring labels"))
            let chosen = try await pam.send(
                .POST, "service-levels/components/choice",
                form: ["csrf": Browser.csrf(page), "choose-sign-in": "on", "choose-user-info": "on"])
            #expect(chosen.status == .seeOther)
            let pamPrincipal = try await principal(services, "pam@wellpath.example")
            let stored = try await services.serviceLevels.componentChoices(as: pamPrincipal)
            #expect(stored.first?.chosen.map(\.code) == ["sign-in", "user-info"])
            let again = try await pam.send(.GET, "service-levels/components")
            #expect(again.body.string.contains(#"name="choose-sign-in" type="checkbox" class="checkbox" checked"#))

            var alex = Browser(app: app)
            _ = try await signIn(&alex, "alex@partnerdesk.example")
            let admin = try await alex.send(.GET, "service-levels/components")
            #expect(
                admin.body.string.contains("Every partner's choice") && admin.body.string.contains("Change the list"))
            #expect(admin.body.string.contains("Sign-in, User information"))
            var form = ["csrf": Browser.csrf(admin), "rows": "6"]
            for (index, component) in ServiceComponent.defaults.enumerated() {
                form["code-\(index)"] = component.code
                form["name-\(index)"] = component.name
                form["description-\(index)"] = component.description
            }
            form["remove-3"] = "on"
            form["code-4"] = "Payments!"
            form["name-4"] = "Payments kept"
            form["labels-5"] = "job"
            let refused = try await alex.send(.POST, "service-levels/components", form: form)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains(##"<a href="#labels-5">"##))
            #expect(refused.body.string.contains("Payments kept"))
            form["labels-5"] = ""
            let named = try await alex.send(.POST, "service-levels/components", form: form)
            #expect(
                named.body.string.contains(##"<a href="#code-4">"##) && named.body.string.contains(##"#description-4"##)
            )
            form["code-4"] = "payments"
            form["description-4"] = "Paying for things."
            form["labels-4"] = "job=payments, env=prod"
            let saved = try await alex.send(.POST, "service-levels/components", form: form)
            #expect(saved.status == .seeOther)
            let listed = try await services.serviceLevels.components(as: pamPrincipal)
            #expect(listed.map(\.code) == ["sign-in", "identity-verification", "user-info", "payments"])
            #expect(listed.last?.alertLabels == ["job": "payments", "env": "prod"])
            let forbidden = try await pam.send(.POST, "service-levels/components", form: ["csrf": Browser.csrf(page)])
            #expect(forbidden.status == .forbidden)
        }
    }
}
