import Foundation
import Testing

@testable import PartnerDeskDomain

/// The exact definitions of due, elapsed, working days, open and next opening, pinned on the Silver calendar.
@Suite struct BusinessCalendarDefinitionTests {
    let calendar = Calendars.englandAndWales

    @Test func due_whenStartIsOnAWeekend_countsFromMondayOpening() {
        #expect(
            calendar.due(from: At.utc("2026-11-21T10:00:00Z"), businessSeconds: 3600) == At.utc("2026-11-23T09:00:00Z"))
    }

    @Test func due_whenTargetIsUsedUpExactlyAtClosing_isDueAtClosingNotNextOpening() {
        #expect(
            calendar.due(from: At.utc("2026-11-23T08:00:00Z"), businessSeconds: 36_000)
                == At.utc("2026-11-23T18:00:00Z"))
        #expect(
            calendar.due(from: At.utc("2026-11-23T08:00:00Z"), businessSeconds: 36_001)
                == At.utc("2026-11-24T08:00:01Z"))
        // In summer the same local times are an hour earlier in UTC.
        #expect(
            calendar.due(from: At.utc("2026-07-06T07:00:00Z"), businessSeconds: 36_000)
                == At.utc("2026-07-06T17:00:00Z"))
    }

    @Test func due_whenZeroSeconds_returnsStartItselfEvenWhenClosedOrFractional() {
        let closed = At.utc("2026-11-21T10:00:00Z")
        #expect(calendar.due(from: closed, businessSeconds: 0) == closed)
        let fractional = Date(timeIntervalSince1970: At.utc("2026-11-23T09:00:00Z").timeIntervalSince1970 + 0.25)
        #expect(calendar.due(from: fractional, businessSeconds: 0) == fractional)
        #expect(calendar.due(fromEpochSeconds: 12_345, businessSeconds: 0) == 12_345)
    }

    @Test func due_whenStartHasAFractionalSecond_countsFromItsWholeSecond() {
        let start = Date(timeIntervalSince1970: At.utc("2026-11-23T09:00:00Z").timeIntervalSince1970 + 0.75)
        #expect(calendar.due(from: start, businessSeconds: 10) == At.utc("2026-11-23T09:00:10Z"))
    }

    @Test func due_whenStartIsAtOrAfterClosing_countsFromTheNextOpening() {
        #expect(
            calendar.due(from: At.utc("2026-11-20T18:00:00Z"), businessSeconds: 1) == At.utc("2026-11-23T08:00:01Z"))
        #expect(
            calendar.due(from: At.utc("2026-11-20T17:59:59Z"), businessSeconds: 1) == At.utc("2026-11-20T18:00:00Z"))
        #expect(
            calendar.due(from: At.utc("2026-11-20T17:59:59Z"), businessSeconds: 2) == At.utc("2026-11-23T08:00:01Z"))
        #expect(
            calendar.due(from: At.utc("2026-11-23T07:59:59Z"), businessSeconds: 1) == At.utc("2026-11-23T08:00:01Z"))
    }

    @Test(arguments: [
        (Severity.one, "2026-11-26T18:00:00Z"), (.two, "2026-11-27T12:00:00Z"), (.three, "2026-11-30T14:00:00Z"),
        (.four, "2026-12-08T14:00:00Z"), (.five, "2026-12-24T14:00:00Z"),
    ])
    func due_silverIncidentTargets_fromThursdayAfternoon(severity: Severity, expected: String) {
        let opened = At.utc("2026-11-26T14:00:00Z")
        #expect(
            ServiceLevelTier.silver.incidentDue(openedAt: opened, severity: severity, calendar: calendar)
                == At.utc(expected))
    }

    @Test func elapsed_countsOnlyBusinessSecondsInTheHalfOpenRange() {
        #expect(calendar.elapsed(from: At.utc("2026-11-20T17:00:00Z"), to: At.utc("2026-11-23T09:00:00Z")) == 7200)
        #expect(calendar.elapsed(from: At.utc("2026-11-23T08:00:00Z"), to: At.utc("2026-11-23T18:00:00Z")) == 36_000)
        #expect(calendar.elapsed(from: At.utc("2026-11-23T07:59:59Z"), to: At.utc("2026-11-23T08:00:01Z")) == 1)
        #expect(calendar.elapsed(from: At.utc("2026-11-23T17:59:59Z"), to: At.utc("2026-11-23T18:00:01Z")) == 1)
        #expect(calendar.elapsed(from: At.utc("2026-11-21T00:00:00Z"), to: At.utc("2026-11-23T00:00:00Z")) == 0)
    }

    @Test func elapsed_whenEndIsNotAfterStart_isZero() {
        let instant = At.utc("2026-11-23T10:00:00Z")
        #expect(calendar.elapsed(from: instant, to: instant) == 0)
        #expect(calendar.elapsed(from: instant, to: At.utc("2026-11-23T09:00:00Z")) == 0)
    }

    @Test func isOpen_isHalfOpenAtEightAndSix_inWinterAndSummer() {
        for (opens, closes) in [
            ("2026-11-23T08:00:00Z", "2026-11-23T18:00:00Z"), ("2026-07-06T07:00:00Z", "2026-07-06T17:00:00Z"),
        ] {
            let open = At.utc(opens)
            let close = At.utc(closes)
            #expect(!calendar.isOpen(open.addingTimeInterval(-1)))
            #expect(calendar.isOpen(open))
            #expect(calendar.isOpen(open.addingTimeInterval(1)))
            #expect(calendar.isOpen(close.addingTimeInterval(-1)))
            #expect(calendar.isOpen(close.addingTimeInterval(-0.001)))
            #expect(!calendar.isOpen(close))
            #expect(!calendar.isOpen(close.addingTimeInterval(1)))
        }
    }

    @Test func nextOpening_isTheInstantItselfWhenOpen() {
        let open = Date(timeIntervalSince1970: At.utc("2026-11-23T10:00:00Z").timeIntervalSince1970 + 0.5)
        #expect(calendar.nextOpening(atOrAfter: open) == open)
        #expect(calendar.nextOpening(atOrAfter: At.utc("2026-11-23T08:00:00Z")) == At.utc("2026-11-23T08:00:00Z"))
        #expect(calendar.nextOpening(atOrAfter: At.utc("2026-11-20T18:00:00Z")) == At.utc("2026-11-23T08:00:00Z"))
        #expect(calendar.nextOpening(atOrAfter: At.utc("2026-11-23T07:59:59.5Z")) == At.utc("2026-11-23T08:00:00Z"))
        #expect(calendar.nextOpening(atOrAfter: At.utc("2026-12-24T18:00:00Z")) == At.utc("2026-12-29T08:00:00Z"))
    }

    @Test func addWorkingDays_countsWorkingDaysStrictlyAfterTheLocalDate() {
        let thursday = calendar.addWorkingDays(1, to: At.utc("2026-11-26T14:00:00Z"))
        #expect(thursday.date.description == "2026-11-27")
        #expect(thursday.due == At.utc("2026-11-27T18:00:00Z"))
        #expect(calendar.addWorkingDays(1, to: At.utc("2026-11-20T20:00:00Z")).date.description == "2026-11-23")
        #expect(calendar.addWorkingDays(1, to: At.utc("2026-11-21T10:00:00Z")).date.description == "2026-11-23")
        #expect(calendar.addWorkingDays(1, to: At.utc("2026-11-22T10:00:00Z")).date.description == "2026-11-23")
        #expect(calendar.addWorkingDays(1, to: At.utc("2026-12-24T09:00:00Z")).date.description == "2026-12-29")
        // 23:30 UTC on a summer Thursday is already Friday in London, so one working day later is Monday.
        let late = calendar.addWorkingDays(1, to: At.utc("2026-07-02T23:30:00Z"))
        #expect(late.date.description == "2026-07-06")
        #expect(late.due == At.utc("2026-07-06T17:00:00Z"))
    }

    @Test func addWorkingDays_silverProblemTargets() {
        let raised = At.utc("2026-11-20T16:00:00Z")
        let expected = ["2027-01-06", "2027-02-17", "2027-05-17", "2027-11-03", "2028-04-26"]
        for (severity, date) in zip(Severity.allCases, expected) {
            let due = ServiceLevelTier.silver.problemFixDue(raisedAt: raised, severity: severity, calendar: calendar)
            #expect(due.date.description == date, "\(severity)")
            #expect(calendar.localDate(of: due.due) == due.date)
        }
    }

    @Test func docExample_holds() {
        let opened = ISO8601Instant.date(from: "2026-11-20T16:00:00Z")!
        #expect(calendar.due(from: opened, businessSeconds: 4 * 3600) == At.utc("2026-11-23T10:00:00Z"))
        #expect(calendar.addWorkingDays(30, to: opened).date.description == "2027-01-06")
    }

    @Test func dayQueries_reportWorkingDaysAndTheirHours() {
        #expect(calendar.isWorkingDay(LocalDate("2026-11-23")!))
        #expect(!calendar.isWorkingDay(LocalDate("2026-11-22")!))
        #expect(!calendar.isWorkingDay(LocalDate("2026-12-28")!))
        #expect(
            calendar.openingHours(on: LocalDate("2026-07-06")!)
                == DateInterval(start: At.utc("2026-07-06T07:00:00Z"), end: At.utc("2026-07-06T17:00:00Z")))
        #expect(calendar.localDate(of: At.utc("2026-07-02T23:30:00Z")).description == "2026-07-03")
        #expect(calendar.spec == .ukOfficeHours)
    }
}
