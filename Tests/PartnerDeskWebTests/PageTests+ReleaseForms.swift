import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import PartnerDeskWeb
import Testing
import VaporTesting

/// Changing what is already planned from the pages: a sprint's dates and features, a release's contents, and
/// who approves for each assurance level; every form filled with what is there, and kept as typed when refused.
extension PageTests {
    @Test func aSprintsDates_andFeatures_changeFromItsPage_butACarriedFeatureStays() async throws {
        try await withPages { app, services in
            let admin = staff(services, role: .administrator, scope: .write)
            let sprint = try await services.releases.planSprint(
                SprintDraft(
                    number: 9, startsOn: "2026-12-07",
                    features: ["Faster", "Calmer"].map {
                        SprintFeatureDraft(title: $0, description: "Words.", services: ["Sign-in"], impact: "minor")
                    }), by: admin)
            let carried = sprint.sprint.features[1]
            _ = try await services.releases.planRelease(
                ReleaseDraft(
                    name: "2026.12.9", summary: "Calmer.", plannedAt: "2026-12-17T19:00:00Z",
                    features: [carried.id.description]), by: admin)
            var alex = Browser(app: app)
            _ = try await signIn(&alex, "alex@partnerdesk.example")
            let path = "releases/sprints/\(sprint.sprint.id)"
            let page = try await alex.send(.GET, path)
            #expect(page.body.string.contains(#"id="startsOn" name="startsOn" type="date" value="2026-12-07""#))

            let refused = try await alex.send(
                .POST, "\(path)/schedule",
                form: ["csrf": Browser.csrf(page), "version": "1", "number": "9", "startsOn": "2026-12-40"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains(##"<a href="#startsOn">"##))
            #expect(refused.body.string.contains(#"value="2026-12-40""#), "kept as typed")
            let moved = try await alex.send(
                .POST, "\(path)/schedule",
                form: [
                    "csrf": Browser.csrf(page), "version": "1", "number": "9", "startsOn": "2026-12-14",
                    "goal": "Calmer sign-in",
                ])
            #expect(moved.status == .seeOther)
            var view = try await services.releases.sprint(sprint.sprint.id, as: admin)
            #expect(view.sprint.startsOn == LocalDate("2026-12-14")! && view.sprint.features.count == 2)

            let kept = try await alex.send(
                .POST, "\(path)/features/\(carried.id)/removal", form: ["csrf": Browser.csrf(page), "version": "2"])
            #expect(kept.status == .unprocessableEntity)
            #expect(kept.body.string.contains("Release 2026.12.9 carries Calmer; take it out of the release first."))
            let removed = try await alex.send(
                .POST, "\(path)/features/\(sprint.sprint.features[0].id)/removal",
                form: ["csrf": Browser.csrf(page), "version": "2"])
            #expect(removed.status == .seeOther)
            view = try await services.releases.sprint(sprint.sprint.id, as: admin)
            #expect(view.sprint.features.map(\.title) == ["Calmer"])
        }
    }

    @Test func aReleasesContents_changeFromItsPage_filledWithWhatItCarries() async throws {
        try await withPages { app, services in
            let admin = staff(services, role: .administrator, scope: .write)
            guard
                case .created(let release, _) = try await services.releases.planRelease(
                    ReleaseDraft(
                        name: "2026.12.3", summary: "Fixes.", plannedAt: "2026-12-10T19:00:00Z",
                        knownIssues: "Slow on Sundays"), by: admin)
            else { throw ServiceError.notFound }
            var alex = Browser(app: app)
            _ = try await signIn(&alex, "alex@partnerdesk.example")
            let path = "releases/\(release.release.id)"
            let page = try await alex.send(.GET, path)
            let html = page.body.string
            #expect(html.contains(#"name="releasePlannedAt" type="datetime-local" value="2026-12-10T19:00""#))
            #expect(html.contains(">Slow on Sundays</textarea>"))
            let refused = try await alex.send(
                .POST, "\(path)/contents",
                form: [
                    "csrf": Browser.csrf(page), "version": "1", "releaseName": "2026.12.3", "releaseSummary": "",
                    "releasePlannedAt": "2026-12-10T19:00", "releaseProblems": "PRB-999999",
                ])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains(##"<a href="#releaseSummary">"##))
            #expect(refused.body.string.contains(##"<a href="#releaseProblems">"##))
            #expect(refused.body.string.contains(#"value="PRB-999999""#))
            let saved = try await alex.send(
                .POST, "\(path)/contents",
                form: [
                    "csrf": Browser.csrf(page), "version": "1", "releaseName": "2026.12.3",
                    "releaseSummary": "Fixes, and faster sign-in.", "releasePlannedAt": "2026-12-11T19:00",
                ])
            #expect(saved.status == .seeOther)
            let view = try await services.releases.release(release.release.id, as: admin)
            #expect(view.release.summary == "Fixes, and faster sign-in." && view.release.knownIssues == nil)
            #expect(view.release.plannedAt == ISO8601Instant.date(from: "2026-12-11T19:00:00Z"))
        }
    }

    @Test func anAdministrator_namesALevelsApprovers_onTheReleaseCalendar() async throws {
        try await withPages { app, services in
            let invitation = try await services.accounts.add(
                email: "cal@partnerdesk.example", name: "Cal Safety", role: .assuranceApprover, partnerCode: nil)
            _ = invitation
            var alex = Browser(app: app)
            _ = try await signIn(&alex, "alex@partnerdesk.example")
            let page = try await alex.send(.GET, "releases")
            #expect(page.body.string.contains("Any assurance approver"))
            let refused = try await alex.send(
                .POST, "releases/levels/clinical_safety/approvers",
                form: ["csrf": Browser.csrf(page), "approvers": "rosa@wellpath.example"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains(##"<a href="#approvers-clinical_safety">"##))
            #expect(refused.body.string.contains(#"value="rosa@wellpath.example""#))
            let saved = try await alex.send(
                .POST, "releases/levels/clinical_safety/approvers",
                form: ["csrf": Browser.csrf(page), "approvers": "cal@partnerdesk.example"])
            #expect(saved.status == .seeOther)
            let calendar = try await alex.send(.GET, "releases?done=approvers")
            #expect(calendar.body.string.contains("<td>Cal Safety</td>"))
            #expect(calendar.body.string.contains("The level&#39;s approvers are saved."))
        }
    }
}
