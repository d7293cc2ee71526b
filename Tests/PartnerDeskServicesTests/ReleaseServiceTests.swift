import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing

/// Change and release through the use cases: the digest before a sprint, an integration notice acknowledged
/// by its partner alone, and a release held by clinical safety, re-planned, approved and released with its
/// problem's fix.
@Suite struct ReleaseServiceTests {
    /// Tuesday 1 December 2026, 09:00 in London.
    let clock = FixedClock(ISO8601Instant.date(from: "2026-12-01T09:00:00Z")!)

    struct Fixture {
        var services: AppServices
        var transports: RecordingTransports
        var people: [Role: Principal]
        var partners: [String: Principal]
        var partnerIDs: [String: Partner.ID]
    }

    func setUp() async throws -> Fixture {
        let transports = RecordingTransports()
        let services = AppServices.inMemory(clock: clock, transports: transports)
        var partners: [String: Principal] = [:]
        var ids: [String: Partner.ID] = [:]
        for (code, status) in [("WELLPATH", "live"), ("CAREBRIDGE", "live"), ("OLDAPP", "offboarded")] {
            let partner = try await services.partners.register(
                PartnerDraft(
                    code: code, name: code.capitalized, status: status,
                    contacts: [.init(role: "primary", name: "P", email: "primary@\(code.lowercased()).example")]))
            ids[code] = partner.id
            let admin = try await services.accounts.add(
                email: "admin@\(code.lowercased()).example", name: "\(code.capitalized) Admin",
                role: .partnerAdministrator, partnerCode: PartnerCode(code))
            partners[code] = Principal(
                credential: .user(admin.user.id), displayName: admin.user.displayName, role: .partnerAdministrator,
                partnerID: partner.id, scope: .write)
        }
        var people: [Role: Principal] = [:]
        for role in [Role.releaseManager, .assuranceApprover, .problemManager, .administrator, .firstLineAgent] {
            let added = try await services.accounts.add(
                email: "\(role.rawValue)@partnerdesk.example", name: role.label, role: role, partnerCode: nil)
            people[role] = Principal(
                credential: .user(added.user.id), displayName: role.label, role: role, partnerID: nil, scope: .write)
        }
        return Fixture(services: services, transports: transports, people: people, partners: partners, partnerIDs: ids)
    }

    func mails(_ fixture: Fixture, since count: Int = 0) async throws -> [MailMessage] {
        _ = try await fixture.services.jobs.tick(now: clock.now())
        return Array(fixture.transports.mails.dropFirst(count))
    }

    @Test func aSprintsDigest_goesToEveryPartnerStillServed_andSaysWhenItIsLate() async throws {
        let fixture = try await setUp()
        let manager = fixture.people[.releaseManager]!
        let sprint = try await fixture.services.releases.planSprint(
            SprintDraft(
                number: 42, startsOn: "2026-12-07",
                features: [
                    SprintFeatureDraft(
                        title: "Faster sign-in", description: "Sign-in takes one screen fewer.", services: ["Sign-in"],
                        impact: "minor")
                ]), by: manager)
        #expect(sprint.digest == .due(by: ISO8601Instant.date(from: "2026-12-07T08:00:00Z")!))
        await #expect(throws: ServiceError.forbidden) {
            _ = try await fixture.services.releases.planSprint(
                SprintDraft(number: 43), by: fixture.partners["WELLPATH"]!)
        }
        await #expect(throws: RepositoryError.conflict("Sprint 42 already exists.")) {
            _ = try await fixture.services.releases.planSprint(
                SprintDraft(number: 42, startsOn: "2026-12-21"), by: manager)
        }
        let preview = try await fixture.services.releases.digestPreview(sprint.sprint.id, as: manager)
        #expect(preview.subject == "Sprint 42: features under consideration")
        let sent = try await fixture.services.releases.sendDigest(sprint.sprint.id, expectedVersion: 1, by: manager)
        #expect(sent.digest == .sentInTime(clock.now()) && sent.sprint.digestSentBy == "Release manager")
        let digests = try await mails(fixture)
        #expect(
            Set(digests.flatMap(\.to).map(\.value)) == [
                "primary@wellpath.example", "admin@wellpath.example", "primary@carebridge.example",
                "admin@carebridge.example",
            ])
        #expect(digests.allSatisfy { $0.content == preview.content && $0.mentions("Faster sign-in") })

        // Sprint 43 starts on Monday 14 December; its digest goes on the Tuesday and says the sprint is running.
        let late = try await fixture.services.releases.planSprint(
            SprintDraft(number: 43, startsOn: "2026-12-14"), by: manager)
        clock.set(ISO8601Instant.date(from: "2026-12-15T10:00:00Z")!)
        #expect(try await fixture.services.releases.sprint(late.sprint.id, as: manager).digest.isFlagged)
        let count = fixture.transports.mails.count
        let flagged = try await fixture.services.releases.sendDigest(late.sprint.id, expectedVersion: 1, by: manager)
        #expect(flagged.digest.isFlagged)
        let lateMails = try await mails(fixture, since: count)
        #expect(
            !lateMails.isEmpty && lateMails.allSatisfy { $0.mentions("Sprint 43 already started on Mon, 14 Dec 2026") })
        await #expect(throws: ServiceError.versionMismatch(currentVersion: 2)) {
            _ = try await fixture.services.releases.sendDigest(late.sprint.id, expectedVersion: 1, by: manager)
        }
    }

    @Test func anIntegrationNotice_isSeenAndAnsweredOnlyByItsPartner_andRemindsThemUntilItIs() async throws {
        let fixture = try await setUp()
        let manager = fixture.people[.releaseManager]!
        guard
            case .created(let draft, _) = try await fixture.services.releases.createNotice(
                IntegrationNoticeDraft(
                    title: "New identity claims", description: "Ask for the new claim and check you receive it.",
                    availableFrom: "2026-12-07", partners: ["WELLPATH"]), by: manager)
        else { throw ServiceError.notFound }
        let wellpath = fixture.partners["WELLPATH"]!
        await #expect(throws: ServiceError.notFound, "a notice not sent yet is the platform's") {
            _ = try await fixture.services.releases.notice(draft.id, as: wellpath)
        }
        let notice = try await fixture.services.releases.sendNotice(draft.id, expectedVersion: 1, by: manager)
        let sent = try await mails(fixture)
        #expect(Set(sent.flatMap(\.to).map(\.value)) == ["primary@wellpath.example", "admin@wellpath.example"])
        #expect(sent.allSatisfy { $0.subject == "INT-000001: New identity claims is ready to test in integration" })
        await #expect(throws: ServiceError.notFound) {
            _ = try await fixture.services.releases.notice(notice.id, as: fixture.partners["CAREBRIDGE"]!)
        }
        await #expect(throws: ServiceError.notFound) {
            _ = try await fixture.services.releases.respond(
                to: notice.id, signOff: false, note: nil, by: fixture.partners["CAREBRIDGE"]!)
        }
        #expect(try await fixture.services.releases.notices(as: fixture.partners["CAREBRIDGE"]!).isEmpty)

        // No answer by the close of Thursday (two working days after Tuesday): the partner is reminded.
        clock.set(ISO8601Instant.date(from: "2026-12-03T18:00:00Z")!)
        let count = fixture.transports.mails.count
        #expect(try await fixture.services.jobs.tick(now: clock.now()).noticeReminders == 1)
        let reminders = Array(fixture.transports.mails.dropFirst(count))
        #expect(reminders.count == 2 && reminders.allSatisfy { $0.subject.hasPrefix("Reminder: INT-000001") })
        #expect(try await fixture.services.jobs.tick(now: clock.now()).noticeReminders == 0)

        let answered = try await fixture.services.releases.respond(
            to: notice.id, signOff: true, note: "All our tests pass", by: wellpath)
        #expect(answered.partners == [fixture.partnerIDs["WELLPATH"]!])
        #expect(answered.responses[fixture.partnerIDs["WELLPATH"]!]?.signOff?.note == "All our tests pass")
        await #expect(throws: ValidationFailure.self) {
            _ = try await fixture.services.releases.respond(
                to: notice.id, signOff: true, note: "Patient 450 557 7104 passed", by: wellpath)
        }
        clock.set(ISO8601Instant.date(from: "2026-12-10T18:00:00Z")!)
        #expect(try await fixture.services.jobs.tick(now: clock.now()).noticeReminders == 0)
    }

    @Test func aRelease_heldByClinicalSafety_movesItsDate_thenGoesWithItsProblemsFix() async throws {
        let fixture = try await setUp()
        let services = fixture.services
        let (manager, approver) = (fixture.people[.releaseManager]!, fixture.people[.assuranceApprover]!)
        let sprint = try await services.releases.planSprint(
            SprintDraft(
                number: 42, startsOn: "2026-12-07",
                features: [
                    SprintFeatureDraft(
                        title: "New claims", description: "A new claim for apps.", services: ["Identity"],
                        impact: "major", affectedPartners: ["WELLPATH"])
                ]), by: manager)
        let feature = sprint.sprint.features[0]
        var problem = try await services.problems.record(
            ProblemDraft(title: "Loop on sign-in", description: "Loops", severity: 3, origin: "internal_bug"),
            by: fixture.people[.problemManager]!)
        for status in ["investigating", "fix_in_progress"] {
            problem = try await services.problems.move(
                problem.problem.id, to: status, expectedVersion: problem.problem.version,
                by: fixture.people[.problemManager]!)
        }
        guard
            case .created(var release, _) = try await services.releases.planRelease(
                ReleaseDraft(
                    name: "2026.12.1", summary: "New claims for apps.", plannedAt: "2026-12-10T19:00:00Z", sprint: 42,
                    features: [feature.id.description], problems: ["PRB-000001"]), by: manager)
        else { throw ServiceError.notFound }
        #expect(
            release.approvals.map(\.name) == [
                "Technical design", "Clinical safety", "Information governance", "Service management", "Wellpath",
            ])
        #expect(release.blockers.map(\.code).first == "notes_not_published")
        let carried = try await services.problems.view(problem.problem.id, as: fixture.people[.problemManager]!)
        #expect(carried.target.agreedRelease == "2026.12.1")
        #expect(carried.target.dueAt == ISO8601Instant.date(from: "2026-12-10T19:00:00Z"))

        release = try await services.releases.publishNotes(release.release.id, expectedVersion: 1, by: manager)
        let notes = try await mails(fixture)
        #expect(notes.count == 4 && notes.allSatisfy { $0.subject == "Release 2026.12.1: notes for Thu, 10 Dec 2026" })

        var count = fixture.transports.mails.count
        release = try await services.releases.decide(
            release.release.id,
            ApprovalDecisionDraft(decision: "hold", level: "clinical_safety", reason: "Hazard log not updated"),
            expectedVersion: release.release.version, by: approver)
        #expect(release.release.isHeld)
        let held = try await mails(fixture, since: count)
        #expect(held.map(\.to) == [[EmailAddress("release_manager@partnerdesk.example")!]])

        count = fixture.transports.mails.count
        release = try await services.releases.replan(
            release.release.id, to: "2026-12-17T19:00:00Z", reason: nil, expectedVersion: release.release.version,
            by: manager)
        let moved = try await mails(fixture, since: count)
        #expect(moved.count == 4 && moved.allSatisfy { $0.subject == "Release 2026.12.1 moved to Thu, 17 Dec 2026" })
        #expect(moved.allSatisfy { !$0.mentions("Hazard log") }, "an internal reason stays internal")
        let slipped = try await services.problems.view(problem.problem.id, as: fixture.people[.problemManager]!)
        #expect(slipped.target.dueAt == ISO8601Instant.date(from: "2026-12-17T19:00:00Z"), "the target moves with it")

        for code in ["technical_design", "clinical_safety", "information_governance", "service_management"] {
            release = try await services.releases.decide(
                release.release.id, ApprovalDecisionDraft(decision: "approve", level: code),
                expectedVersion: release.release.version, by: approver)
        }
        await #expect(throws: ServiceError.forbidden, "a partner never decides for a level") {
            _ = try await services.releases.decide(
                release.release.id, ApprovalDecisionDraft(decision: "approve", level: "clinical_safety"),
                expectedVersion: release.release.version, by: fixture.partners["WELLPATH"]!)
        }
        await #expect(throws: ServiceError.notFound, "only the partners it affects approve a change") {
            _ = try await services.releases.decideAsPartner(
                release.release.id, ApprovalDecisionDraft(decision: "approve"),
                expectedVersion: release.release.version,
                by: fixture.partners["CAREBRIDGE"]!)
        }
        do {
            _ = try await services.releases.markReleased(
                release.release.id, expectedVersion: release.release.version, by: manager)
            Issue.record("Wellpath has not approved")
        } catch let failure as ValidationFailure {
            #expect(
                failure.issues.map(\.message) == [
                    "The notes were published Tue, 1 Dec 2026 at 9:00; with a lead time of 1 working day the release "
                        + "can go from Wed, 2 Dec 2026 at 18:00.",
                    "Wellpath has not approved the release.",
                ])
        }
        clock.set(ISO8601Instant.date(from: "2026-12-02T18:00:00Z")!)
        let approved = try await services.releases.decideAsPartner(
            release.release.id, ApprovalDecisionDraft(decision: "approve"), expectedVersion: release.release.version,
            by: fixture.partners["WELLPATH"]!)
        #expect(approved.state != .pending && approved.features.map(\.title) == ["New claims"])
        release = try await services.releases.release(release.release.id, as: manager)
        #expect(release.blockers.isEmpty)
        release = try await services.releases.markReleased(
            release.release.id, expectedVersion: release.release.version, by: manager)
        #expect(release.release.status == .released && release.release.releasedBy == "Release manager")
        let fixed = try await services.problems.view(problem.problem.id, as: fixture.people[.problemManager]!)
        #expect(fixed.problem.status == .fixReleased && fixed.problem.fixRelease == "2026.12.1")
        #expect(release.release.decisions.count == 6, "the hold and every approval stay in the history")
    }

    @Test func onlyANamedApprover_decidesForALevelThatNamesApprovers() async throws {
        let fixture = try await setUp()
        let services = fixture.services
        let admin = fixture.people[.administrator]!
        await #expect(throws: ValidationFailure.self) {
            _ = try await services.releases.setApprovers(
                of: "clinical_safety", to: ["release_manager@partnerdesk.example"], by: admin)
        }
        let levels = try await services.releases.setApprovers(
            of: "clinical_safety", to: ["assurance_approver@partnerdesk.example"], by: admin)
        #expect(
            levels.first { $0.level.code == "clinical_safety" }?.approvers.map(\.displayName) == ["Assurance approver"])
        await #expect(throws: ServiceError.forbidden) {
            _ = try await services.releases.setApprovers(
                of: "clinical_safety", to: [], by: fixture.people[.releaseManager]!)
        }
        let other = try await services.accounts.add(
            email: "other@partnerdesk.example", name: "Other", role: .assuranceApprover, partnerCode: nil)
        let otherApprover = Principal(
            credential: .user(other.user.id), displayName: "Other", role: .assuranceApprover, partnerID: nil,
            scope: .write)
        guard
            case .created(let release, _) = try await services.releases.planRelease(
                ReleaseDraft(name: "2026.12.2", summary: "Fixes.", plannedAt: "2026-12-10T19:00:00Z"),
                by: fixture.people[.releaseManager]!)
        else { throw ServiceError.notFound }
        #expect(release.approvals.map(\.name) == ["Technical design", "Service management"])
        _ = try await services.releases.decide(
            release.release.id, ApprovalDecisionDraft(decision: "approve", level: "technical_design"),
            expectedVersion: 1,
            by: otherApprover)
        await #expect(throws: ServiceError.forbidden) {
            _ = try await services.releases.decide(
                release.release.id, ApprovalDecisionDraft(decision: "approve", level: "clinical_safety"),
                expectedVersion: 2, by: otherApprover)
        }
    }
}
