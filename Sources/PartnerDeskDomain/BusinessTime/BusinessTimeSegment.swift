/// A stretch of time that the calendar treats one way: open, outside hours, a bank holiday or a closure.
///
/// The rule for naming closed time: within a weekday's regular hours, time lost to a bank holiday is `holiday` and
/// time lost to an extra closure is `closure`; all other closed time (nights, closed weekdays, clock-change gaps) is
/// `outsideHours`.
public typealias BusinessTimeSegment = TimeSegment<BusinessTimeSegmentKind>

/// How the calendar treats a stretch of time.
public enum BusinessTimeSegmentKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Business hours: the time counts.
    case open
    /// Outside the regular hours of the day.
    case outsideHours
    /// Regular hours lost to a bank holiday.
    case holiday
    /// Regular hours lost to an extra closure.
    case closure
}
