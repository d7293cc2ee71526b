/// Precomputed opening periods of a run of local days, answering business-time questions without Foundation.
///
/// For every working day it keeps one opening period: its UTC opening instant, its length and the business seconds of
/// all earlier periods (`before`). For every local day it keeps the UTC instant of local midnight and a copy of the
/// first opening period on or after that day, so that most answers need one day record and at most one period. The business "position" of an instant `t` is the business
/// seconds from the start of the table to `t`; a due is found by turning a target position back into an instant.
/// Queries return `nil` when the table does not cover them, and the calendar then builds a table that does.
///
/// The buffers are written once in `init`, never changed, and freed in `deinit`; that immutability is what makes
/// sharing one table between threads safe, hence `@unchecked Sendable`. Raw buffers (rather than arrays) keep
/// bounds checks and buffer indirections out of the per-answer path; every index used is valid by construction.
@usableFromInline
final class BusinessTimeTable: @unchecked Sendable {
    @usableFromInline
    struct Day {
        /// Local midnight, in UTC seconds.
        @usableFromInline let start: Int
        /// The first opening period on or after this day: its opening, business seconds before it, index and length.
        @usableFromInline let opens: Int
        @usableFromInline let before: Int
        @usableFromInline let firstPeriod: Int32
        @usableFromInline let length: Int32

        @inlinable
        var closes: Int { opens &+ Int(length) }
    }

    @usableFromInline
    struct Period {
        @usableFromInline let opens: Int
        @usableFromInline let before: Int
        @usableFromInline let length: Int32
        @usableFromInline let day: Int32

        @inlinable
        var closes: Int { opens &+ Int(length) }
        @inlinable
        var after: Int { before &+ Int(length) }
    }

    /// The local day number of `days[0]`.
    @usableFromInline let firstDay: Int
    /// The number of days covered; `days` has one more entry holding the start of the following day.
    @usableFromInline let dayCount: Int
    @usableFromInline let days: UnsafeMutablePointer<Day>
    /// The opening periods in order, followed by a sentinel that opens far in the future.
    @usableFromInline let periods: UnsafeMutablePointer<Period>
    /// The number of real periods (the index of the sentinel).
    @usableFromInline let periodCount: Int
    /// The business seconds of the whole table.
    @usableFromInline let totalSeconds: Int
    /// The first instant covered (local midnight of the first day) and the first instant after the table.
    @usableFromInline let lowestInstant: Int
    @usableFromInline let highestInstant: Int
    /// Added to an instant before dividing by 86400 to estimate its day index (never more than a day out).
    @usableFromInline let estimateShift: Int
    /// About 2^64 divided by the longest period, to estimate how many periods a number of seconds spans.
    @usableFromInline let periodReciprocal: UInt64

    static let sentinelInstant = 1 << 60

    init(planner: DayPlanner, firstDay: Int, lastDay: Int) {
        var cache = DayPlanner.HolidayCache()
        var starts: [(start: Int, firstPeriod: Int)] = []
        var periods: [Period] = []
        starts.reserveCapacity(lastDay - firstDay + 2)
        periods.reserveCapacity((lastDay - firstDay + 1) * 5 / 7 + 8)
        var total = 0
        var longest = 1
        var nextStart = planner.zone.instant(day: firstDay, secondsOfDay: 0)
        for day in firstDay...lastDay {
            let plan = planner.plan(day: day, holidayCache: &cache, knownStart: nextStart)
            nextStart = plan.end
            starts.append((plan.start, periods.count))
            if let open = plan.open {
                periods.append(
                    Period(opens: open.lowerBound, before: total, length: Int32(open.count), day: Int32(day)))
                total += open.count
                longest = max(longest, open.count)
            }
        }
        starts.append((nextStart, periods.count))
        periodCount = periods.count
        periods.append(
            Period(opens: BusinessTimeTable.sentinelInstant, before: total, length: 0, day: Int32(lastDay + 1)))
        let days = starts.map { entry in
            let period = periods[entry.firstPeriod]
            return Day(
                start: entry.start, opens: period.opens, before: period.before, firstPeriod: Int32(entry.firstPeriod),
                length: period.length)
        }
        self.firstDay = firstDay
        self.dayCount = lastDay - firstDay + 1
        self.days = UnsafeMutablePointer<Day>.allocate(capacity: days.count)
        self.days.initialize(from: days, count: days.count)
        self.periods = UnsafeMutablePointer<Period>.allocate(capacity: periods.count)
        self.periods.initialize(from: periods, count: periods.count)
        self.totalSeconds = total
        self.lowestInstant = days[0].start
        self.highestInstant = nextStart
        self.estimateShift = planner.zone.offset(at: days[0].start) - firstDay * CivilCalendar.secondsPerDay
        // One more than floor(2^64 / longest): for any count below 2^40 the high word of count × reciprocal is then
        // exactly count / longest, so tables whose periods all have the longest length need no correction walk.
        self.periodReciprocal = longest == 1 ? UInt64.max : UInt64.max / UInt64(longest) + 1
    }

    deinit {
        days.deallocate()
        periods.deallocate()
    }

    /// The index in `days` of the local day containing `instant`, or `nil` outside the table.
    ///
    /// The estimate divides the instant, shifted by the zone offset at the start of the table, by 86400; the loops
    /// then correct it by the real day starts (they run at most once unless the zone's offset moved by a day).
    @inlinable @inline(__always)
    func dayIndex(_ instant: Int) -> Int? {
        guard instant >= lowestInstant, instant < highestInstant else { return nil }
        // Truncation towards zero turns a slightly negative estimate into 0, which the clamp would do anyway.
        var index = (instant &+ estimateShift) / 86_400
        if index >= dayCount { index = dayCount &- 1 }
        while instant < days[index].start { index &-= 1 }
        while instant >= days[index &+ 1].start { index &+= 1 }
        return index
    }

    /// `max(value, 0)` without a branch: random instants fall either side of an opening unpredictably, and a
    /// mispredicted branch costs more than these two instructions.
    @inlinable @inline(__always)
    static func clampedAtZero(_ value: Int) -> Int {
        value & ~(value &>> 63)
    }

    /// The first opening period that has not closed by `instant` (the sentinel's copy when none is left).
    ///
    /// Both candidate records sit next to each other in memory; choosing field by field lets the compiler use
    /// conditional moves instead of a branch that random instants would mispredict.
    @inlinable @inline(__always)
    func firstPeriod(notClosedBy instant: Int, day index: Int) -> (opens: Int, before: Int, index: Int) {
        let day = days[index]
        let next = days[index &+ 1]
        let closed = day.closes <= instant
        return (
            closed ? next.opens : day.opens, closed ? next.before : day.before,
            Int(closed ? next.firstPeriod : day.firstPeriod)
        )
    }

    /// Business seconds from the start of the table to `instant`.
    @inlinable @inline(__always)
    func position(_ instant: Int) -> Int? {
        guard let index = dayIndex(instant) else { return nil }
        let period = firstPeriod(notClosedBy: instant, day: index)
        return period.before &+ BusinessTimeTable.clampedAtZero(instant &- period.opens)
    }

    /// Whether `instant` is inside an opening period.
    @inlinable
    func isOpen(_ instant: Int) -> Bool? {
        guard let index = dayIndex(instant) else { return nil }
        return firstPeriod(notClosedBy: instant, day: index).opens <= instant
    }

    /// `instant` itself when open, else the next opening instant.
    @inlinable
    func nextOpening(atOrAfter instant: Int) -> Int? {
        guard let index = dayIndex(instant) else { return nil }
        let period = firstPeriod(notClosedBy: instant, day: index)
        guard period.index < periodCount else { return nil }
        return max(instant, period.opens)
    }

    /// The earliest instant at or after `start` with `seconds` (at least 1) business seconds since `start`.
    ///
    /// The period where the target is reached is estimated as if every period had the longest length, which is
    /// exact for a calendar without part-day closures; short walks then correct the estimate where it is not.
    @inlinable @inline(__always)
    func due(from start: Int, seconds: Int) -> Int? {
        guard let index = dayIndex(start) else { return nil }
        let period = firstPeriod(notClosedBy: start, day: index)
        let first = period.index
        guard first < periodCount else { return nil }
        let counted = BusinessTimeTable.clampedAtZero(start &- period.opens)
        let target = period.before &+ counted &+ seconds
        guard target <= totalSeconds else { return nil }
        let span = UInt64(truncatingIfNeeded: counted &+ seconds &- 1).multipliedFullWidth(by: periodReciprocal).high
        var found = first &+ Int(truncatingIfNeeded: span)
        if found >= periodCount { found = periodCount &- 1 }
        while periods[found].before >= target { found &-= 1 }
        while periods[found].after < target { found &+= 1 }
        let last = periods[found]
        return last.opens &+ (target &- last.before)
    }

    /// The `count`-th working day strictly after the local date of `start` (count at least 1) and its closing instant.
    @inlinable @inline(__always)
    func workingDay(_ count: Int, after start: Int) -> (day: Int, closes: Int)? {
        guard let index = dayIndex(start) else { return nil }
        let found = Int(days[index &+ 1].firstPeriod) &+ (count &- 1)
        guard found < periodCount else { return nil }
        let period = periods[found]
        return (Int(period.day), period.closes)
    }
}
