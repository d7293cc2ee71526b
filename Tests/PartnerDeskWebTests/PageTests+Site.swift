import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing
import VaporTesting

@testable import PartnerDeskWeb

/// What holds across every page: links and forms, and error pages.
extension PageTests {
    @Test func everyLinkAndFormOnEveryPage_pointsAtARegisteredRoute() async throws {
        try await withPages { app, services in
            let rosaToken = try await partnerSystem(services)
            let draft = Self.plainDraft
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

    @Test func pageErrors_areHTMLPagesForBrowsers_andProblemDetailsForTheAPI() async throws {
        try await withPages { app, services in
            let carl = try await services.tokens.authenticate(
                services.tokens.create(name: "c", partnerCode: PartnerCode("CAREBRIDGE"), role: nil).secret
            )!
            let draft = Self.plainDraft
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
}

extension PageTests {
    /// The page addresses and the page routes are the same set: no route is registered by a hand-written path,
    /// and no address is left without its route.
    @Test func everyPageRoute_isASiteURL_andEverySiteURLIsRegistered() async throws {
        try await withPages { app, _ in
            func key(_ components: [PathComponent]) -> String {
                "/"
                    + components.map { component -> String in
                        if case .parameter(let name) = component { return ":\(name)" }
                        return component.description
                    }.joined(separator: "/")
            }
            let operational: Set<String> = ["/healthz", "/readyz", "/metrics", "/styles/partnerdesk.css"]
            let registered = Set(
                app.routes.all.map { key($0.path) }.filter { !$0.hasPrefix("/api/") && !operational.contains($0) })
            let addresses = Set(SiteURL.all.map { key($0.pathComponents) })
            #expect(
                registered.subtracting(addresses).isEmpty,
                "Routes without a SiteURL: \(registered.subtracting(addresses))")
            #expect(
                addresses.subtracting(registered).isEmpty,
                "SiteURLs without a route: \(addresses.subtracting(registered))")
            #expect(SiteURL.incident(.value("abc")).path == "/incidents/abc")
            #expect(
                SiteURL.rota.path(query: [("partner", "A&B"), ("done", "added")])
                    == "/organisation/hssi-rota?partner=A%26B&done=added")
        }
    }
}
