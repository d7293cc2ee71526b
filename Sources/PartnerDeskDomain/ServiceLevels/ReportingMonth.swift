import Foundation

/// A calendar month, such as 2026-11: the period availability is measured and reported over. Written and read as
/// `YYYY-MM`; its days run from the first to the last of the month on the local clock of the calendar it is
/// measured on.
///
/// ```swift
/// let november = ReportingMonth("2026-11")!
/// november.firstDay            // 2026-11-01
/// november.next                // 2026-12
/// ```
public struct ReportingMonth: Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
    LosslessStringConvertible
{
    public let year: Int
    /// 1 for January to 12 for December.
    public let month: Int

    /// A month of a year in 1...9999; `nil` otherwise.
    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses exactly `YYYY-MM`; `nil` for anything else.
    public init?(_ description: String) {
        let bytes = Array(description.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
            bytes.enumerated().allSatisfy({ $0.offset == 4 || (48...57).contains($0.element) }),
            let year = Int(String(description.prefix(4))), let month = Int(String(description.suffix(2)))
        else { return nil }
        self.init(year: year, month: month)
    }

    /// The month a date falls in.
    public init(containing date: LocalDate) {
        let parts = date.components
        year = parts.year
        month = parts.month
    }

    public var description: String {
        String(repeating: "0", count: max(0, 4 - String(year).count)) + "\(year)-" + (month < 10 ? "0" : "")
            + "\(month)"
    }

    /// The month as people write it: `November 2026`.
    public var longName: String {
        let names = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        return "\(names[month - 1]) \(year)"
    }

    public var firstDay: LocalDate { LocalDate(year: year, month: month, day: 1)! }

    public var lastDay: LocalDate {
        LocalDate(year: year, month: month, day: LocalDate.daysInMonth(year: year, month: month))!
    }

    /// The month after this one.
    public var next: ReportingMonth {
        month == 12 ? ReportingMonth(year: year + 1, month: 1)! : ReportingMonth(year: year, month: month + 1)!
    }

    /// The month before this one.
    public var previous: ReportingMonth {
        month == 1 ? ReportingMonth(year: year - 1, month: 12)! : ReportingMonth(year: year, month: month - 1)!
    }

    public static func < (lhs: ReportingMonth, rhs: ReportingMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let month = ReportingMonth(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a month in YYYY-MM form."))
        }
        self = month
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension BusinessCalendar {
    /// The instant a local date begins on the calendar's clock (its midnight; the first moment after a gap).
    public func startOfDay(_ date: LocalDate) -> Date {
        EpochSeconds.date(ZoneConverter(timeZone: timeZone).instant(day: date.daysSince1970, secondsOfDay: 0))
    }

    /// A month on the calendar's clock: from the start of its first day to the start of the next month's.
    public func interval(of month: ReportingMonth) -> DateInterval {
        DateInterval(start: startOfDay(month.firstDay), end: startOfDay(month.next.firstDay))
    }

    /// The start of the last `businessSeconds` of business time before `end`: the latest instant `s <= end` with
    /// that many business seconds in `[s, end)`. Looks back at most `searchDays` days (then gives their start).
    public func start(ofBusinessSeconds businessSeconds: Int, endingAt end: Date, searchDays: Int = 400) -> Date {
        guard businessSeconds > 0 else { return end }
        var remaining = businessSeconds
        var day = localDate(of: end)
        for _ in 0..<searchDays {
            if let hours = openingHours(on: day) {
                let close = min(hours.end, end)
                if close > hours.start {
                    let open = Int(close.timeIntervalSince(hours.start))
                    if open >= remaining { return close.addingTimeInterval(-Double(remaining)) }
                    remaining -= open
                }
            }
            day = day.adding(days: -1)
        }
        return startOfDay(day.adding(days: 1))
    }
}
