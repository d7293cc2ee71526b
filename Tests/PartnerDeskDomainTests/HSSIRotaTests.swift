import Foundation
import PartnerDeskDomain
import Testing

@Suite struct HSSIRotaTests {
    typealias F = HSSIFixture

    static func shift(_ name: String, _ starts: String, _ ends: String) -> HSSIRotaEntry {
        try! HSSIRotaEntry(
            managerName: name, email: "\(name.lowercased())@example.org", phone: "+44 (0)113 496-0000",
            startsAt: At.utc(starts), endsAt: At.utc(ends))
    }

    static func rota(_ entries: [HSSIRotaEntry]) -> HSSIManagerRota {
        HSSIManagerRota(partnerID: F.primaryID, entries: entries)
    }

    static func interval(_ start: String, _ end: String) -> DateInterval {
        DateInterval(start: At.utc(start), end: At.utc(end))
    }

    @Test func anEntry_reportsEveryProblemAtOnce() {
        let issues = F.issues {
            _ = try HSSIRotaEntry(
                managerName: "Last name: Smith", email: "not an address", phone: "call reception",
                startsAt: At.utc("2026-11-10T10:00:00Z"), endsAt: At.utc("2026-11-10T10:00:00Z"))
        }
        #expect(issues.map(\.field) == ["managerName", "email", "phone", "endsAt"])
        #expect(
            issues.map(\.code) == [PatientDataGuard.refusalCode, "invalid_format", "invalid_format", "not_after_start"])
    }

    @Test func anEntry_keepsCheckedValues() throws {
        let entry = try HSSIRotaEntry(
            managerName: " Ola Brown ", email: "Ola@Example.org", phone: "  ", startsAt: At.utc("2026-11-10T10:00:00Z"),
            endsAt: At.utc("2026-11-10T10:00:01Z"))
        #expect(entry.managerName == "Ola Brown" && entry.email.value == "ola@example.org" && entry.phone == nil)
        #expect(throws: ValidationFailure.self) {
            try HSSIRotaEntry(
                managerName: "Ola", email: "ola@example.org", phone: String(repeating: "0", count: 41),
                startsAt: At.utc("2026-11-10T10:00:00Z"), endsAt: At.utc("2026-11-10T11:00:00Z"))
        }
    }

    @Test func onDuty_listsEveryoneCovering_startIncluded_endExcluded() {
        let rota = Self.rota([
            Self.shift("Ola", "2026-11-10T08:00:00Z", "2026-11-10T16:00:00Z"),
            Self.shift("Ben", "2026-11-10T12:00:00Z", "2026-11-10T20:00:00Z"),
        ])
        #expect(rota.onDuty(at: At.utc("2026-11-10T07:59:59Z")).isEmpty)
        #expect(rota.onDuty(at: At.utc("2026-11-10T08:00:00Z")).map(\.managerName) == ["Ola"])
        #expect(rota.onDuty(at: At.utc("2026-11-10T13:00:00Z")).map(\.managerName) == ["Ola", "Ben"])
        #expect(rota.onDuty(at: At.utc("2026-11-10T16:00:00Z")).map(\.managerName) == ["Ben"])
        #expect(rota.onDuty(at: At.utc("2026-11-10T20:00:00Z")).isEmpty)
    }

    @Test func overlappingAndTouchingShifts_mergeIntoOneStretchOfCover() {
        let rota = Self.rota([
            Self.shift("C", "2026-11-10T12:00:00Z", "2026-11-10T14:00:00Z"),
            Self.shift("A", "2026-11-10T00:00:00Z", "2026-11-10T08:00:00Z"),
            Self.shift("B", "2026-11-10T07:00:00Z", "2026-11-10T12:00:00Z"),
            Self.shift("D", "2026-11-10T09:00:00Z", "2026-11-10T10:00:00Z"),
            Self.shift("E", "2026-11-10T16:00:00Z", "2026-11-10T18:00:00Z"),
        ])
        #expect(rota.entries.map(\.managerName) == ["A", "B", "D", "C", "E"])
        let gaps = rota.gaps(
            from: At.utc("2026-11-10T00:00:00Z"), through: At.utc("2026-11-11T00:00:00Z"), hours: F.alwaysOpen)
        #expect(
            gaps == [
                Self.interval("2026-11-10T14:00:00Z", "2026-11-10T16:00:00Z"),
                Self.interval("2026-11-10T18:00:00Z", "2026-11-11T00:00:00Z"),
            ])
    }

    @Test func aWindowInsideOneShift_hasNoGap_andAnEmptyWindowHasNone() {
        let rota = Self.rota([Self.shift("A", "2026-11-10T00:00:00Z", "2026-11-11T00:00:00Z")])
        #expect(
            rota.gaps(
                from: At.utc("2026-11-10T03:00:00Z"), through: At.utc("2026-11-10T04:00:00Z"), hours: F.alwaysOpen
            ).isEmpty)
        #expect(
            Self.rota([]).gaps(
                from: At.utc("2026-11-10T04:00:00Z"), through: At.utc("2026-11-10T04:00:00Z"), hours: F.alwaysOpen
            ).isEmpty)
        #expect(
            Self.rota([]).gaps(
                from: At.utc("2026-11-10T04:00:00Z"), through: At.utc("2026-11-10T05:00:00Z"), hours: F.alwaysOpen)
                == [Self.interval("2026-11-10T04:00:00Z", "2026-11-10T05:00:00Z")])
    }

    @Test func theTwentyThreeHourDay_inMarch_isCoveredByOneLocalDayShift() {
        // Sunday 29 March 2026 in London runs from 00:00 GMT to 00:00 BST the next day: 23 hours.
        let localDay = Self.shift("A", "2026-03-29T00:00:00Z", "2026-03-29T23:00:00Z")
        #expect(localDay.interval.duration == 23 * 3600)
        let window = (At.utc("2026-03-29T00:00:00Z"), At.utc("2026-03-29T23:00:00Z"))
        #expect(Self.rota([localDay]).gaps(from: window.0, through: window.1, hours: F.alwaysOpen).isEmpty)
        // A 09:00–21:00 local shift that day is 08:00–20:00 UTC, leaving 11 uncovered hours.
        let daytime = Self.rota([Self.shift("B", "2026-03-29T08:00:00Z", "2026-03-29T20:00:00Z")])
        let gaps = daytime.gaps(from: window.0, through: window.1, hours: F.alwaysOpen)
        #expect(
            gaps == [
                Self.interval("2026-03-29T00:00:00Z", "2026-03-29T08:00:00Z"),
                Self.interval("2026-03-29T20:00:00Z", "2026-03-29T23:00:00Z"),
            ])
        #expect(gaps.map(\.duration).reduce(0, +) == 11 * 3600)
    }

    @Test func theTwentyFiveHourDay_inOctober_leavesAnHourWhenTheShiftAssumesTwentyFour() {
        // Sunday 25 October 2026 runs from 00:00 BST (23:00 UTC the day before) to 00:00 GMT: 25 hours.
        let window = (At.utc("2026-10-24T23:00:00Z"), At.utc("2026-10-26T00:00:00Z"))
        let twentyFour = Self.rota([Self.shift("A", "2026-10-24T23:00:00Z", "2026-10-25T23:00:00Z")])
        #expect(
            twentyFour.gaps(from: window.0, through: window.1, hours: F.alwaysOpen)
                == [Self.interval("2026-10-25T23:00:00Z", "2026-10-26T00:00:00Z")])
        let wholeDay = Self.rota([Self.shift("A", "2026-10-24T23:00:00Z", "2026-10-26T00:00:00Z")])
        #expect(wholeDay.gaps(from: window.0, through: window.1, hours: F.alwaysOpen).isEmpty)
    }

    /// Weekday 09:00–17:00 London shifts for the fortnight from Monday 23 March 2026, across the spring change and
    /// Easter, leaving out the given dates.
    static func weekdayShifts(skipping skipped: Set<String> = []) -> [HSSIRotaEntry] {
        let days = ["23", "24", "25", "26", "27", "30", "31", "01", "02", "03"]
        return days.compactMap { day in
            let month = day < "20" ? "04" : "03"
            let date = "2026-\(month)-\(day)"
            guard !skipped.contains(date) else { return nil }
            let offset = date >= "2026-03-29" ? 1 : 0
            return Self.shift("Ola", "\(date)T0\(9 - offset):00:00Z", "\(date)T\(17 - offset):00:00Z")
        }
    }

    @Test func cover_isRequiredOnlyWithinThePartnersHours() {
        let from = At.utc("2026-03-23T00:00:00Z")
        let through = At.utc("2026-04-06T00:00:00Z")
        // Nights, weekends and Good Friday (3 April) need nobody for a Monday-to-Friday partner.
        let rota = Self.rota(Self.weekdayShifts(skipping: ["2026-04-03"]))
        #expect(rota.gaps(from: from, through: through, hours: F.office).isEmpty)
        // Leaving Wednesday 1 April uncovered flags its hours, 09:00–17:00 BST.
        let missing = Self.rota(Self.weekdayShifts(skipping: ["2026-04-01", "2026-04-03"]))
        #expect(
            missing.gaps(from: from, through: through, hours: F.office)
                == [Self.interval("2026-04-01T08:00:00Z", "2026-04-01T16:00:00Z")])
        // A partner open round the clock needs the nights and weekends covered too: the fortnight's 336 hours minus
        // nine 8-hour shifts.
        let roundTheClock = rota.gaps(from: from, through: through, hours: F.alwaysOpen)
        #expect(roundTheClock.count == 10)
        #expect(roundTheClock.map(\.duration).reduce(0, +) == Double(336 - 72) * 3600)
    }

    @Test func aShiftEndingEarly_leavesTheRestOfTheDay() {
        var shifts = Self.weekdayShifts()
        shifts[1] = Self.shift("Ola", "2026-03-24T09:00:00Z", "2026-03-24T12:30:00Z")
        let gaps = Self.rota(shifts).gaps(
            from: At.utc("2026-03-23T00:00:00Z"), through: At.utc("2026-04-03T00:00:00Z"), hours: F.office)
        #expect(gaps == [Self.interval("2026-03-24T12:30:00Z", "2026-03-24T17:00:00Z")])
    }

    @Test func upcomingGaps_lookFourteenDaysAhead() {
        let rota = Self.rota(Self.weekdayShifts(skipping: ["2026-04-03"]))
        #expect(HSSIManagerRota.lookAheadDays == 14)
        // From Monday 23 March the fortnight ends before Easter Monday: all covered.
        #expect(rota.upcomingGaps(now: At.utc("2026-03-23T00:00:00Z"), hours: F.office).isEmpty)
        // From Wednesday 25 March it reaches Tuesday 7 April (Easter Monday is closed), but not Wednesday 8th.
        #expect(
            rota.upcomingGaps(now: At.utc("2026-03-25T00:00:00Z"), hours: F.office)
                == [Self.interval("2026-04-07T08:00:00Z", "2026-04-07T16:00:00Z")])
    }
}
