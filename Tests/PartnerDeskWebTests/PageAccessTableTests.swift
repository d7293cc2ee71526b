import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing
import VaporTesting

@testable import PartnerDeskWeb

/// Signs in a person of every role and sends every row of ``PageAccessTable`` with a valid CSRF token,
/// comparing the answers with the table. A record the person may not know about must answer exactly like a
/// missing one, page and all.
@Suite struct PageAccessTableTests {
    static let people: [(String, Role)] = [
        ("rep", .partnerReporter), ("hssi", .partnerHSSIManager), ("padm", .partnerAdministrator),
        ("fl", .firstLineAgent), ("dev", .devOpsEngineer), ("bri", .serviceBridgeOperator), ("pm", .problemManager),
        ("rel", .releaseManager), ("apr", .assuranceApprover), ("svc", .serviceManager), ("adm", .administrator),
    ]

    @Test func table_listsEveryPageRouteForSignedInPeople() async throws {
        let rows = try RouteAccessTableTests.rows(of: PageAccessTable.text)
        try await APIHarness.run { api in
            let pages = api.app.routes.all.filter {
                $0.path.first?.description != "api" && $0.access != .public && $0.access != .metrics
            }
            let registered = Set(
                pages.map { "\($0.method.rawValue) /\($0.path.map(\.description).joined(separator: "/"))" })
            let listed = Set(rows.map { "\($0.method.rawValue) \($0.path)" })
            #expect(registered.subtracting(listed).sorted() == [], "pages missing from the table")
            #expect(listed.subtracting(registered).sorted() == [], "rows for pages that do not exist")
        }
    }

    @Test func everyPage_answersEveryPerson_asTheTableSays() async throws {
        let rows = try RouteAccessTableTests.rows(of: PageAccessTable.text)
        try await APIHarness.run { api in
            let fixtures = try await AccessFixtures(api)
            var browsers: [String: PageTests.Browser] = ["anon": PageTests.Browser(app: api.app)]
            var csrf: [String: String] = [:]
            for (name, role) in Self.people {
                let email = "\(name)@\(role.isPartnerRole ? "wellpath" : "platform").example"
                let invitation = try await api.services.accounts.add(
                    email: email, name: "Person \(name)", role: role,
                    partnerCode: role.isPartnerRole ? PartnerCode("WELLPATH") : nil)
                try await api.services.accounts.setPassword(
                    linkSecret: invitation.linkSecret, password: "long enough passphrase here")
                var browser = PageTests.Browser(app: api.app)
                let form = try await browser.send(.GET, "sign-in")
                let signedIn = try await browser.send(
                    .POST, "sign-in",
                    form: [
                        "email": email, "password": "long enough passphrase here", "csrf": PageTests.Browser.csrf(form),
                    ])
                try #require(signedIn.status == .seeOther, "\(name) could not sign in")
                csrf[name] = PageTests.Browser.csrf(try await browser.send(.GET, "account/notifications"))
                browsers[name] = browser
            }
            var mismatches: [String] = []
            var bodies: [String: String] = [:]
            for row in rows {
                for (caller, expected) in row.expected {
                    var browser = try #require(browsers[caller], "unknown caller \(caller)")
                    let path = try await fixtures.path(row.path, owner: row.owner)
                    var form = Self.form(row, keeper: fixtures.keeper)
                    form["csrf"] = csrf[caller] ?? ""
                    if row.path.hasPrefix("/organisation/hssi-rota/") {
                        form["partner"] = row.owner == "other" ? "CAREBRIDGE" : "WELLPATH"
                    }
                    let response = try await browser.send(
                        row.method, String(path.dropFirst()), form: row.method == .GET ? nil : form)
                    browsers[caller] = browser
                    let toSignIn = response.headers.first(name: .location)?.hasPrefix("/sign-in") == true
                    let answer =
                        switch response.status.code {
                        case 401, 403, 404: "\(response.status.code)"
                        case 302,
                            303 where toSignIn:
                            "303"
                        default: "ok"
                        }
                    if answer != expected {
                        mismatches.append(
                            "\(row.method) \(path) [\(row.owner)] as \(caller): \(response.status.code), table says \(expected)"
                        )
                    }
                    if response.status == .notFound {
                        let key = "\(row.method) \(row.path) \(caller)"
                        let page = fixtures.withoutIDs(response.body.string).replacing(/[A-Z]+-\d+/, with: "REF")
                        if let missing = bodies[key] {
                            #expect(page == missing, "\(row.method) \(row.path) [\(row.owner)] as \(caller)")
                        } else {
                            bodies[key] = page
                        }
                    }
                }
            }
            #expect(mismatches == [], "\(mismatches.count) answers differ from the table")
        }
    }

    /// Form fields each page accepts from an allowed person (so the answer reflects access, not the form).
    static func form(_ row: RouteAccessTableTests.Row, keeper: String) -> [String: String] {
        let suffix = row.path.split(separator: "/").last.map(String.init) ?? ""
        switch (row.path.hasPrefix("/hssi"), row.path.hasPrefix("/staff/problems"), suffix) {
        case (_, _, "incidents"):
            return [
                "type": "accessing_service", "occurredAt": "2026-11-23T08:30", "userEmail": "user@example.org",
                "errorType": "Sign-in loop", "description": "Goes round in circles", "deviceType": "mobile",
                "operatingSystem": "iOS", "operatingSystemVersion": "17.4", "service": "wellpath-gp",
            ]
        case (_, _, "transitions"): return ["action": "receive", "severity": "3"]
        case (_, _, "comments"): return ["text": "Any news?"]
        case (_, _, "people"):
            return [
                "email": "new-\(UUID().uuidString.prefix(8))@wellpath.example", "name": "New",
                "role": "partner_reporter", "partner": "WELLPATH",
            ]
        case (_, _, "role"): return ["role": "partner_hssi_manager"]
        case (_, _, "tokens"): return ["name": "Booking system", "scope": "read", "partner": "WELLPATH"]
        case (_, _, "webhooks"):
            return ["url": "https://hooks.wellpath.example/in", "events": "incident.received", "partner": "WELLPATH"]
        case (false, true, "problems"): return ["title": "Loop", "description": "Loops", "severity": "3"]
        case (false, true, "status"): return ["status": "investigating", "version": "1"]
        case (false, true, "publication"): return ["summary": "Sign-in can loop.", "version": "1"]
        case (false, true, "merge"): return ["into": keeper, "version": "1"]
        case (false, true, "resolutions"): return ["kind": "fix"]
        case (true, false, "hssi"):
            return [
                "partner": "WELLPATH", "title": "Wrong record", "description": "Shown",
                "occurredAt": "2026-11-23T08:00", "severity": "1", "category": "other",
            ]
        case (true, false, "steps"): return ["step": "identify", "version": "1"]
        case (true, false, "assessments"): return ["assessSeverity": "1", "assessCategory": "other", "version": "1"]
        case (true, false, "intervention"): return ["joiningDetails": "Call 0300 555 0100", "version": "1"]
        case (true, false, "answers"): return ["joined": "true", "partner": "WELLPATH"]
        case (true, false, "updates"):
            return [
                "currentImpact": "Some", "usersAffected": "3", "actionsTaken": "Cache cleared",
                "nextUpdateDue": "2030-01-01T00:00", "version": "1",
            ]
        case (true, false, "communications"): return ["message": "Fix under way", "version": "1"]
        case (_, _, "hssi-rota"):
            return [
                "partner": "WELLPATH", "managerName": "Mo", "email": "mo@wellpath.example",
                "startsAt": "2026-11-26T00:00", "endsAt": "2026-11-27T00:00",
            ]
        case (_, _, "sprints"): return ["number": "\(Int.random(in: 100...999_999))", "startsOn": "2027-01-04"]
        case (_, _, "features"):
            return [
                "featureTitle": "Faster", "featureDescription": "Quicker.", "services": "Sign-in", "impact": "minor",
                "version": "1",
            ]
        case (_, _, "releases"):
            return [
                "name": "2031.\(UUID().uuidString.prefix(8))", "summary": "Changes.", "plannedAt": "2031-01-01T19:00",
            ]
        case (_, _, "decisions"): return ["decision": "approve", "level": "technical_design", "version": "1"]
        case (_, _, "schedule"): return ["number": "1", "startsOn": "2026-12-07", "version": "1"]
        case (_, _, "plan"): return ["plannedAt": "2030-02-01T19:00", "version": "1"]
        case (_, _, "rollback"): return ["reason": "Errors rose", "version": "1"]
        case (_, _, "notices"):
            return [
                "noticeTitle": "Test it", "noticeDescription": "Words.", "availableFrom": "2026-12-14",
                "partners": "WELLPATH",
            ]
        case (false, false, "answers"): return ["signOff": "no"]
        case (_, _, "service-requests"):
            return [
                "type": "test_accounts", "title": "Accounts", "answers.count": "2", "answers.proofingLevel": "P9",
                "answers.purpose": "Tests",
            ]
        case (_, _, "actions"): return ["action": "withdraw", "version": "1"]
        case (_, _, "details"): return ["name": "Renamed", "tierID": "silver", "version": "1"]
        case (_, _, "contacts"):
            return ["contacts.0.name": "Pat", "contacts.0.email": "pat@wellpath.example", "version": "1"]
        case (_, _, "evidence"): return ["requirement": "incident_process", "description": "Runbook", "version": "1"]
        case (_, _, "reviews") where row.path.contains("/onboarding/"):
            return ["requirement": "incident_process", "decision": "accept", "version": "1"]
        case (_, _, "moves"): return ["status": "live", "reason": "Agreed", "version": "1"]
        case (_, _, "check-ins"): return ["heldOn": "2026-11-23", "notes": "Steady.", "version": "1"]
        case (_, _, "reviews"):
            return [
                "startsAt": "2031-02-14T10:00", "endsAt": "2031-02-14T11:00", "location": "Call", "agenda": "Figures",
                "attendees": "Sam, Platform", "version": "1",
            ]
        case (_, _, "cadence"): return ["cadence": "quarterly", "version": "1"]
        case (_, _, "minutes"): return ["minutes": "Notes", "version": "1"]
        case (_, _, "notes"): return ["comment": "Any news?", "version": "1"]
        case (_, _, ":releaseID"): return ["decision": "approve", "version": "1"]
        default: return ["version": "1"]
        }
    }
}
