import Foundation
import PartnerDeskDomain
import Testing

/// The London times messages and pages show are worked out directly; they read exactly as the platform's own
/// date style writes them, across clock changes, every month and weekday, and any minute.
@Suite struct LondonTimeTests {
    @Test func londonTime_readsAsTheDateStyleWritesIt() {
        let style = Date.FormatStyle(
            date: .abbreviated, time: .shortened, locale: Locale(identifier: "en_GB"),
            timeZone: TimeZone(identifier: "Europe/London")!
        ).weekday(.abbreviated)
        // Every 97 minutes and 13 seconds over two years: every hour of the day, both clock changes of each
        // year, midnight and noon, each month and weekday.
        var instant = ISO8601Instant.date(from: "2025-01-01T00:00:00Z")!
        let end = ISO8601Instant.date(from: "2027-01-01T00:00:00Z")!
        var checked = 0
        while instant < end {
            #expect(NotificationComposer.londonTime(instant) == instant.formatted(style))
            instant += 97 * 60 + 13
            checked += 1
        }
        #expect(checked > 10_000)
        #expect(
            NotificationComposer.londonTime(ISO8601Instant.date(from: "2026-03-29T01:30:00Z")!)
                == "Sun, 29 Mar 2026 at 2:30")
        #expect(
            NotificationComposer.londonTime(ISO8601Instant.date(from: "2026-11-25T09:05:59Z")!)
                == "Wed, 25 Nov 2026 at 9:05")
    }

    @Test func longDates_readAsTheCompleteDateStyleWritesThem() {
        let style = Date.FormatStyle(
            date: .complete, time: .omitted, locale: Locale(identifier: "en_GB"),
            timeZone: TimeZone(identifier: "Europe/London")!)
        var day = LocalDate(year: 2025, month: 1, day: 1)!
        while day < LocalDate(year: 2028, month: 1, day: 1)! {
            let noon = ISO8601Instant.date(from: "\(day)T12:00:00Z")!
            #expect(day.longDescription == noon.formatted(style), "\(day)")
            day = day.adding(days: 1)
        }
    }
}
