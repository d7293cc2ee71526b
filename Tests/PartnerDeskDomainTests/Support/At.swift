import Foundation

@testable import PartnerDeskDomain

/// Instants written compactly in tests.
enum At {
    /// A UTC instant from ISO 8601 text (with `Z` or an offset).
    static func utc(_ text: String) -> Date {
        guard let date = ISO8601Instant.date(from: text) else { fatalError("bad test instant \(text)") }
        return date
    }

    /// A London wall-clock time, converted by Foundation.
    static func london(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0)
        -> Date
    {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Calendars.london
        return calendar.date(
            from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))!
    }

    static func seconds(_ date: Date) -> Int { Int(date.timeIntervalSince1970) }
}
