import Foundation
import Testing

@testable import PartnerDeskDomain

/// Every British Summer Time change 2015–2035: Sundays at 01:00 UTC, with the following Monday opening at 07:00 UTC
/// in summer and 08:00 UTC in winter.
@Suite struct ClockChangeTests {
    static let transitions: [Date] = {
        var result: [Date] = []
        var cursor = At.utc("2015-01-01T00:00:00Z")
        let end = At.utc("2036-01-01T00:00:00Z")
        while let next = Calendars.london.nextDaylightSavingTimeTransition(after: cursor), next < end {
            result.append(next)
            cursor = next
        }
        return result
    }()

    @Test func thereAreTwoChangesAYear_onSundaysAtOneUTC() {
        #expect(Self.transitions.count == 42)
        for transition in Self.transitions {
            #expect(Calendars.englandAndWales.localDate(of: transition.addingTimeInterval(-1800)).weekday == .sunday)
            #expect(At.seconds(transition) % 86_400 == 3600)
        }
    }

    @Test(arguments: transitions)
    func aroundTheChange_theCalendarIsClosed_andMondayOpensAtTheRightUTCHour(transition: Date) {
        let calendar = Calendars.englandAndWales
        let intoSummer = Calendars.london.secondsFromGMT(for: transition) == 3600
        for offset in [-3601.0, -3600, -1, 0, 1, 3599, 3600] {
            #expect(!calendar.isOpen(transition.addingTimeInterval(offset)))
            #expect(
                calendar.elapsed(
                    from: transition.addingTimeInterval(offset), to: transition.addingTimeInterval(offset + 7200)) == 0)
        }
        // The first working day after the Sunday (Easter Monday can follow the March change).
        var day = calendar.localDate(of: transition).adding(days: 1)
        while !calendar.isWorkingDay(day) { day = day.adding(days: 1) }
        let opening = At.utc("\(day)T\(intoSummer ? "07" : "08"):00:00Z")
        #expect(calendar.nextOpening(atOrAfter: transition) == opening)
        #expect(calendar.nextOpening(atOrAfter: transition.addingTimeInterval(-1)) == opening)
        #expect(!calendar.isOpen(opening.addingTimeInterval(-1)))
        #expect(calendar.isOpen(opening))
        #expect(calendar.due(from: transition, businessSeconds: 3600) == opening.addingTimeInterval(3600))
        #expect(calendar.due(from: transition, businessSeconds: 36_000) == opening.addingTimeInterval(36_000))
        let saturday = transition.addingTimeInterval(-86_400)
        #expect(calendar.elapsed(from: saturday, to: opening.addingTimeInterval(5400)) == 5400)
        #expect(calendar.openingHours(on: day)?.duration == TimeInterval(36_000))
    }

    @Test func previousFriday_closesAtTheOldOffset() {
        for transition in Self.transitions {
            let calendar = Calendars.englandAndWales
            let friday = calendar.localDate(of: transition).adding(days: -2)
            guard calendar.isWorkingDay(friday) else { continue }
            let intoSummer = Calendars.london.secondsFromGMT(for: transition) == 3600
            let closing = At.utc("\(friday)T\(intoSummer ? "18" : "17"):00:00Z")
            #expect(calendar.isOpen(closing.addingTimeInterval(-1)))
            #expect(!calendar.isOpen(closing))
        }
    }
}
