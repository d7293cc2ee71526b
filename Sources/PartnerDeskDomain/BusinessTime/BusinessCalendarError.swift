/// Why a ``BusinessCalendar`` could not be built from its settings.
public enum BusinessCalendarError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The weekly hours open on no day at all, so no deadline could ever be reached.
    case noOpeningHours
    /// The time zone identifier is not a known IANA zone.
    case unknownTimeZone(String)
    /// The precomputed range of years is empty, outside 1...9999, or longer than 1,000 years.
    case invalidTableYears(ClosedRange<Int>)
    /// A closure would cut a piece out of the middle of a day's hours.
    case closureSplitsDay(BusinessClosure)

    /// A sentence for the person who configured the calendar.
    public var description: String {
        switch self {
        case .noOpeningHours:
            "The weekly hours must open on at least one day."
        case .unknownTimeZone(let identifier):
            "'\(identifier)' is not a known time zone (use an IANA name such as Europe/London)."
        case .invalidTableYears(let years):
            "The table years \(years.lowerBound)...\(years.upperBound) must lie within 1...9999 and span at most 1,000 years."
        case .closureSplitsDay(let closure):
            "The closure on \(closure.date) (\(DailyHours.text(secondsOfDay: closure.closedFrom))–"
                + "\(DailyHours.text(secondsOfDay: closure.closedUntil))) would split the day's hours in two; "
                + "close from or until an edge of the hours instead."
        }
    }
}
