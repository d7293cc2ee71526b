import Foundation

/// A stretch of time that the calendar treats one way: open, outside hours, a bank holiday or a closure.
///
/// The rule for naming closed time: within a weekday's regular hours, time lost to a bank holiday is `holiday` and
/// time lost to an extra closure is `closure`; all other closed time (nights, closed weekdays, clock-change gaps) is
/// `outsideHours`.
public struct BusinessTimeSegment: Sendable, Hashable {
    /// How the calendar treats a stretch of time.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Business hours: the time counts.
        case open
        /// Outside the regular hours of the day.
        case outsideHours
        /// Regular hours lost to a bank holiday.
        case holiday
        /// Regular hours lost to an extra closure.
        case closure
    }

    /// The first second of the stretch, in UTC seconds since 1970.
    public let startEpochSeconds: Int
    /// The end of the stretch (exclusive), in UTC seconds since 1970.
    public let endEpochSeconds: Int
    /// How the calendar treats it.
    public let kind: Kind

    /// Creates a segment.
    public init(startEpochSeconds: Int, endEpochSeconds: Int, kind: Kind) {
        self.startEpochSeconds = startEpochSeconds
        self.endEpochSeconds = endEpochSeconds
        self.kind = kind
    }

    /// The start as a `Date`.
    public var start: Date { EpochSeconds.date(startEpochSeconds) }
    /// The end as a `Date`.
    public var end: Date { EpochSeconds.date(endEpochSeconds) }
    /// The length in seconds.
    public var seconds: Int { endEpochSeconds - startEpochSeconds }
}
