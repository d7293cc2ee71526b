import Foundation
import PartnerDeskDomain
import Testing

@Suite struct HSSIRecordTests {
    typealias F = HSSIFixture
    /// Tuesday 10 November 2026, 10:00 UTC (London is on GMT).
    static let start = At.utc("2026-11-10T10:00:00Z")

    @Test func references_readAndParseInTheirOwnSequence() {
        #expect(HSSIReference(number: 1)?.description == "HSSI-000001")
        #expect(HSSIReference(number: 1_234_567)?.description == "HSSI-1234567")
        #expect(HSSIReference("hssi-000042")?.number == 42)
        for text in ["HSSI-42", "INC-000042", "HSSI-000000", "HSSI-00004x", "", "HSSI000042"] {
            #expect(HSSIReference(text) == nil)
        }
        #expect(HSSIReference(number: 0) == nil)
    }

    @Test func references_encodeAsTheirText() throws {
        let data = try JSONEncoder().encode([HSSIReference(number: 7)!])
        #expect(String(decoding: data, as: UTF8.self) == #"["HSSI-000007"]"#)
        #expect(try JSONDecoder().decode([HSSIReference].self, from: data) == [HSSIReference(number: 7)!])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([HSSIReference].self, from: Data(#"["x"]"#.utf8))
        }
    }

    @Test func categoriesAndDeclarers_haveStableNamesAndLabels() {
        #expect(HSSICategory.allCases.map(\.rawValue) == ["potential_data_breach", "wrong_information_shown", "other"])
        #expect(HSSICategory.potentialDataBreach.label == "Potential data breach")
        #expect(HSSICategory.wrongInformationShown.label == "Wrong information shown")
        #expect(HSSIDeclarer.allCases.map(\.rawValue) == ["partner", "service_desk", "service_bridge"])
        #expect(HSSIDeclarer.allCases.map(\.isPlatform) == [false, true, true])
    }

    @Test func declaring_keepsThePrimaryPartnerFirst_once() throws {
        let hssi = try HigherSeverityIncident(
            id: .init(UUID()), reference: HSSIReference(number: 3)!, primaryPartnerID: F.primaryID,
            affectedPartnerIDs: [F.secondID, F.primaryID, F.secondID], originatingIncidentID: .init(UUID()),
            title: "  Wrong GP record shown ", description: "Users saw other users' records",
            declaredBy: .serviceBridge,
            occurredAt: Self.start, recordedBy: F.sam, now: Self.start.addingTimeInterval(600))
        #expect(hssi.affectedPartnerIDs == [F.primaryID, F.secondID])
        #expect(hssi.title == "Wrong GP record shown")
        #expect(hssi.stage == .occurred && hssi.occurredAt == Self.start)
        #expect(hssi.declaredBy == .serviceBridge && hssi.declaredAt == Self.start.addingTimeInterval(600))
        #expect(hssi.version == 1 && hssi.updatedAt == hssi.declaredAt)
        #expect(hssi.severity == nil && hssi.assessments.isEmpty)
    }

    @Test func declaring_reportsEveryProblemAtOnce() {
        let issues = F.issues {
            _ = try HigherSeverityIncident(
                id: .init(UUID()), reference: HSSIReference(number: 1)!, primaryPartnerID: F.primaryID, title: " ",
                description: "User NHS number 401 023 2137 saw the wrong page", declaredBy: .partner,
                occurredAt: Self.start.addingTimeInterval(1), recordedBy: HSSIActor(name: "", role: "Desk"),
                now: Self.start)
        }
        #expect(issues.map(\.field) == ["title", "description", "by.name", "occurredAt"])
        #expect(issues.map(\.code) == ["required", "patient_identifiable_data", "required", "in_future"])
    }

    @Test func theSteps_runInOrder_andEachRecordsWhoAndWhen() throws {
        var hssi = F.declared(occurredAt: Self.start)
        try F.advance(&hssi, to: .closed, from: Self.start.addingTimeInterval(60))
        #expect(hssi.steps.map(\.stage) == HSSIStage.allCases)
        #expect(hssi.step(.bridgeNotified)?.at == Self.start.addingTimeInterval(240))
        #expect(hssi.step(.bridgeNotified)?.by == F.dana)
        #expect(hssi.version == 9)
        #expect(hssi.updatedAt == Self.start.addingTimeInterval(480))
    }

    @Test func aRepeatedStep_isRefused_namingTheStepThatIsPossible() throws {
        var hssi = F.declared(occurredAt: Self.start)
        try hssi.record(.identify, at: Self.start, by: F.dana, now: Self.start)
        let before = hssi
        let issues = F.issues { try hssi.record(.identify, at: Self.start, by: F.dana, now: Self.start) }
        #expect(issues.map(\.code) == ["invalid_transition"])
        #expect(
            issues.first?.message
                == "‘Identified by partner’ was already recorded at 2026-11-10T10:00:00Z; the next step possible is "
                + "‘Notified to the platform’.")
        #expect(hssi == before)
    }

    @Test func aSkippedStep_isRefused_andAClosedHSSITakesNoMore() throws {
        var hssi = F.declared(occurredAt: Self.start)
        let skipped = F.issues { try hssi.record(.engageDevOps, at: Self.start, by: F.dana, now: Self.start) }
        #expect(
            skipped.first?.message
                == "‘DevOps engaged’ cannot come yet: the HSSI is at ‘Occurred’, and the next step possible is "
                + "‘Identified by partner’.")
        try F.advance(&hssi, to: .closed, from: Self.start)
        let closed = F.issues {
            try hssi.record(.close, at: Self.start, by: F.dana, now: Self.start.addingTimeInterval(999))
        }
        #expect(closed.map(\.message).first == "A closed HSSI takes no more steps.")
    }

    @Test func stepTimes_mayNotGoBackwards_norBeInTheFuture() throws {
        var hssi = F.declared(occurredAt: Self.start)
        try hssi.record(
            .identify, at: Self.start.addingTimeInterval(600), by: F.dana, now: Self.start.addingTimeInterval(600))
        let backwards = F.issues {
            try hssi.record(
                .notifyPlatform, at: Self.start.addingTimeInterval(599), by: F.dana,
                now: Self.start.addingTimeInterval(900))
        }
        #expect(backwards.map(\.code) == ["before_earlier_event"])
        #expect(backwards.first?.message.contains("‘Identified by partner’ (2026-11-10T10:10:00Z)") == true)
        let future = F.issues {
            try hssi.record(
                .notifyPlatform, at: Self.start.addingTimeInterval(901), by: F.dana,
                now: Self.start.addingTimeInterval(900))
        }
        #expect(future.map(\.code) == ["in_future"])
        // The same instant as the previous step, and exactly `now`, are both fine.
        try hssi.record(
            .notifyPlatform, at: Self.start.addingTimeInterval(600), by: F.dana, now: Self.start.addingTimeInterval(600)
        )
        #expect(hssi.stage == .notified)
    }

    @Test func theOccurrence_mayComeLongBeforeEverythingElse() throws {
        var hssi = F.declared(occurredAt: Self.start.addingTimeInterval(-30 * 86_400), now: Self.start)
        try hssi.record(.identify, at: Self.start, by: F.dana, now: Self.start)
        #expect(hssi.step(.identified)?.at == Self.start)
    }

    @Test(arguments: [0, 3, 4, 5, 7, -1])
    func prioritising_acceptsSeverityOneOrTwoOnly(level: Int) throws {
        var hssi = F.declared(occurredAt: Self.start)
        try F.advance(&hssi, to: .notified, from: Self.start)
        let issues = F.issues {
            try hssi.record(
                .prioritise(party: .platform, severityLevel: level, category: .other),
                at: Self.start.addingTimeInterval(300),
                by: F.sam, now: Self.start.addingTimeInterval(300))
        }
        #expect(issues.map(\.field) == ["severity"])
        #expect(issues.map(\.code) == ["not_hssi_severity"])
        #expect(issues.first?.message == "A Higher Severity Service Incident is severity 1 or 2, not \(level).")
        #expect(hssi.stage == .notified && hssi.assessments.isEmpty)
    }

    @Test func bothSidesJudgements_areKept_andThePlatformsIsInForce() throws {
        var hssi = F.declared(occurredAt: Self.start)
        try F.advance(&hssi, to: .notified, from: Self.start)
        let later = Self.start.addingTimeInterval(600)
        try hssi.record(
            .prioritise(party: .partner, severityLevel: 2, category: .wrongInformationShown), at: later, by: F.dana,
            now: later)
        #expect(hssi.severity == .two)
        try hssi.assess(
            party: .platform, severityLevel: 1, category: .potentialDataBreach, at: later.addingTimeInterval(60),
            by: F.sam,
            now: later.addingTimeInterval(60))
        #expect(hssi.partnerAssessment?.severity == .two)
        #expect(hssi.partnerAssessment?.category == .wrongInformationShown)
        #expect(hssi.platformAssessment?.severity == .one)
        #expect(hssi.platformAssessment?.assessedBy == F.sam)
        #expect(hssi.assessmentInForce?.party == .platform)
        #expect(hssi.severity == .one)
        // The partner changing its mind does not override the platform.
        try hssi.assess(
            party: .partner, severityLevel: 2, category: .other, at: later.addingTimeInterval(120), by: F.dana,
            now: later.addingTimeInterval(120))
        #expect(hssi.severity == .one && hssi.assessments.count == 3)
    }

    @Test func thePlatform_mayJudgeBeforeThePartnerHasDoneAnything() throws {
        var hssi = F.declared(occurredAt: Self.start)
        try hssi.assess(
            party: .platform, severityLevel: 1, category: .potentialDataBreach, at: Self.start, by: F.sam,
            now: Self.start)
        #expect(hssi.stage == .occurred && hssi.severity == .one && hssi.partnerAssessment == nil)
    }

    @Test func assessments_areCheckedForTimeAndPerson_andRefusedOnceClosed() throws {
        var hssi = F.declared(occurredAt: Self.start)
        let early = F.issues {
            try hssi.assess(
                party: .platform, severityLevel: 2, category: .other, at: Self.start.addingTimeInterval(-1),
                by: HSSIActor(name: "Sam", role: " "), now: Self.start)
        }
        #expect(early.map(\.field) == ["by.role", "at"])
        #expect(early.map(\.code) == ["required", "before_earlier_event"])
        try hssi.assess(
            party: .platform, severityLevel: 2, category: .other, at: Self.start.addingTimeInterval(60), by: F.sam,
            now: Self.start.addingTimeInterval(60))
        let beforeOwnPrevious = F.issues {
            try hssi.assess(
                party: .platform, severityLevel: 1, category: .other, at: Self.start.addingTimeInterval(30), by: F.sam,
                now: Self.start.addingTimeInterval(60))
        }
        #expect(beforeOwnPrevious.first?.message.contains("the platform's previous assessment") == true)
        try F.advance(&hssi, to: .closed, from: Self.start.addingTimeInterval(60))
        let closed = F.issues {
            try hssi.assess(
                party: .platform, severityLevel: 1, category: .other, at: Self.start.addingTimeInterval(600), by: F.sam,
                now: Self.start.addingTimeInterval(600))
        }
        #expect(closed.map(\.code) == ["closed"])
    }

    @Test func notes_andPeople_passThePatientDataGuard() throws {
        var hssi = F.declared(occurredAt: Self.start)
        let issues = F.issues {
            try hssi.record(
                .identify, at: Self.start, by: HSSIActor(name: "Dana", role: "Surname: Smith"),
                note: "Seen by the user with NHS no 401 023 2137", now: Self.start)
        }
        #expect(issues.map(\.field) == ["by.role", "note"])
        #expect(issues.allSatisfy { $0.code == PatientDataGuard.refusalCode })
        try hssi.record(.identify, at: Self.start, by: F.dana, note: "  Spotted by our support team ", now: Self.start)
        #expect(hssi.step(.identified)?.note == "Spotted by our support team")
    }

    @Test func stages_orderAsTheProcessRuns() {
        #expect(HSSIStage.allCases.sorted() == HSSIStage.allCases)
        #expect(HSSIStage.occurred.next == .identified)
        #expect(HSSIStage.resolved.next == .closed)
        #expect(HSSIStage.closed.next == nil)
        #expect(HSSIStage.allCases.filter(\.isResolved) == [.resolved, .closed])
    }

    @Test func theRecord_survivesAJSONRoundTrip() throws {
        var hssi = F.declared(occurredAt: Self.start)
        try F.advance(&hssi, to: .prioritised, from: Self.start)
        let decoded = try JSONDecoder().decode(HigherSeverityIncident.self, from: try JSONEncoder().encode(hssi))
        #expect(decoded == hssi)
    }
}
