import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing

/// Assurance halts the steps before a release through the use cases: a held digest or notice is not sent (and
/// the refusal says who holds it and why), the release managers hear of the hold, and approving again lets the
/// step go.
@Suite struct ReleaseAssuranceTests {
    let base = ReleaseServiceTests()

    @Test func aHeldDigest_isNotSent_untilClinicalSafetyApprovesAgain() async throws {
        let fixture = try await base.setUp()
        let services = fixture.services
        let (manager, approver) = (fixture.people[.releaseManager]!, fixture.people[.assuranceApprover]!)
        var sprint = try await services.releases.planSprint(
            SprintDraft(number: 42, startsOn: "2026-12-07"), by: manager)
        await #expect(throws: ServiceError.forbidden, "release managers plan; approvers decide") {
            _ = try await services.releases.decideOnDigest(
                sprint.sprint.id, ApprovalDecisionDraft(decision: "hold", level: "clinical_safety", reason: "No"),
                expectedVersion: 1, by: manager)
        }
        await #expect(throws: ValidationFailure.self, "a hold needs a reason") {
            _ = try await services.releases.decideOnDigest(
                sprint.sprint.id, ApprovalDecisionDraft(decision: "hold", level: "clinical_safety"),
                expectedVersion: 1, by: approver)
        }
        sprint = try await services.releases.decideOnDigest(
            sprint.sprint.id,
            ApprovalDecisionDraft(
                decision: "hold", level: "clinical_safety", reason: "Feature wording promises too much"),
            expectedVersion: 1, by: approver)
        let held = try await base.mails(fixture)
        #expect(held.map(\.to) == [[EmailAddress("release_manager@partnerdesk.example")!]])
        #expect(held.first?.subject == "Sprint 42 digest held by Clinical safety")

        do {
            _ = try await services.releases.sendDigest(sprint.sprint.id, expectedVersion: 2, by: manager)
            Issue.record("a held digest went")
        } catch let failure as ValidationFailure {
            #expect(
                failure.issues.map(\.message) == [
                    "Clinical safety is holding the digest as unsafe (Assurance approver (Assurance approver), "
                        + "Tue, 1 Dec 2026 at 9:00): Feature wording promises too much."
                ])
        }
        #expect(fixture.transports.mails.count == 1, "nothing went to partners")

        sprint = try await services.releases.decideOnDigest(
            sprint.sprint.id, ApprovalDecisionDraft(decision: "approve", level: "clinical_safety"), expectedVersion: 2,
            by: approver)
        sprint = try await services.releases.sendDigest(sprint.sprint.id, expectedVersion: 3, by: manager)
        #expect(sprint.sprint.digestSentAt != nil && sprint.sprint.digestAssurance.decisions.count == 2)
        #expect(try await base.mails(fixture, since: 1).count == 4)
    }

    @Test func aHeldNotice_isNotSent_andOnceSentCanNoLongerBeHeld() async throws {
        let fixture = try await base.setUp()
        let services = fixture.services
        let (manager, approver) = (fixture.people[.releaseManager]!, fixture.people[.assuranceApprover]!)
        guard
            case .created(var notice, _) = try await services.releases.createNotice(
                IntegrationNoticeDraft(
                    title: "New identity claims", description: "Ask for the new claim and check you receive it.",
                    availableFrom: "2026-12-07", partners: ["WELLPATH"]), by: manager)
        else { throw ServiceError.notFound }
        notice = try await services.releases.decideOnNotice(
            notice.id,
            ApprovalDecisionDraft(decision: "hold", level: "information_governance", reason: "DPIA not signed"),
            expectedVersion: 1, by: approver)
        #expect(try await base.mails(fixture).map(\.subject) == ["INT-000001 held by Information governance"])
        await #expect(throws: ValidationFailure.self) {
            _ = try await services.releases.sendNotice(notice.id, expectedVersion: 2, by: manager)
        }
        notice = try await services.releases.decideOnNotice(
            notice.id, ApprovalDecisionDraft(decision: "approve", level: "information_governance"),
            expectedVersion: 2, by: approver)
        notice = try await services.releases.sendNotice(notice.id, expectedVersion: 3, by: manager)
        await #expect(throws: ValidationFailure.self) {
            _ = try await services.releases.decideOnNotice(
                notice.id, ApprovalDecisionDraft(decision: "hold", level: "clinical_safety", reason: "Late"),
                expectedVersion: 4, by: approver)
        }
        let seen = try await services.releases.notice(notice.id, as: fixture.partners["WELLPATH"]!)
        #expect(seen.assurance.decisions.isEmpty, "the platform's decisions stay with it")
    }
}
