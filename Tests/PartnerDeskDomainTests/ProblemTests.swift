import Foundation
import PartnerDeskDomain
import Testing

@Suite struct ProblemTests {
    static let calendar = try! BusinessCalendar(spec: .ukOfficeHours, tableYears: 2025...2028)
    /// Monday 23 November 2026, 10:00 London.
    static let recorded = ISO8601Instant.date(from: "2026-11-23T10:00:00Z")!

    static func problem(severity: Int = 2) -> Problem {
        Problem(
            id: .init(UUID()), reference: ProblemReference(number: 45)!, title: "Sign-in loop on iOS 17",
            description: "Users return to the start page after the security code", severity: Severity(severity)!,
            origin: .incidents, errorCodes: ["P0042"], recordedAt: recorded, recordedBy: "Pat")
    }

    @Test func references_readAndParseLikeIncidentReferences() {
        #expect(ProblemReference(number: 45)?.description == "PRB-000045")
        #expect(ProblemReference("prb-000045")?.number == 45)
        #expect(ProblemReference(number: 1_234_567)?.description == "PRB-1234567")
        for text in ["PRB-45", "INC-000045", "PRB-000000", "PRB-00004x", ""] { #expect(ProblemReference(text) == nil) }
        #expect(IncidentReference("INC-000123")?.description == "INC-000123")
    }

    @Test(arguments: [(1, 30, "2027-01-07"), (2, 60, "2027-02-18"), (5, 360, "2028-04-27")])
    func fixTargets_countSilverWorkingDays_fromTheDayRecorded(_ severity: Int, _ days: Int, _ due: String) {
        let target = Self.problem(severity: severity).fixTarget(
            tier: .silver, calendar: Self.calendar, at: Self.recorded)
        #expect(target.workingDays == days)
        #expect(target.dueDate.description == due)
        #expect(!target.isBreached)
    }

    @Test func aFixReleasedAfterTheDueDate_breachesTheTarget_andOneBeforeMeetsIt() throws {
        var problem = Self.problem(severity: 1)
        let due = problem.fixTarget(tier: .silver, calendar: Self.calendar, at: Self.recorded).dueAt
        #expect(problem.fixTarget(tier: .silver, calendar: Self.calendar, at: due.addingTimeInterval(1)).isBreached)
        problem.rootCause = "Token refresh race"
        try problem.move(to: .knownError, at: Self.recorded)
        try problem.move(to: .fixInProgress, at: Self.recorded)
        problem.fixRelease = "2026.12.1"
        try problem.move(to: .fixReleased, at: due)
        #expect(
            !problem.fixTarget(tier: .silver, calendar: Self.calendar, at: due.addingTimeInterval(86_400)).isBreached)
    }

    @Test func theLifecycle_refusesSkippedSteps_andAsksForWhatEachStateNeeds() throws {
        var problem = Self.problem()
        #expect(throws: ValidationFailure.self) { try problem.move(to: .fixReleased, at: Self.recorded) }
        #expect { try problem.move(to: .knownError, at: Self.recorded) } throws: {
            ($0 as? ValidationFailure)?.issues.map(\.field) == ["rootCause"]
        }
        try problem.move(to: .investigating, at: Self.recorded)
        try problem.move(to: .fixInProgress, at: Self.recorded)
        #expect { try problem.move(to: .fixReleased, at: Self.recorded) } throws: {
            ($0 as? ValidationFailure)?.issues.map(\.field) == ["fixRelease"]
        }
        try problem.move(to: .closed, at: Self.recorded)
        #expect { try problem.move(to: .investigating, at: Self.recorded) } throws: {
            ($0 as? ValidationFailure)?.issues.first?.message == "A closed problem does not change state."
        }
    }

    @Test func theScore_weighsSeverityRecencyAndPartners_asDocumented() {
        let now = Self.recorded
        let (a, b) = (Partner.ID(UUID()), Partner.ID(UUID()))
        let linked = [
            ProblemScore.LinkedIncident(partnerID: a, severity: Severity(1), raisedAt: now.addingTimeInterval(-86_400)),
            .init(partnerID: a, severity: Severity(3), raisedAt: now.addingTimeInterval(-10 * 86_400)),
            .init(partnerID: b, severity: nil, raisedAt: now.addingTimeInterval(-40 * 86_400)),
        ]
        let score = ProblemScore(linked, at: now)
        // 16 × 1 + 4 × 0.5 + 1 × 0.25, plus 2 partners × 10.
        #expect(score.incidentPoints == 18.25 && score.partnerPoints == 20 && score.total == 38.25)
        #expect(score.incidents == 3 && score.partners == 2)
        // Breadth wins: three partners with one severity-3 incident each outrank one partner's two severity-2s.
        let broad = ProblemScore(
            (0..<3).map { _ in .init(partnerID: .init(UUID()), severity: Severity(3), raisedAt: now) }, at: now)
        let deep = ProblemScore(
            (0..<2).map { _ in .init(partnerID: a, severity: Severity(2), raisedAt: now) }, at: now)
        #expect(broad > deep)
        #expect(ProblemScore([], at: now).total == 0)
    }
}
