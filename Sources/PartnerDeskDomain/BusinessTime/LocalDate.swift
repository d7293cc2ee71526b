import Foundation

/// A calendar date with no time of day and no zone, such as a bank holiday or the day a deadline falls on.
///
/// The value is a count of days since 1970-01-01 in the proleptic Gregorian calendar, so comparing, hashing and
/// adding days are plain integer operations. It is written and decoded as `YYYY-MM-DD`.
///
/// ```swift
/// let christmas = LocalDate(year: 2026, month: 12, day: 25)!
/// christmas.weekday            // .friday
/// christmas.adding(days: 3)    // 2026-12-28
/// ```
public struct LocalDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, LosslessStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let daysSince1970: Int

    /// Creates the date a whole number of days after (or before) 1970-01-01.
    @inlinable
    public init(daysSince1970: Int) {
        self.daysSince1970 = daysSince1970
    }

    /// Creates a date from its parts; `nil` when the year is outside 1...9999 or the day does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= LocalDate.daysInMonth(year: year, month: month)
        else { return nil }
        self.daysSince1970 = CivilCalendar.days(year: year, month: month, day: day)
    }

    /// Parses the `YYYY-MM-DD` form; `nil` for anything else, including dates that do not exist.
    public init?(_ description: String) {
        let bytes = Array(description.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = LocalDate.number(bytes[0..<4]), let month = LocalDate.number(bytes[5..<7]),
            let day = LocalDate.number(bytes[8..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The year, month and day of this date.
    public var components: (year: Int, month: Int, day: Int) {
        CivilCalendar.civil(fromDays: daysSince1970)
    }

    /// The year, for example 2026.
    public var year: Int { components.year }

    /// The month, 1 for January to 12 for December.
    public var month: Int { components.month }

    /// The day of the month, starting at 1.
    public var day: Int { components.day }

    /// The day of the week this date falls on.
    public var weekday: Weekday { Weekday(daysSince1970: daysSince1970) }

    /// The date `days` days later (earlier when negative).
    @inlinable
    public func adding(days: Int) -> LocalDate {
        LocalDate(daysSince1970: daysSince1970 + days)
    }

    /// The number of days from this date to `other` (negative when `other` is earlier).
    @inlinable
    public func days(until other: LocalDate) -> Int {
        other.daysSince1970 - daysSince1970
    }

    /// The date as `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = components
        return LocalDate.padded(year, 4) + "-" + LocalDate.padded(month, 2) + "-" + LocalDate.padded(day, 2)
    }

    /// Orders dates from earlier to later.
    @inlinable
    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        lhs.daysSince1970 < rhs.daysSince1970
    }

    /// Decodes a `YYYY-MM-DD` string; any other form is a data-corrupted error.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = LocalDate(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a date in YYYY-MM-DD form.")
            )
        }
        self = date
    }

    /// Encodes the date as a `YYYY-MM-DD` string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// The number of days in a month of the Gregorian calendar.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return CivilCalendar.isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

extension LocalDate {
    /// The months' English names, January first.
    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]
    /// The weekdays' English names, Monday first (ISO 8601 order).
    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// "Thursday, 7 January 2027", as British English writes a date in full.
    public var longDescription: String {
        let (year, month, day) = components
        return "\(Self.weekdayNames[weekday.isoNumber - 1]), \(day) \(Self.monthNames[month - 1]) \(year)"
    }
}
