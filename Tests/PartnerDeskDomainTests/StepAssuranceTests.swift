import Foundation
import PartnerDeskDomain
import Testing

/// Any assurance level can halt the steps before a release: a held digest or notice cannot be sent until that
/// level approves again, a notice already sent can no longer be held, and records stored before holds existed
/// read back with none.
@Suite struct StepAssuranceTests {
    typealias Fixture = ReleaseTests
    static let safety = ApprovalRequirement.level("clinical_safety")
    static let governance = ApprovalRequirement.level("information_governance")

    static func name(_ requirement: ApprovalRequirement) -> String {
        requirement == safety ? "Clinical safety" : "Information governance"
    }

    @Test func eachLevelsLatestDecision_counts_andAnApprovalLiftsOnlyItsOwnHold() throws {
        var step = StepAssurance()
        try step.decide(Fixture.decision(.held, Self.safety, at: "2026-12-02T10:00:00Z"))
        try step.decide(Fixture.decision(.held, Self.governance, at: "2026-12-02T11:00:00Z"))
        try step.decide(Fixture.decision(.approved, Self.safety, at: "2026-12-02T12:00:00Z"))
        #expect(step.holds.map(\.requirement) == [Self.governance])
        #expect(
            step.blockers(step: "the digest", name: Self.name).map(\.message) == [
                "Information governance is holding the digest as unsafe (Cal Safety (Assurance approver), "
                    + "Wed, 2 Dec 2026 at 11:00): Hazard log not updated."
            ])
        #expect(step.decisions.count == 3, "every decision stays in the history")
        #expect(throws: ValidationFailure.self, "partners never decide on these steps") {
            try step.decide(Fixture.decision(.held, .partner(Fixture.wellpath), at: "2026-12-02T13:00:00Z"))
        }
    }

    @Test func aHeldDigest_cannotBeSent_untilTheLevelApprovesAgain() throws {
        var sprint = Fixture.sprint()
        try sprint.digestAssurance.decide(Fixture.decision(.held, Self.safety, at: "2026-12-02T10:00:00Z"))
        #expect {
            try sprint.recordDigestSent(at: Fixture.at("2026-12-03T10:00:00Z"), by: "Rhea", name: Self.name)
        } throws: { error in
            (error as? ValidationFailure)?.issues.map(\.code) == ["held"]
        }
        #expect(sprint.digestSentAt == nil)
        try sprint.digestAssurance.decide(Fixture.decision(.approved, Self.safety, at: "2026-12-03T09:00:00Z"))
        try sprint.recordDigestSent(at: Fixture.at("2026-12-03T10:00:00Z"), by: "Rhea", name: Self.name)
        #expect(sprint.digestSentAt == Fixture.at("2026-12-03T10:00:00Z") && sprint.digestSentBy == "Rhea")
        #expect(sprint.withoutPartners().digestAssurance.decisions.isEmpty, "decisions stay with the platform")
    }

    @Test func aHeldNotice_cannotBeSent_andASentOneCannotBeHeld() throws {
        var notice = IntegrationNotice(
            id: .init(UUID()), number: 7, title: "New claims", description: "Test the new claims.", featureID: nil,
            availableFrom: LocalDate("2026-12-14")!, partners: [Fixture.wellpath],
            createdAt: Fixture.at("2026-12-07T09:00:00Z"))
        try notice.decide(Fixture.decision(.held, Self.safety, at: "2026-12-07T10:00:00Z"))
        #expect(throws: ValidationFailure.self) {
            try notice.recordSent(at: Fixture.at("2026-12-07T11:00:00Z"), by: "Rhea", name: Self.name)
        }
        try notice.decide(Fixture.decision(.approved, Self.safety, at: "2026-12-07T12:00:00Z"))
        try notice.recordSent(at: Fixture.at("2026-12-07T13:00:00Z"), by: "Rhea", name: Self.name)
        #expect {
            try notice.decide(Fixture.decision(.held, Self.safety, at: "2026-12-07T14:00:00Z"))
        } throws: { error in
            (error as? ValidationFailure)?.issues.map(\.code) == ["already_sent"]
        }
        #expect(throws: ValidationFailure.self, "a notice goes once") {
            try notice.recordSent(at: Fixture.at("2026-12-07T15:00:00Z"), by: "Rhea", name: Self.name)
        }
        #expect(notice.seen(by: Fixture.wellpath).assurance.decisions.isEmpty, "partners never see decisions")
    }

    @Test func recordsStoredBeforeHoldsExisted_readBackWithNone() throws {
        let sprint = Fixture.sprint()
        var json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(sprint)) as! [String: Any]
        #expect(json.removeValue(forKey: "digestAssurance") != nil)
        let read = try JSONDecoder().decode(Sprint.self, from: JSONSerialization.data(withJSONObject: json))
        #expect(read == sprint)

        let notice = IntegrationNotice(
            id: .init(UUID()), number: 7, title: "New claims", description: "Test.", featureID: nil,
            availableFrom: LocalDate("2026-12-14")!, partners: [Fixture.wellpath],
            createdAt: Fixture.at("2026-12-07T09:00:00Z"))
        var noticeJSON = try JSONSerialization.jsonObject(with: JSONEncoder().encode(notice)) as! [String: Any]
        #expect(noticeJSON.removeValue(forKey: "assurance") != nil)
        #expect(
            try JSONDecoder().decode(IntegrationNotice.self, from: JSONSerialization.data(withJSONObject: noticeJSON))
                == notice)
    }
}
