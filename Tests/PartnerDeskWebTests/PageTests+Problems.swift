import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import PartnerDeskWeb
import Testing
import VaporTesting

/// The public problems-and-fixes page and the staff problem pages.
extension PageTests {
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
            let rosaToken = try await partnerSystem(services)
            let desk = staff(services, role: .firstLineAgent, scope: .write)
            var references: [String] = []
            for _ in 0..<2 {
                let draft = Self.plainDraft
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
}
