import Foundation

/// Business support time: the hours a service desk counts towards resolution targets.
///
/// A calendar is data: a zone (with its clock changes), regular hours per weekday (half-open, `[opens, closes)`),
/// a division's bank holidays and extra closures. The Silver calendar, ``ukOfficeHours``, is Monday to Friday
/// 08:00–18:00 in Europe/London, closed on England and Wales bank holidays. All inputs and outputs are UTC instants;
/// a `Date` with a fractional second counts as the whole second it falls in (see ``EpochSeconds``).
///
/// The rules, pinned by tests:
/// - ``elapsed(from:to:)`` is the number of business seconds in `[from, to)`, or 0 when `to <= from`.
/// - ``due(from:businessSeconds:)`` is the earliest instant `t >= start` with exactly that many business seconds in
///   `[start, t)`. A start outside hours counts from the next opening; a target used up exactly at closing time is
///   due at the closing time, not at the next opening; zero seconds is due at `start` itself.
/// - ``addWorkingDays(_:to:)`` is the N-th working day strictly after the start's local date, due at its closing time.
/// - ``nextOpening(atOrAfter:)`` is the instant itself when open.
///
/// Answers come from tables built once for ``tableYears`` (copies share them); instants outside those years are
/// answered exactly by building a temporary table, which is slower.
///
/// ```swift
/// let calendar = BusinessCalendar.ukOfficeHours
/// let opened = ISO8601Instant.date(from: "2026-11-20T16:00:00Z")!        // a Friday
/// calendar.due(from: opened, businessSeconds: 4 * 3600)                 // Monday 2026-11-23 10:00 UTC
/// calendar.addWorkingDays(30, to: opened).date                          // 2027-01-06
/// ```
public struct BusinessCalendar: Sendable, Equatable {
    /// The zone whose local clock the hours are read on.
    public let timeZone: TimeZone
    /// The regular hours of each weekday.
    public let weeklyHours: WeeklyHours
    /// The bank holidays that close the business.
    public let holidays: BankHolidayCalendar
    /// Extra whole-day or part-day closures.
    public let closures: [BusinessClosure]
    /// The years whose answers are precomputed.
    public let tableYears: ClosedRange<Int>

    let planner: DayPlanner
    @usableFromInline let table: BusinessTimeTable
    /// Regular business seconds in a week without holidays, used to size temporary tables.
    let weeklySeconds: Int

    /// The largest target ``due(from:businessSeconds:)`` accepts (about a thousand years of office hours).
    @inlinable public static var maximumBusinessSeconds: Int { 10_000_000_000 }
    /// The largest count ``addWorkingDays(_:to:)`` accepts.
    @inlinable public static var maximumWorkingDays: Int { 100_000 }
    /// The years precomputed unless a calendar asks for others.
    public static let defaultTableYears = 1990...2100

    /// Creates a calendar and builds its tables.
    ///
    /// Throws when no weekday has hours, when `tableYears` is outside 1...9999 or longer than 1,000 years, or when a
    /// closure would cut a piece out of the middle of a day's hours.
    public init(
        timeZone: TimeZone,
        weeklyHours: WeeklyHours,
        holidays: BankHolidayCalendar,
        closures: [BusinessClosure] = [],
        tableYears: ClosedRange<Int> = BusinessCalendar.defaultTableYears
    ) throws(BusinessCalendarError) {
        guard !weeklyHours.isAlwaysClosed else { throw .noOpeningHours }
        guard tableYears.lowerBound >= 1, tableYears.upperBound <= 9999, tableYears.count <= 1000 else {
            throw .invalidTableYears(tableYears)
        }
        if let closure = BusinessCalendarSpec.splittingClosures(closures, weeklyHours: weeklyHours).first {
            throw .closureSplitsDay(closure)
        }
        self.timeZone = timeZone
        self.weeklyHours = weeklyHours
        self.holidays = holidays
        self.closures = closures
        self.tableYears = tableYears
        self.weeklySeconds = Weekday.allCases.reduce(0) { $0 + (weeklyHours[$1]?.length ?? 0) }
        let planner = DayPlanner(
            zone: ZoneConverter(timeZone: timeZone), weeklyHours: weeklyHours, holidays: holidays, closures: closures)
        self.planner = planner
        self.table = BusinessTimeTable(
            planner: planner,
            firstDay: CivilCalendar.days(year: tableYears.lowerBound, month: 1, day: 1),
            lastDay: CivilCalendar.days(year: tableYears.upperBound, month: 12, day: 31))
    }

    /// Creates a calendar from plain settings, with the given holidays imported for the spec's division.
    public init(
        spec: BusinessCalendarSpec,
        importedHolidays: [BankHoliday] = [],
        tableYears: ClosedRange<Int> = BusinessCalendar.defaultTableYears
    ) throws(BusinessCalendarError) {
        guard let zone = TimeZone(identifier: spec.timeZoneIdentifier) else {
            throw .unknownTimeZone(spec.timeZoneIdentifier)
        }
        try self.init(
            timeZone: zone,
            weeklyHours: spec.weeklyHours,
            holidays: BankHolidayCalendar(division: spec.division, imported: importedHolidays),
            closures: spec.closures,
            tableYears: tableYears)
    }

    /// The Silver business support calendar: Monday–Friday 08:00–18:00 Europe/London, England and Wales holidays.
    public static let ukOfficeHours = try! BusinessCalendar(spec: .ukOfficeHours)

    /// The settings this calendar was built from, as plain data.
    public var spec: BusinessCalendarSpec {
        BusinessCalendarSpec(
            timeZoneIdentifier: timeZone.identifier, division: holidays.division, weeklyHours: weeklyHours,
            closures: closures)
    }

    /// Two calendars are equal when their settings are; the tables follow from the settings.
    public static func == (lhs: BusinessCalendar, rhs: BusinessCalendar) -> Bool {
        lhs.timeZone.identifier == rhs.timeZone.identifier && lhs.weeklyHours == rhs.weeklyHours
            && lhs.holidays == rhs.holidays && lhs.closures == rhs.closures && lhs.tableYears == rhs.tableYears
    }

    // MARK: - Whole seconds

    /// Whether the business is open at a UTC second: inside the hours of a working day.
    @inlinable @inline(__always)
    public func isOpen(epochSeconds instant: Int) -> Bool {
        table.isOpen(instant) ?? slowIsOpen(instant)
    }

    /// The instant itself when open, else the next opening instant, in UTC seconds.
    @inlinable @inline(__always)
    public func nextOpening(atOrAfterEpochSeconds instant: Int) -> Int {
        table.nextOpening(atOrAfter: instant) ?? slowNextOpening(instant)
    }

    /// The earliest UTC second `t >= start` with exactly `businessSeconds` business seconds in `[start, t)`.
    ///
    /// `businessSeconds` must lie in `0...maximumBusinessSeconds`; zero returns `start`.
    @inlinable @inline(__always)
    public func due(fromEpochSeconds start: Int, businessSeconds: Int) -> Int {
        precondition(
            businessSeconds >= 0 && businessSeconds <= BusinessCalendar.maximumBusinessSeconds,
            "businessSeconds must lie in 0...maximumBusinessSeconds")
        if businessSeconds == 0 { return start }
        return table.due(from: start, seconds: businessSeconds) ?? slowDue(start, businessSeconds)
    }

    /// Business seconds in `[from, to)`, or 0 when `to <= from`.
    @inlinable @inline(__always)
    public func elapsed(fromEpochSeconds from: Int, toEpochSeconds to: Int) -> Int {
        guard to > from else { return 0 }
        if let end = table.position(to), let begin = table.position(from) { return end - begin }
        return slowElapsed(from, to)
    }

    /// The `count`-th working day strictly after the local date of `start`, due at its closing time.
    ///
    /// `count` must lie in `1...maximumWorkingDays`.
    @inlinable @inline(__always)
    public func addWorkingDays(_ count: Int, toEpochSeconds start: Int) -> WorkingDayDue {
        precondition(
            count >= 1 && count <= BusinessCalendar.maximumWorkingDays, "count must lie in 1...maximumWorkingDays")
        let found = table.workingDay(count, after: start) ?? slowWorkingDay(count, after: start)
        return WorkingDayDue(date: LocalDate(daysSince1970: found.day), dueEpochSeconds: found.closes)
    }

    /// The local date containing a UTC second.
    public func localDate(ofEpochSeconds instant: Int) -> LocalDate {
        if let index = table.dayIndex(instant) { return LocalDate(daysSince1970: table.firstDay + index) }
        let around = coveringTable(around: instant, daysAfter: 2)
        return LocalDate(daysSince1970: around.firstDay + around.dayIndex(instant)!)
    }

    // MARK: - Dates

    /// Whether the business is open at an instant.
    @inlinable @inline(__always)
    public func isOpen(_ instant: Date) -> Bool {
        isOpen(epochSeconds: EpochSeconds.of(instant))
    }

    /// The instant itself when open, else the next opening instant.
    @inlinable @inline(__always)
    public func nextOpening(atOrAfter instant: Date) -> Date {
        let whole = EpochSeconds.of(instant)
        let next = nextOpening(atOrAfterEpochSeconds: whole)
        return next == whole ? instant : EpochSeconds.date(next)
    }

    /// The earliest instant `t >= start` with exactly `businessSeconds` business seconds in `[start, t)`.
    ///
    /// Zero seconds returns `start` unchanged; otherwise a fractional start counts from the whole second it is in.
    @inlinable @inline(__always)
    public func due(from start: Date, businessSeconds: Int) -> Date {
        if businessSeconds == 0 { return start }
        return EpochSeconds.date(due(fromEpochSeconds: EpochSeconds.of(start), businessSeconds: businessSeconds))
    }

    /// Business seconds in `[from, to)`, or 0 when `to <= from`.
    @inlinable @inline(__always)
    public func elapsed(from: Date, to: Date) -> Int {
        elapsed(fromEpochSeconds: EpochSeconds.of(from), toEpochSeconds: EpochSeconds.of(to))
    }

    /// The `count`-th working day strictly after the local date of `start`, due at 18:00 local (its closing time).
    @inlinable @inline(__always)
    public func addWorkingDays(_ count: Int, to start: Date) -> WorkingDayDue {
        addWorkingDays(count, toEpochSeconds: EpochSeconds.of(start))
    }

    /// The local date of an instant in the calendar's zone.
    public func localDate(of instant: Date) -> LocalDate {
        localDate(ofEpochSeconds: EpochSeconds.of(instant))
    }

    // MARK: - Days

    /// Whether a date has any business hours (not a closed weekday, bank holiday or whole-day closure).
    public func isWorkingDay(_ date: LocalDate) -> Bool {
        openingHours(on: date) != nil
    }

    /// The open period of a date in UTC, or `nil` when the date is not a working day.
    public func openingHours(on date: LocalDate) -> DateInterval? {
        var cache = DayPlanner.HolidayCache()
        guard let open = planner.plan(day: date.daysSince1970, holidayCache: &cache).open else { return nil }
        return DateInterval(start: EpochSeconds.date(open.lowerBound), end: EpochSeconds.date(open.upperBound))
    }
}
