import Foundation

/// When a partner's own service desk is at work: the window in which it must notify the platform of a
/// Higher Severity Service Incident within 30 minutes.
public struct OperatingHours: Hashable, Sendable, Codable {
    public var weeklyHours: WeeklyHours
    /// The IANA zone the hours are in.
    public var timeZoneIdentifier: String
    /// Whether the partner works on bank holidays of its division.
    public var openOnBankHolidays: Bool

    public init(weeklyHours: WeeklyHours, timeZoneIdentifier: String = "Europe/London", openOnBankHolidays: Bool) {
        self.weeklyHours = weeklyHours
        self.timeZoneIdentifier = timeZoneIdentifier
        self.openOnBankHolidays = openOnBankHolidays
    }

    /// Every hour of every day.
    public static let alwaysOpen = OperatingHours(weeklyHours: .always, openOnBankHolidays: true)

    /// Parses the short forms people type: `always` (24/7), or `HH:MM-HH:MM` for Monday to Friday outside
    /// bank holidays; `nil` for anything else.
    public init?(shortForm text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed == "always" || trimmed == "24x7" {
            self = .alwaysOpen
            return
        }
        let parts = trimmed.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let daily = DailyHours(opens: parts[0], closes: parts[1]) else { return nil }
        self.init(
            weeklyHours: WeeklyHours(days: [.monday, .tuesday, .wednesday, .thursday, .friday], hours: daily),
            openOnBankHolidays: false
        )
    }

    /// The short form ``init(shortForm:)`` reads, when the hours have one (always open, or the same hours each
    /// weekday and closed on bank holidays); nil for hours set some other way.
    public var shortForm: String? {
        if self == .alwaysOpen { return "always" }
        let weekdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]
        guard !openOnBankHolidays, timeZoneIdentifier == "Europe/London", weeklyHours.openDays == weekdays,
            let daily = weeklyHours[.monday], weekdays.allSatisfy({ weeklyHours[$0] == daily })
        else { return nil }
        return "\(DailyHours.text(secondsOfDay: daily.opens))-\(DailyHours.text(secondsOfDay: daily.closes))"
    }

    /// A short description for listings ("Always", or each open day with its hours).
    public var summary: String {
        if weeklyHours == .always && openOnBankHolidays { return "Always open" }
        let days = weeklyHours.openDays.map { day in
            let hours = weeklyHours[day]!
            return
                "\(day.rawValue.prefix(3).capitalized) \(DailyHours.text(secondsOfDay: hours.opens))-\(DailyHours.text(secondsOfDay: hours.closes))"
        }
        return days.joined(separator: ", ") + (openOnBankHolidays ? "" : " (closed on bank holidays)")
    }
}
