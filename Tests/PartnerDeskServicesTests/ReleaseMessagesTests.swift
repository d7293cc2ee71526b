import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing

/// Who hears of change and how: partners' systems through signed webhooks for the events they subscribe to,
/// partner administrators by e-mail unless they turned a kind off, and never an internal reason or another
/// partner on either channel.
@Suite struct ReleaseMessagesTests {
    let base = ReleaseServiceTests()

    @Test func partnersSystems_receiveTheChangeEventsTheySubscribeTo_inPartnersWordsOnly() async throws {
        let fixture = try await base.setUp()
        let services = fixture.services
        let (manager, approver) = (fixture.people[.releaseManager]!, fixture.people[.assuranceApprover]!)
        let wellpath = fixture.partners["WELLPATH"]!
        _ = try await services.notifications.addWebhook(
            url: "https://hooks.wellpath.example/partnerdesk",
            events: ["release.notes_published", "release.date_moved", "release.sprint_digest"], partnerCode: nil,
            as: wellpath)
        await #expect(throws: ValidationFailure.self, "a hold is for release managers, not partners' systems") {
            _ = try await services.notifications.addWebhook(
                url: "https://hooks.wellpath.example/held", events: ["release.held"], partnerCode: nil, as: wellpath)
        }
        let sprint = try await services.releases.planSprint(
            SprintDraft(
                number: 42, startsOn: "2026-12-07",
                features: [
                    SprintFeatureDraft(
                        title: "New claims", description: "A new claim for apps.", services: ["Identity"],
                        impact: "major", affectedPartners: ["WELLPATH", "CAREBRIDGE"])
                ]), by: manager)
        _ = try await services.releases.sendDigest(sprint.sprint.id, expectedVersion: 1, by: manager)
        guard
            case .created(var release, _) = try await services.releases.planRelease(
                ReleaseDraft(
                    name: "2026.12.1", summary: "New claims for apps.", plannedAt: "2026-12-10T19:00:00Z", sprint: 42,
                    features: [sprint.sprint.features[0].id.description]), by: manager)
        else { throw ServiceError.notFound }
        release = try await services.releases.publishNotes(release.release.id, expectedVersion: 1, by: manager)
        release = try await services.releases.decide(
            release.release.id,
            ApprovalDecisionDraft(decision: "hold", level: "clinical_safety", reason: "Hazard log not updated"),
            expectedVersion: release.release.version, by: approver)
        _ = try await services.releases.replan(
            release.release.id, to: "2026-12-17T19:00:00Z", reason: nil, expectedVersion: release.release.version,
            by: manager)
        _ = try await services.jobs.tick(now: base.clock.now())

        let calls = fixture.transports.webhooks
        #expect(calls.map(\.event) == ["release.sprint_digest", "release.notes_published", "release.date_moved"])
        #expect(calls.allSatisfy { $0.url.host == "hooks.wellpath.example" })
        let bodies = try calls.map { try JSONSerialization.jsonObject(with: $0.body) as? [String: Any] ?? [:] }
        let digest = try #require(bodies[0]["data"] as? [String: Any])["sprint"] as? [String: Any]
        #expect(digest?["name"] as? String == "Sprint 42" && digest?["startsOn"] as? String == "2026-12-07")
        let feature = try #require((digest?["features"] as? [[String: Any]])?.first)
        #expect(feature["impact"] as? String == "major" && feature["affectedPartners"] == nil)
        let moved = try #require(bodies[2]["data"] as? [String: Any])["release"] as? [String: Any]
        #expect(moved?["previousPlannedAt"] as? String == "2026-12-10T19:00:00Z")
        #expect(moved?["plannedAt"] as? String == "2026-12-17T19:00:00Z" && moved?["reason"] == nil)
        for call in calls {
            let text = String(decoding: call.body, as: UTF8.self)
            #expect(!text.contains("Hazard") && !text.contains("Assurance approver") && !text.contains("CAREBRIDGE"))
        }
    }

    @Test func aPartnerAdministrator_whoTurnedDigestsOff_getsNone_whileTheRegisteredContactsStillDo() async throws {
        let fixture = try await base.setUp()
        let services = fixture.services
        let manager = fixture.people[.releaseManager]!
        let wellpath = fixture.partners["WELLPATH"]!
        let offered = try await services.notifications.preferences(of: wellpath).map(\.event)
        #expect(offered.contains(.change(.sprintDigest)) && !offered.contains(.change(.held)))
        try await services.notifications.setPreferences(
            enabled: Set(offered).subtracting([.change(.sprintDigest)]), for: wellpath)
        let approverOffered = try await services.notifications.preferences(of: fixture.people[.releaseManager]!)
        #expect(approverOffered.map(\.event) == [.change(.held)])

        let sprint = try await services.releases.planSprint(
            SprintDraft(number: 42, startsOn: "2026-12-07"), by: manager)
        _ = try await services.releases.sendDigest(sprint.sprint.id, expectedVersion: 1, by: manager)
        let mails = try await base.mails(fixture)
        #expect(
            Set(mails.flatMap(\.to).map(\.value)) == [
                "primary@wellpath.example", "primary@carebridge.example", "admin@carebridge.example",
            ])
    }
}
