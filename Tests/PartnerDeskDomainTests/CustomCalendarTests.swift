import Foundation
import PartnerDeskTestSupport
import Testing

@testable import PartnerDeskDomain

/// Calendars other than Silver's: closures, other hours, other zones, round-the-clock hours and bad settings.
@Suite struct CustomCalendarTests {
    static let christmasEve = BusinessClosure.closingEarly(
        on: LocalDate("2026-12-24")!, at: 12 * 3600, reason: "Christmas Eve")!
    static let withClosures = try! BusinessCalendar(
        spec: BusinessCalendarSpec(closures: [
            christmasEve,
            .wholeDay(LocalDate("2026-11-27")!, reason: "Office move"),
            .openingLate(on: LocalDate("2026-11-30")!, at: 10 * 3600 + 30 * 60, reason: "Training")!,
        ]),
        tableYears: 2025...2027)

    @Test func closingEarly_endsTheDayAtNoon() {
        let calendar = Self.withClosures
        #expect(calendar.isOpen(At.utc("2026-12-24T11:59:59Z")))
        #expect(!calendar.isOpen(At.utc("2026-12-24T12:00:00Z")))
        #expect(calendar.openingHours(on: LocalDate("2026-12-24")!)?.duration == TimeInterval(4 * 3600))
        #expect(
            calendar.due(from: At.utc("2026-12-24T10:00:00Z"), businessSeconds: 7200) == At.utc("2026-12-24T12:00:00Z"))
        #expect(
            calendar.due(from: At.utc("2026-12-24T10:00:00Z"), businessSeconds: 10_800)
                == At.utc("2026-12-29T09:00:00Z"))
        #expect(calendar.elapsed(from: At.utc("2026-12-24T00:00:00Z"), to: At.utc("2026-12-25T00:00:00Z")) == 14_400)
    }

    @Test func wholeDayAndLateOpeningClosures_moveDeadlines() {
        let calendar = Self.withClosures
        #expect(!calendar.isWorkingDay(LocalDate("2026-11-27")!))
        #expect(
            calendar.due(from: At.utc("2026-11-26T17:00:00Z"), businessSeconds: 7200) == At.utc("2026-11-30T11:30:00Z"))
        #expect(calendar.addWorkingDays(1, to: At.utc("2026-11-26T12:00:00Z")).date.description == "2026-11-30")
        #expect(calendar.nextOpening(atOrAfter: At.utc("2026-11-30T08:00:00Z")) == At.utc("2026-11-30T10:30:00Z"))
        #expect(
            Calendars.englandAndWales.addWorkingDays(1, to: At.utc("2026-11-26T12:00:00Z")).date.description
                == "2026-11-27")
    }

    @Test func segments_nameHolidaysClosuresAndNights() {
        let segments = Self.withClosures.segments(
            from: At.utc("2026-12-24T06:00:00Z"), to: At.utc("2026-12-29T09:00:00Z"))
        let summary = segments.map { "\($0.kind.rawValue) \(ISO8601Instant.string(from: $0.start))" }
        #expect(
            summary == [
                "outsideHours 2026-12-24T06:00:00Z", "open 2026-12-24T08:00:00Z", "closure 2026-12-24T12:00:00Z",
                "outsideHours 2026-12-24T18:00:00Z", "holiday 2026-12-25T08:00:00Z",
                "outsideHours 2026-12-25T18:00:00Z",
                "holiday 2026-12-28T08:00:00Z", "outsideHours 2026-12-28T18:00:00Z", "open 2026-12-29T08:00:00Z",
            ])
        let covered: Int = segments.map(\.seconds).reduce(0, +)
        #expect(covered == 442_800)
        let open = segments.filter { $0.kind == .open }.map(\.seconds).reduce(0, +)
        #expect(
            open == Self.withClosures.elapsed(from: At.utc("2026-12-24T06:00:00Z"), to: At.utc("2026-12-29T09:00:00Z")))
    }

    @Test func invalidSettings_areRefusedWithTheReason() {
        let noHours = WeeklyHours([:])
        #expect(throws: BusinessCalendarError.noOpeningHours) {
            try BusinessCalendar(timeZone: Calendars.london, weeklyHours: noHours, holidays: .init(division: .scotland))
        }
        #expect(throws: BusinessCalendarError.invalidTableYears(0...10)) {
            try BusinessCalendar(spec: .ukOfficeHours, tableYears: 0...10)
        }
        #expect(throws: BusinessCalendarError.unknownTimeZone("Mars/Olympus")) {
            try BusinessCalendar(spec: BusinessCalendarSpec(timeZoneIdentifier: "Mars/Olympus"))
        }
        let lunch = BusinessClosure(
            date: LocalDate("2026-11-26")!, closedFrom: 12 * 3600, closedUntil: 13 * 3600, reason: "Lunch")!
        #expect(throws: BusinessCalendarError.closureSplitsDay(lunch)) {
            try BusinessCalendar(spec: BusinessCalendarSpec(closures: [lunch]), tableYears: 2026...2026)
        }
        let spec = BusinessCalendarSpec(timeZoneIdentifier: "Nowhere", weeklyHours: noHours, closures: [lunch])
        #expect(spec.problems.count == 2)
        #expect(BusinessCalendarError.closureSplitsDay(lunch).description.contains("2026-11-26 (12:00–13:00)"))
        // A closure on a day without hours cannot split anything.
        let sunday = BusinessClosure(date: LocalDate("2026-11-29")!, closedFrom: 3600, closedUntil: 7200, reason: "x")!
        #expect(BusinessCalendarSpec(closures: [sunday]).problems.isEmpty)
    }

    static let saturdayMornings: BusinessCalendar = {
        var hours = WeeklyHours.mondayToFridayEightToSix
        hours[.saturday] = DailyHours(opens: "09:00", closes: "13:00")
        return try! BusinessCalendar(
            timeZone: Calendars.london, weeklyHours: hours, holidays: .init(division: .englandAndWales),
            tableYears: 2014...2036)
    }()

    @Test func unevenDays_matchTheReference() {
        let weekday = (opens: 480, closes: 1080)
        let reference = ReferenceCalendar(
            holidays: Fixture.holidayDates(.englandAndWales, years: 2014...2037),
            hours: [2: weekday, 3: weekday, 4: weekday, 5: weekday, 6: weekday, 7: (540, 780)])
        var random = SeededRandom(seed: 808)
        let low = At.seconds(At.utc("2015-01-01T00:00:00Z"))
        let high = At.seconds(At.utc("2035-01-01T00:00:00Z"))
        for _ in 0..<150 {
            let start = Int.random(in: low..<high, using: &random)
            let seconds = Int.random(in: 1...800_000, using: &random)
            #expect(
                Self.saturdayMornings.due(fromEpochSeconds: start, businessSeconds: seconds)
                    == reference.due(start, seconds))
            let end = start + Int.random(in: 0...(30 * 86_400), using: &random)
            #expect(
                Self.saturdayMornings.elapsed(fromEpochSeconds: start, toEpochSeconds: end)
                    == reference.elapsed(start, end))
            #expect(Self.saturdayMornings.isOpen(epochSeconds: start) == reference.isOpen(start))
        }
    }

    @Test func newYorkHours_followAmericanClockChanges() throws {
        let zone = TimeZone(identifier: "America/New_York")!
        let hours = WeeklyHours(
            days: [.monday, .tuesday, .wednesday, .thursday, .friday],
            hours: DailyHours(opens: "09:00", closes: "17:00")!)
        let calendar = try BusinessCalendar(
            timeZone: zone, weeklyHours: hours, holidays: .init(division: .scotland), tableYears: 2016...2034)
        let nine = (opens: 540, closes: 1020)
        let reference = ReferenceCalendar(
            zone: zone, holidays: Fixture.holidayDates(.scotland, years: 2014...2037),
            hours: [2: nine, 3: nine, 4: nine, 5: nine, 6: nine])
        // 2026-03-09 is the Monday after the US change: 09:00 EDT is 13:00 UTC (14:00 UTC the week before).
        #expect(calendar.nextOpening(atOrAfter: At.utc("2026-03-08T12:00:00Z")) == At.utc("2026-03-09T13:00:00Z"))
        #expect(calendar.nextOpening(atOrAfter: At.utc("2026-03-01T12:00:00Z")) == At.utc("2026-03-02T14:00:00Z"))
        var random = SeededRandom(seed: 909)
        let low = At.seconds(At.utc("2017-01-01T00:00:00Z"))
        let high = At.seconds(At.utc("2033-01-01T00:00:00Z"))
        for _ in 0..<100 {
            let start = Int.random(in: low..<high, using: &random)
            let seconds = Int.random(in: 1...500_000, using: &random)
            #expect(calendar.due(fromEpochSeconds: start, businessSeconds: seconds) == reference.due(start, seconds))
            #expect(
                calendar.addWorkingDays(5, toEpochSeconds: start).dueEpochSeconds
                    == reference.addWorkingDays(5, start).due)
        }
    }

    @Test func roundTheClock_countsShortAndLongDaysAtClockChanges() throws {
        let calendar = try BusinessCalendar(
            timeZone: Calendars.london, weeklyHours: .always, holidays: .init(division: .englandAndWales),
            tableYears: 2026...2026)
        #expect(calendar.openingHours(on: LocalDate("2026-03-29")!)?.duration == TimeInterval(23 * 3600))
        #expect(calendar.openingHours(on: LocalDate("2026-10-25")!)?.duration == TimeInterval(25 * 3600))
        #expect(calendar.elapsed(from: At.london(2026, 3, 28), to: At.london(2026, 3, 30)) == 47 * 3600)
        #expect(calendar.due(from: At.london(2026, 10, 25), businessSeconds: 25 * 3600) == At.london(2026, 10, 26))
        #expect(!calendar.isOpen(At.london(2026, 12, 25, 12)))
        #expect(calendar.isOpen(At.london(2026, 12, 24, 23, 59, 59)))
    }

    @Test func hoursInsideTheSpringGap_startWhenTheClocksChange() throws {
        let hours = WeeklyHours([.sunday: DailyHours(opens: "00:30", closes: "02:30")!])
        let calendar = try BusinessCalendar(
            timeZone: Calendars.london, weeklyHours: hours, holidays: .init(division: .englandAndWales),
            tableYears: 2026...2026)
        // 29 March: 00:30 GMT to 02:30 BST is one hour; 25 October: 00:30 BST to 02:30 GMT is three.
        #expect(calendar.openingHours(on: LocalDate("2026-03-29")!)?.duration == TimeInterval(3600))
        #expect(calendar.openingHours(on: LocalDate("2026-10-25")!)?.duration == TimeInterval(3 * 3600))
        #expect(calendar.openingHours(on: LocalDate("2026-10-25")!)?.start == At.utc("2026-10-24T23:30:00Z"))
        let gapHours = WeeklyHours([.sunday: DailyHours(opens: "01:15", closes: "03:00")!])
        let gapCalendar = try BusinessCalendar(
            timeZone: Calendars.london, weeklyHours: gapHours, holidays: .init(division: .englandAndWales),
            tableYears: 2026...2026)
        #expect(gapCalendar.openingHours(on: LocalDate("2026-03-29")!)?.start == At.utc("2026-03-29T01:00:00Z"))
    }

    @Test func samoaSkippedDay_isHandled() throws {
        let zone = TimeZone(identifier: "Pacific/Apia")!
        let calendar = try BusinessCalendar(
            timeZone: zone, weeklyHours: .always, holidays: .init(division: .englandAndWales), tableYears: 2011...2012)
        #expect(!calendar.isWorkingDay(LocalDate("2011-12-30")!))
        let from = At.utc("2011-12-28T00:00:00Z")
        let to = At.utc("2012-01-03T00:00:00Z")
        let total = calendar.elapsed(from: from, to: to)
        let expected = calendar.segments(from: from, to: to).filter { $0.kind == .open }.map(\.seconds).reduce(0, +)
        #expect(total == expected)
        #expect(calendar.due(from: from, businessSeconds: total) <= to)
    }

    @Test func copies_shareTheirTables_andCompareBySettings() throws {
        let copy = Calendars.englandAndWales
        #expect(copy.table === BusinessCalendar.ukOfficeHours.table)
        #expect(copy == BusinessCalendar.ukOfficeHours)
        #expect(Calendars.scotland != BusinessCalendar.ukOfficeHours)
        #expect(try ServiceLevelTier.silver.makeCalendar().table === BusinessCalendar.ukOfficeHours.table)
    }

    @Test func spec_codableRoundTrip() throws {
        let spec = Self.withClosures.spec
        let data = try JSONEncoder().encode(spec)
        #expect(try JSONDecoder().decode(BusinessCalendarSpec.self, from: data) == spec)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""from":"12:00""#) && text.contains(#""timeZone":"Europe\/London""#))
        let bad = Data(
            #"{"timeZone":"Europe/London","division":"scotland","hours":{"funday":{"opens":"08:00","closes":"09:00"}}}"#
                .utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(BusinessCalendarSpec.self, from: bad) }
    }
}
