import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import SnapshotTesting
import Testing
import VaporTesting

@testable import PartnerDeskWeb

/// Whole pages compared with committed references, so a change to what people see is a visible change in
/// review. Values made fresh for each request (CSRF tokens) are replaced by a placeholder first.
@Suite struct PageSnapshotTests {
    static func normalised(_ html: String) -> String {
        html.replacing(/name="csrf" value="[^"]*"/, with: #"name="csrf" value="(csrf)""#)
    }

    @Test func theSignInPage() async throws {
        try await PageTests().withPages { app, _ in
            var browser = PageTests.Browser(app: app)
            let page = try await browser.send(.GET, "sign-in")
            #expect(page.status == .ok)
            assertSnapshot(of: Self.normalised(page.body.string), as: .lines)
        }
    }

    @Test func thePartnersIncidentQueue_withOneIncident() async throws {
        try await PageTests().withPages { app, _ in
            var browser = PageTests.Browser(app: app)
            _ = try await PageTests().signIn(&browser, "rosa@wellpath.example")
            _ = try await PageTests().raise(&browser, description: "The sign-in page loops back to the start")
            let page = try await browser.send(.GET, "/")
            #expect(page.status == .ok)
            assertSnapshot(of: Self.normalised(page.body.string), as: .lines)
        }
    }

    @Test func theRaiseForm() async throws {
        try await PageTests().withPages { app, _ in
            var browser = PageTests.Browser(app: app)
            _ = try await PageTests().signIn(&browser, "rosa@wellpath.example")
            let page = try await browser.send(.GET, "incidents/new")
            #expect(page.status == .ok)
            assertSnapshot(of: Self.normalised(page.body.string), as: .lines)
        }
    }
}
