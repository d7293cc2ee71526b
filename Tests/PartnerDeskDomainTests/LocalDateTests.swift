import Foundation
import Testing

@testable import PartnerDeskDomain

@Suite struct LocalDateTests {
    @Test func components_matchFoundation_forEveryDayFrom1900To2100() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let first = LocalDate(year: 1900, month: 1, day: 1)!.daysSince1970
        let last = LocalDate(year: 2100, month: 12, day: 31)!.daysSince1970
        var mismatches: [Int] = []
        for day in stride(from: first, through: last, by: 1) {
            let date = LocalDate(daysSince1970: day)
            let parts = calendar.dateComponents(
                [.year, .month, .day, .weekday], from: Date(timeIntervalSince1970: Double(day) * 86_400))
            let (year, month, dayOfMonth) = date.components
            if year != parts.year || month != parts.month || dayOfMonth != parts.day
                || date.weekday.isoNumber != (parts.weekday! + 5) % 7 + 1
                || LocalDate(year: year, month: month, day: dayOfMonth) != date
            {
                mismatches.append(day)
            }
        }
        #expect(mismatches.isEmpty)
    }

    @Test func init_whenTheDayDoesNotExist_returnsNil() {
        #expect(LocalDate(year: 2026, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2024, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 1900, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2000, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2026, month: 13, day: 1) == nil)
        #expect(LocalDate(year: 2026, month: 4, day: 31) == nil)
        #expect(LocalDate(year: 0, month: 1, day: 1) == nil)
    }

    @Test func description_roundTripsThroughParsing() {
        let date = LocalDate(year: 2026, month: 3, day: 9)!
        #expect(date.description == "2026-03-09")
        #expect(LocalDate("2026-03-09") == date)
        for bad in ["2026-3-09", "2026-03-9", "2026/03/09", "2026-02-30", "26-03-09", "2026-03-09T", "２０２６-03-09"] {
            #expect(LocalDate(bad) == nil, "\(bad)")
        }
    }

    @Test func arithmeticAndOrder_workAcrossMonthsAndYears() {
        let date = LocalDate("2026-12-30")!
        #expect(date.adding(days: 3).description == "2027-01-02")
        #expect(date.adding(days: -365).description == "2025-12-30")
        #expect(date.days(until: LocalDate("2027-03-01")!) == 61)
        #expect(LocalDate("2026-01-01")! < LocalDate("2026-01-02")!)
        #expect(LocalDate(daysSince1970: 0).description == "1970-01-01")
        #expect(LocalDate(daysSince1970: -1).description == "1969-12-31")
        #expect(LocalDate(daysSince1970: 0).weekday == .thursday)
    }

    @Test func codable_usesTheYYYYMMDDString() throws {
        let data = try JSONEncoder().encode([LocalDate("2026-11-26")!])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2026-11-26\"]")
        #expect(try JSONDecoder().decode([LocalDate].self, from: data) == [LocalDate("2026-11-26")!])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([LocalDate].self, from: Data("[\"2026-02-30\"]".utf8))
        }
    }

    @Test func weekday_isoNumbersAndWeekend() {
        #expect(Weekday.allCases.map(\.isoNumber) == [1, 2, 3, 4, 5, 6, 7])
        #expect(Weekday.allCases.filter(\.isWeekend) == [.saturday, .sunday])
        #expect(Weekday.monday < Weekday.sunday)
    }
}
