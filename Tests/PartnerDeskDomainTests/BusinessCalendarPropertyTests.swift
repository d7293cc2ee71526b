import Foundation
import PartnerDeskTestSupport
import Testing

@testable import PartnerDeskDomain

/// Random instants 2015–2035 (seeded, so every run sees the same cases) checked against ``ReferenceCalendar``.
@Suite struct BusinessCalendarPropertyTests {
    static let low = At.seconds(At.utc("2015-01-01T00:00:00Z"))
    static let high = At.seconds(At.utc("2035-01-01T00:00:00Z"))
    static let englandAndWalesReference = ReferenceCalendar(
        holidays: Fixture.holidayDates(.englandAndWales, years: 2014...2037))
    static let scotlandReference = ReferenceCalendar(holidays: Fixture.holidayDates(.scotland, years: 2014...2037))

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let calendar: BusinessCalendar
        let scotland: Bool
        var testDescription: String { name }
    }

    static let cases = [
        Case(name: "England and Wales", calendar: Calendars.englandAndWales, scotland: false),
        Case(name: "Scotland", calendar: Calendars.scotland, scotland: true),
        Case(name: "slow path (tables 2020–2022 only)", calendar: Calendars.narrowTable, scotland: false),
    ]

    func reference(_ item: Case) -> ReferenceCalendar {
        item.scotland ? Self.scotlandReference : Self.englandAndWalesReference
    }

    @Test(arguments: cases)
    func due_matchesTheReference(item: Case) {
        var random = SeededRandom(seed: 101)
        let targets = [1, 14_400, 36_000, 720_000]
        for index in 0..<300 {
            let start = Int.random(in: Self.low..<Self.high, using: &random)
            let seconds = index < 200 ? targets[index % targets.count] : Int.random(in: 1...900_000, using: &random)
            #expect(
                item.calendar.due(fromEpochSeconds: start, businessSeconds: seconds)
                    == reference(item).due(start, seconds), "start \(start), seconds \(seconds)")
        }
    }

    @Test(arguments: cases)
    func elapsed_matchesTheReference(item: Case) {
        var random = SeededRandom(seed: 202)
        for index in 0..<300 {
            let start = Int.random(in: Self.low..<Self.high, using: &random)
            let span = index.isMultiple(of: 2) ? 4 * 3600 : Int.random(in: 0...(40 * 86_400), using: &random)
            #expect(
                item.calendar.elapsed(fromEpochSeconds: start, toEpochSeconds: start + span)
                    == reference(item).elapsed(start, start + span), "start \(start), span \(span)")
        }
    }

    @Test(arguments: cases)
    func dueAndElapsed_areInverse(item: Case) {
        var random = SeededRandom(seed: 303)
        for _ in 0..<400 {
            let start = Int.random(in: Self.low..<Self.high, using: &random)
            let seconds = Int.random(in: 1...1_000_000, using: &random)
            let due = item.calendar.due(fromEpochSeconds: start, businessSeconds: seconds)
            #expect(item.calendar.elapsed(fromEpochSeconds: start, toEpochSeconds: due) == seconds)
            #expect(item.calendar.elapsed(fromEpochSeconds: start, toEpochSeconds: due - 1) == seconds - 1)
            #expect(item.calendar.isOpen(epochSeconds: due - 1))
        }
    }

    @Test(arguments: cases)
    func addWorkingDays_matchesTheReference(item: Case) {
        var random = SeededRandom(seed: 404)
        for index in 0..<120 {
            let start = Int.random(in: Self.low..<Self.high, using: &random)
            let count = index < 20 ? 360 : Int.random(in: 1...60, using: &random)
            let answer = item.calendar.addWorkingDays(count, toEpochSeconds: start)
            let expected = reference(item).addWorkingDays(count, start)
            #expect(
                answer.date.description == expected.date && answer.dueEpochSeconds == expected.due, "start \(start)")
        }
    }

    @Test(arguments: cases)
    func isOpen_matchesTheReference(item: Case) {
        var random = SeededRandom(seed: 505)
        for _ in 0..<3000 {
            let instant = Int.random(in: Self.low..<Self.high, using: &random)
            #expect(item.calendar.isOpen(epochSeconds: instant) == reference(item).isOpen(instant), "\(instant)")
        }
    }

    @Test(arguments: cases)
    func nextOpening_matchesTheReference(item: Case) {
        var random = SeededRandom(seed: 606)
        for _ in 0..<150 {
            let instant = Int.random(in: Self.low..<Self.high, using: &random)
            #expect(
                item.calendar.nextOpening(atOrAfterEpochSeconds: instant) == reference(item).nextOpening(instant),
                "\(instant)")
        }
    }

    @Test func slowPath_agreesWithTheFastPath_farOutsideAndAcrossTheTableEdge() {
        let wide = Calendars.englandAndWales
        let narrow = Calendars.narrowTable
        var random = SeededRandom(seed: 707)
        let edge = At.seconds(At.utc("2022-12-20T00:00:00Z"))
        for index in 0..<400 {
            let start =
                index.isMultiple(of: 2)
                ? Int.random(in: Self.low..<Self.high, using: &random)
                : edge + Int.random(in: -40 * 86_400...40 * 86_400, using: &random)
            let seconds = Int.random(in: 1...2_000_000, using: &random)
            #expect(
                narrow.due(fromEpochSeconds: start, businessSeconds: seconds)
                    == wide.due(fromEpochSeconds: start, businessSeconds: seconds))
            let end = start + Int.random(in: 0...(90 * 86_400), using: &random)
            #expect(
                narrow.elapsed(fromEpochSeconds: start, toEpochSeconds: end)
                    == wide.elapsed(fromEpochSeconds: start, toEpochSeconds: end))
            let count = Int.random(in: 1...400, using: &random)
            #expect(
                narrow.addWorkingDays(count, toEpochSeconds: start) == wide.addWorkingDays(count, toEpochSeconds: start)
            )
            #expect(narrow.localDate(ofEpochSeconds: start) == wide.localDate(ofEpochSeconds: start))
        }
    }

    @Test func slowPath_handlesSpansLongerThanOneChunk() {
        let from = At.seconds(At.utc("1950-01-01T00:00:00Z"))
        let to = At.seconds(At.utc("2150-01-01T00:00:00Z"))
        let total = Calendars.narrowTable.elapsed(fromEpochSeconds: from, toEpochSeconds: to)
        let middle = At.seconds(At.utc("2050-06-15T12:00:00Z"))
        let halves =
            Calendars.englandAndWales.elapsed(fromEpochSeconds: from, toEpochSeconds: middle)
            + Calendars.englandAndWales.elapsed(fromEpochSeconds: middle, toEpochSeconds: to)
        #expect(total == halves)
        #expect(Calendars.narrowTable.due(fromEpochSeconds: from, businessSeconds: total) <= to)
        #expect(
            Calendars.narrowTable.elapsed(
                fromEpochSeconds: from,
                toEpochSeconds: Calendars.narrowTable.due(fromEpochSeconds: from, businessSeconds: total)) == total)
    }
}
