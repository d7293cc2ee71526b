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
