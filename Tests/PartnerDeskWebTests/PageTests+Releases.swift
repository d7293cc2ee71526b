import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import PartnerDeskWeb
import Testing
import VaporTesting

/// The public service updates and releases page, its feeds, and one page per release.
extension PageTests {
    @Test func theServiceUpdatesPage_showsPublishedNotesAndToldSprints_andNothingInternal() async throws {
        try await withPages { app, services in
            let manager = Principal(
                credential: .user(.init(UUID())), displayName: "Rita Release", role: .releaseManager, partnerID: nil,
                scope: .write)
            let approver = Principal(
                credential: .user(.init(UUID())), displayName: "Cal Safety", role: .assuranceApprover, partnerID: nil,
                scope: .write)
            let sprint = try await services.releases.planSprint(
                SprintDraft(
                    number: 42, startsOn: "2026-11-23", goal: "Faster sign-in",
                    features: [
                        SprintFeatureDraft(
                            title: "One screen fewer", description: "Sign-in asks for the code <once>.",
                            services: ["Sign-in"], impact: "major", partnerAction: "Update your redirect URL.",
                            affectedPartners: ["WELLPATH"])
                    ]), by: manager)
            _ = try await services.releases.sendDigest(sprint.sprint.id, expectedVersion: 1, by: manager)
            _ = try await services.releases.planSprint(
                SprintDraft(
                    number: 43, startsOn: "2026-12-07",
                    features: [
                        SprintFeatureDraft(
                            title: "Untold feature", description: "Not sent yet.", services: ["Sign-in"], impact: "none"
                        )
                    ]), by: manager)
            guard
                case .created(var release, _) = try await services.releases.planRelease(
                    ReleaseDraft(
                        name: "2026.12.1", summary: "Sign-in, faster; and fewer screens.",
                        plannedAt: "2026-12-10T19:00:00Z", sprint: 42,
                        features: [sprint.sprint.features[0].id.description]), by: manager)
            else { throw ServiceError.notFound }
            guard
                case .created(let unpublished, _) = try await services.releases.planRelease(
                    ReleaseDraft(
                        name: "2026.12.2", summary: "Hidden until its notes are out.", plannedAt: "2026-12-17T19:00:00Z"
                    ),
                    by: manager)
            else { throw ServiceError.notFound }
            release = try await services.releases.publishNotes(release.release.id, expectedVersion: 1, by: manager)
            release = try await services.releases.decide(
                release.release.id,
                ApprovalDecisionDraft(decision: "hold", level: "clinical_safety", reason: "Hazard log not updated"),
                expectedVersion: release.release.version, by: approver)
            release = try await services.releases.replan(
                release.release.id, to: "2026-12-17T19:00:00Z", reason: "More time to test with partners",
                expectedVersion: release.release.version, by: manager)

            var visitor = Browser(app: app)
            let page = try await visitor.send(.GET, "service-updates")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("Release 2026.12.1") && html.contains("Sign-in, faster; and fewer screens."))
            #expect(
                html.contains("Planned for Thu, 17 Dec 2026 at 19:00 (first planned for Thu, 10 Dec 2026 at 19:00)"))
            #expect(html.contains("This sprint: Sprint 42") && html.contains("Sign-in asks for the code &lt;once&gt;."))
            #expect(!html.contains("Untold feature"), "a sprint is shown once partners have been told")
            #expect(!html.contains(unpublished.release.name), "a release is shown once its notes are out")
            for hidden in ["Hazard log", "Cal Safety", "Rita Release", "Wellpath", "WELLPATH"] {
                #expect(!html.contains(hidden), "\(hidden)")
            }
            let detail = try await visitor.send(.GET, "service-updates/releases/2026.12.1")
            #expect(detail.status == .ok && detail.body.string.contains("More time to test with partners"))
            #expect(detail.body.string.contains("Update your redirect URL."))
            #expect(try await visitor.send(.GET, "service-updates/releases/2026.12.2").status == .notFound)

            // A published problem the release carries shows the release as its fix target, on the public page.
            let problems = staff(services, role: .problemManager, scope: .write)
            var problem = try await services.problems.record(
                ProblemDraft(title: "Loop", description: "Loops", severity: 3, origin: "internal_bug"), by: problems)
            problem = try await services.problems.publish(
                problem.problem.id, summary: "Sign-in can loop.", expectedVersion: 1, by: problems)
            _ = try await services.releases.reviseRelease(
                unpublished.release.id,
                ReleaseDraft(
                    name: "2026.12.2", summary: "Hidden until its notes are out.", plannedAt: "2026-12-17T19:00:00Z",
                    problems: [problem.problem.reference.description]), expectedVersion: 1, by: manager)
            let listed = try await visitor.send(.GET, "problems").body.string
            #expect(listed.contains("Fix planned in</dt><dd>Release 2026.12.2, Thursday, 17 December 2026"))
            _ = try await services.releases.publishNotes(unpublished.release.id, expectedVersion: 2, by: manager)
            #expect(
                try await visitor.send(.GET, "problems").body.string.contains(
                    #"<a href="/service-updates/releases/2026.12.2">Release 2026.12.2</a>"#),
                "linked once its notes are out")

            var json: TestingHTTPResponse?
            try await app.testing().test(.GET, "service-updates.json") { json = $0 }
            let body = json?.body.string ?? ""
            #expect(body.contains("\"name\":\"2026.12.1\"") && !body.contains("approvals") && !body.contains("Hazard"))
            var atom: TestingHTTPResponse?
            try await app.testing().test(.GET, "service-updates.atom") { atom = $0 }
            #expect(atom?.headers.contentType?.subType == "atom+xml")
            #expect(atom?.body.string.contains("<title>Release 2026.12.1</title>") == true)

            var calendar: TestingHTTPResponse?
            try await app.testing().test(.GET, "service-updates.ics") { calendar = $0 }
            #expect(
                calendar?.headers.contentType?.type == "text" && calendar?.headers.contentType?.subType == "calendar")
            let ics = calendar?.body.string ?? ""
            #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") && ics.hasSuffix("END:VCALENDAR\r\n"))
            #expect(ics.contains("UID:release-2026.12.1@127.0.0.1\r\n") && ics.contains("SEQUENCE:1\r\n"))
            #expect(ics.contains("DTSTART:20261217T190000Z\r\nDTEND:20261217T200000Z\r\n"))
            #expect(ics.contains("DESCRIPTION:Sign-in\\, faster\\; and fewer screens."))
            #expect(ics.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        }
    }

    @Test func aRefusedFeature_isNamedBesideItsField_andKeepsWhatWasTyped() async throws {
        try await withPages { app, services in
            let admin = staff(services, role: .administrator, scope: .write)
            let sprint = try await services.releases.planSprint(
                SprintDraft(number: 7, startsOn: "2026-12-07"), by: admin)
            var alex = Browser(app: app)
            _ = try await signIn(&alex, "alex@partnerdesk.example")
            let page = try await alex.send(.GET, "releases/sprints/\(sprint.sprint.id)")
            #expect(page.status == .ok && page.body.string.contains("What partners receive"))
            let refused = try await alex.send(
                .POST, "releases/sprints/\(sprint.sprint.id)/features",
                form: [
                    "csrf": Browser.csrf(page), "version": "1", "featureTitle": "",
                    "featureDescription": "Kept as typed", "services": "Sign-in", "impact": "huge",
                ])
            #expect(refused.status == .unprocessableEntity)
            let html = refused.body.string
            #expect(html.contains(##"<a href="#featureTitle">"##) && html.contains(##"<a href="#impact">"##))
            #expect(html.contains("Kept as typed"))
            let added = try await alex.send(
                .POST, "releases/sprints/\(sprint.sprint.id)/features",
                form: [
                    "csrf": Browser.csrf(page), "version": "1", "featureTitle": "Faster",
                    "featureDescription": "Quicker sign-in.", "services": "Sign-in", "impact": "minor",
                ])
            #expect(added.status == .seeOther)
            #expect(
                try await services.releases.sprint(sprint.sprint.id, as: admin).sprint.features.map(\.title) == [
                    "Faster"
                ])
        }
    }

    @Test func anApprover_holdsADigestFromTheSprintPage_andTheReleaseManagerSeesWhyItCannotGo() async throws {
        try await withPages { app, services in
            let admin = staff(services, role: .administrator, scope: .write)
            let invitation = try await services.accounts.add(
                email: "cal@partnerdesk.example", name: "Cal Safety", role: .assuranceApprover, partnerCode: nil)
            try await services.accounts.setPassword(
                linkSecret: invitation.linkSecret, password: "long enough passphrase here")
            let sprint = try await services.releases.planSprint(
                SprintDraft(number: 8, startsOn: "2026-12-07"), by: admin)
            var cal = Browser(app: app)
            _ = try await signIn(&cal, "cal@partnerdesk.example")
            let page = try await cal.send(.GET, "releases/sprints/\(sprint.sprint.id)")
            #expect(page.body.string.contains("No assurance level holds the digest."))
            #expect(!page.body.string.contains("Send the digest"), "approvers decide; release managers send")
            let refused = try await cal.send(
                .POST, "releases/sprints/\(sprint.sprint.id)/digest/decisions",
                form: ["csrf": Browser.csrf(page), "version": "1", "level": "clinical_safety", "decision": "hold"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains(##"<a href="#reason">"##) && refused.body.string.contains("checked"))
            let held = try await cal.send(
                .POST, "releases/sprints/\(sprint.sprint.id)/digest/decisions",
                form: [
                    "csrf": Browser.csrf(page), "version": "1", "level": "clinical_safety", "decision": "hold",
                    "reason": "Wording overpromises",
                ])
            #expect(held.status == .seeOther)

            var alex = Browser(app: app)
            _ = try await signIn(&alex, "alex@partnerdesk.example")
            let seen = try await alex.send(.GET, "releases/sprints/\(sprint.sprint.id)")
            #expect(seen.body.string.contains("Clinical safety is holding the digest as unsafe"))
            #expect(seen.body.string.contains("held for Clinical safety: Wording overpromises"))
            let send = try await alex.send(
                .POST, "releases/sprints/\(sprint.sprint.id)/digest",
                form: ["csrf": Browser.csrf(seen), "version": "2"])
            #expect(send.status == .unprocessableEntity && send.body.string.contains("Wording overpromises"))
            #expect(try await services.releases.sprint(sprint.sprint.id, as: admin).sprint.digestSentAt == nil)
        }
    }
}
