import Foundation
import Testing

@testable import PartnerDeskDomain

/// Every bank holiday in the fixture range (2012–2028), for every division: closed all day, with the working days
/// around it opening and closing on time.
@Suite struct HolidayBoundaryTests {
    static let calendars: [Division: BusinessCalendar] = [
        .englandAndWales: Calendars.englandAndWales,
        .scotland: Calendars.scotland,
        .northernIreland: try! BusinessCalendar(
            spec: BusinessCalendarSpec(division: .northernIreland), tableYears: 2011...2029),
    ]

    @Test(arguments: Division.allCases)
    func everyHoliday_isClosedAllDay_andWorkResumesOnTheNextWorkingDay(division: Division) {
        let calendar = Self.calendars[division]!
        let holidays = Set(Fixture.events[division.rawValue]!.map(\.date))
        for text in holidays.sorted() {
            let holiday = LocalDate(text)!
            #expect(!calendar.isWorkingDay(holiday), "\(text)")
            let dayStart = calendar.openingHoursStart(holiday)
            #expect(calendar.elapsed(from: dayStart, to: dayStart.addingTimeInterval(86_400)) == 0, "\(text)")
            for hour in [8.0, 12, 17.99] {
                #expect(!calendar.isOpen(dayStart.addingTimeInterval(hour * 3600)), "\(text) \(hour)")
            }
            var next = holiday.adding(days: 1)
            while next.weekday.isWeekend || holidays.contains(next.description) { next = next.adding(days: 1) }
            var previous = holiday.adding(days: -1)
            while previous.weekday.isWeekend || holidays.contains(previous.description) {
                previous = previous.adding(days: -1)
            }
            let nextHours = calendar.openingHours(on: next)!
            let previousHours = calendar.openingHours(on: previous)!
            #expect(nextHours.duration == TimeInterval(36_000) && previousHours.duration == TimeInterval(36_000))
            #expect(calendar.nextOpening(atOrAfter: dayStart.addingTimeInterval(12 * 3600)) == nextHours.start)
            let holidayNoon = dayStart.addingTimeInterval(12 * 3600)
            #expect(
                calendar.due(from: holidayNoon, businessSeconds: 14_400) == nextHours.start.addingTimeInterval(14_400))
            #expect(calendar.addWorkingDays(1, to: holidayNoon).date == next)
            #expect(calendar.isOpen(previousHours.end.addingTimeInterval(-1)))
            #expect(!calendar.isOpen(previousHours.end))
            #expect(!calendar.isOpen(nextHours.start.addingTimeInterval(-1)))
            #expect(calendar.isOpen(nextHours.start))
            let lastHour = previousHours.end.addingTimeInterval(-3600)
            #expect(calendar.due(from: lastHour, businessSeconds: 3600) == previousHours.end)
            #expect(calendar.due(from: lastHour, businessSeconds: 3601) == nextHours.start.addingTimeInterval(1))
            #expect(calendar.elapsed(from: lastHour, to: nextHours.start.addingTimeInterval(60)) == 3660)
            #expect(calendar.addWorkingDays(1, to: lastHour).date == next)
        }
    }
}

extension BusinessCalendar {
    /// Local midnight of a date, found by stepping back from its noon (test helper).
    func openingHoursStart(_ date: LocalDate) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))!
    }
}
