import Foundation
import PartnerDeskDomain
import Testing

@Suite struct HSSIStatusUpdateTests {
    typealias F = HSSIFixture
    static let start = At.utc("2026-11-10T10:00:00Z")
    /// Identified at 10:00, notified at 10:01, prioritised at 10:02.
    static let prioritised = At.utc("2026-11-10T10:02:00Z")

    static func prioritisedHSSI(severity: Int = 1) throws -> HigherSeverityIncident {
        var hssi = F.declared(occurredAt: start)
        try F.advance(&hssi, to: .prioritised, from: start, severity: severity)
        return hssi
    }

    static func draft(
        impact: String? = "Appointments page shows other users' bookings", users: String? = "120",
        actions: String? = "Page disabled; caches being purged", nextDue: String? = "2026-11-10T11:00:00Z"
    ) -> HSSIStatusUpdateDraft {
        HSSIStatusUpdateDraft(
            currentImpact: impact, usersAffected: users, actionsTaken: actions, nextUpdateDue: nextDue)
    }

    static func at(_ time: String) -> Date { At.utc("2026-11-10T\(time):00Z") }

    @Test func anUpdate_carriesTheMinimumDataSet() throws {
        var hssi = try Self.prioritisedHSSI()
        try hssi.postStatusUpdate(Self.draft(), at: Self.at("10:20"), by: F.dana, now: Self.at("10:20"))
        let update = try #require(hssi.statusUpdates.last)
        #expect(update.currentImpact == "Appointments page shows other users' bookings")
        #expect(update.usersAffected == .count(120))
        #expect(update.actionsTaken == "Page disabled; caches being purged")
        #expect(update.nextUpdateDue == Self.at("11:00"))
        #expect(update.postedAt == Self.at("10:20") && update.postedBy == F.dana)
        #expect(hssi.version == 5)
    }

    @Test func eachMissingField_getsItsOwnRefusal() throws {
        var hssi = try Self.prioritisedHSSI()
        let issues = F.issues {
            try hssi.postStatusUpdate(
                Self.draft(impact: nil, users: " ", actions: "", nextDue: nil), at: Self.at("10:20"), by: F.dana,
                now: Self.at("10:20"))
        }
        #expect(issues.map(\.field) == ["currentImpact", "actionsTaken", "usersAffected", "nextUpdateDue"])
        #expect(issues.allSatisfy { $0.code == "required" })
        #expect(hssi.statusUpdates.isEmpty)
    }

    @Test(arguments: [("0", HSSIUsersAffected.count(0)), ("1200", .count(1200)), (" Unknown ", .unknown)])
    func usersAffected_isACountOrUnknown(text: String, expected: HSSIUsersAffected) throws {
        var hssi = try Self.prioritisedHSSI()
        try hssi.postStatusUpdate(Self.draft(users: text), at: Self.at("10:20"), by: F.dana, now: Self.at("10:20"))
        #expect(hssi.statusUpdates.last?.usersAffected == expected)
    }

    @Test(arguments: ["-3", "12.5", "lots", "1,200"])
    func usersAffected_refusesAnythingElse(text: String) throws {
        var hssi = try Self.prioritisedHSSI()
        let issues = F.issues {
            try hssi.postStatusUpdate(Self.draft(users: text), at: Self.at("10:20"), by: F.dana, now: Self.at("10:20"))
        }
        #expect(issues.map(\.field) == ["usersAffected"])
        #expect(issues.map(\.code) == ["invalid_format"])
    }

    @Test func usersAffected_encodesAsANumberOrUnknown() throws {
        let values: [HSSIUsersAffected] = [.count(12), .unknown]
        let data = try JSONEncoder().encode(values)
        #expect(String(decoding: data, as: UTF8.self) == #"[12,"unknown"]"#)
        #expect(try JSONDecoder().decode([HSSIUsersAffected].self, from: data) == values)
        for bad in ["[-1]", #"["many"]"#, "[1.5]"] {
            #expect(throws: DecodingError.self) {
                try JSONDecoder().decode([HSSIUsersAffected].self, from: Data(bad.utf8))
            }
        }
        #expect(HSSIUsersAffected.count(3).description == "3" && HSSIUsersAffected.unknown.description == "unknown")
    }

    @Test func theNextUpdate_mustBeAnInstant_afterThisOne() throws {
        var hssi = try Self.prioritisedHSSI()
        let same = F.issues {
            try hssi.postStatusUpdate(
                Self.draft(nextDue: "2026-11-10T10:20:00Z"), at: Self.at("10:20"), by: F.dana, now: Self.at("10:20"))
        }
        #expect(same.map(\.code) == ["not_after_update"])
        let shapeless = F.issues {
            try hssi.postStatusUpdate(
                Self.draft(nextDue: "in an hour"), at: Self.at("10:20"), by: F.dana, now: Self.at("10:20"))
        }
        #expect(shapeless.map(\.code) == ["invalid_format"])
        try hssi.postStatusUpdate(
            Self.draft(nextDue: "2026-11-10T12:00:00+01:00"), at: Self.at("10:20"), by: F.dana, now: Self.at("10:20"))
        #expect(hssi.statusUpdates.last?.nextUpdateDue == Self.at("11:00"))
    }

    @Test func everyText_passesThePatientDataGuard() throws {
        var hssi = try Self.prioritisedHSSI()
        let issues = F.issues {
            try hssi.postStatusUpdate(
                Self.draft(impact: "User 401 023 2137 saw another record", actions: "Called the user, DOB 01/02/1980"),
                at: Self.at("10:20"), by: F.dana, now: Self.at("10:20"))
        }
        #expect(issues.map(\.field) == ["currentImpact", "actionsTaken"])
        #expect(issues.allSatisfy { $0.code == PatientDataGuard.refusalCode })
    }

    @Test func updates_runForwardInTime_andStopOnceResolved() throws {
        var hssi = try Self.prioritisedHSSI()
        try hssi.postStatusUpdate(Self.draft(), at: Self.at("10:20"), by: F.dana, now: Self.at("10:20"))
        let backwards = F.issues {
            try hssi.postStatusUpdate(Self.draft(), at: Self.at("10:19"), by: F.dana, now: Self.at("10:30"))
        }
        #expect(backwards.map(\.code) == ["before_earlier_event"])
        let future = F.issues {
            try hssi.postStatusUpdate(Self.draft(), at: Self.at("10:31"), by: F.dana, now: Self.at("10:30"))
        }
        #expect(future.map(\.code) == ["in_future"])
        try F.advance(&hssi, to: .resolved, from: Self.at("10:30"))
        let resolved = F.issues {
            try hssi.postStatusUpdate(
                Self.draft(nextDue: "2026-11-10T12:00:00Z"), at: Self.at("11:00"), by: F.dana, now: Self.at("11:00"))
        }
        #expect(resolved.map(\.code) == ["resolved"])
        #expect(hssi.nextStatusUpdateDue() == nil)
        #expect(hssi.statusUpdateTimeliness(now: Self.at("23:00")) == nil)
    }

    @Test func noUpdateIsDue_beforePrioritisation() throws {
        var hssi = F.declared(occurredAt: Self.start)
        try F.advance(&hssi, to: .notified, from: Self.start)
        try hssi.postStatusUpdate(Self.draft(), at: Self.at("10:05"), by: F.dana, now: Self.at("10:05"))
        #expect(hssi.nextStatusUpdateDue() == nil)
    }

    @Test(arguments: [(1, "11:02"), (2, "12:02")])
    func theFirstUpdate_isDueACadenceAfterPrioritisation(severity: Int, due: String) throws {
        let hssi = try Self.prioritisedHSSI(severity: severity)
        #expect(hssi.nextStatusUpdateDue() == Self.at(due))
    }

    @Test func laterUpdates_areDueAtTheEarlierOfTheCadenceAndThePromise() throws {
        var hssi = try Self.prioritisedHSSI(severity: 1)
        // A promise later than the cadence allows: the cadence wins (10:20 + 60 minutes).
        try hssi.postStatusUpdate(
            Self.draft(nextDue: "2026-11-10T11:30:00Z"), at: Self.at("10:20"), by: F.dana, now: Self.at("10:20"))
        #expect(hssi.nextStatusUpdateDue() == Self.at("11:20"))
        // A promise sooner than the cadence: the promise wins.
        try hssi.postStatusUpdate(
            Self.draft(nextDue: "2026-11-10T10:50:00Z"), at: Self.at("10:40"), by: F.dana, now: Self.at("10:40"))
        #expect(hssi.nextStatusUpdateDue() == Self.at("10:50"))
    }

    @Test func theCadence_isConfigurable_andFollowsTheSeverityInForce() throws {
        var hssi = try Self.prioritisedHSSI(severity: 2)
        let brisk = try #require(HSSIUpdateCadence(severityOneSeconds: 1800, severityTwoSeconds: 5400))
        #expect(hssi.nextStatusUpdateDue(cadence: brisk) == Self.at("11:32"))
        // The platform raising the severity brings the next update forward.
        try hssi.assess(
            party: .platform, severityLevel: 1, category: .potentialDataBreach, at: Self.at("10:05"), by: F.sam,
            now: Self.at("10:05"))
        #expect(hssi.nextStatusUpdateDue(cadence: brisk) == Self.at("10:32"))
        #expect(hssi.nextStatusUpdateDue() == Self.at("11:02"))
    }

    @Test func cadences_mustBePositive() {
        #expect(HSSIUpdateCadence(severityOneSeconds: 0, severityTwoSeconds: 60) == nil)
        #expect(HSSIUpdateCadence(severityOneSeconds: 60, severityTwoSeconds: -1) == nil)
        #expect(HSSIUpdateCadence.standard.seconds(for: .one) == 3600)
        #expect(HSSIUpdateCadence.standard.seconds(for: .two) == 7200)
    }

    @Test func anUpdate_isOverdueOnlyAfterItsDueInstant() throws {
        let hssi = try Self.prioritisedHSSI(severity: 1)
        let due = Self.at("11:02")
        #expect(hssi.statusUpdateTimeliness(now: due.addingTimeInterval(-1)) == .pending)
        #expect(hssi.statusUpdateTimeliness(now: due) == .pending)
        #expect(hssi.statusUpdateTimeliness(now: due.addingTimeInterval(1)) == .overdue(bySeconds: 1))
    }
}
