import Foundation

/// Works out, for one local day, its bounds in UTC, its regular hours and the hours actually open.
///
/// This is the single place where weekly hours, bank holidays, closures and the zone meet; the fast tables and
/// the explanations are both built from it, so they always agree.
struct DayPlanner: Sendable {
    let zone: ZoneConverter
    let weeklyHours: WeeklyHours
    let holidays: BankHolidayCalendar
    let closuresByDay: [Int: [BusinessClosure]]

    init(zone: ZoneConverter, weeklyHours: WeeklyHours, holidays: BankHolidayCalendar, closures: [BusinessClosure]) {
        self.zone = zone
        self.weeklyHours = weeklyHours
        self.holidays = holidays
        self.closuresByDay = Dictionary(grouping: closures, by: \.date.daysSince1970)
    }

    /// Why some of a day's regular hours are not open.
    enum Loss: Equatable {
        case none
        case holiday
        case closure
    }

    /// One local day, in UTC seconds.
    struct Plan {
        let day: Int
        let start: Int
        let end: Int
        /// The regular hours of the weekday, if it has any.
        let regular: Range<Int>?
        /// The hours actually open after holidays and closures; `nil` when the day is not a working day.
        let open: Range<Int>?
        /// What took the difference between `regular` and `open`.
        let loss: Loss
    }

    /// Remembers one year's holiday days while a run of days is planned.
    struct HolidayCache {
        var year = Int.min
        var days: Set<Int> = []
    }

    /// The regular and the open hours of a local day, in seconds after local midnight, and what made them differ.
    func localHours(day: Int, holidayCache: inout HolidayCache) -> (regular: DailyHours?, open: DailyHours?, loss: Loss)
    {
        guard let regular = weeklyHours[Weekday(daysSince1970: day)] else { return (nil, nil, .none) }
        let year = CivilCalendar.civil(fromDays: day).year
        if holidayCache.year != year {
            holidayCache.year = year
            holidayCache.days = Set(holidays.holidays(in: year).map(\.date.daysSince1970))
        }
        if holidayCache.days.contains(day) { return (regular, nil, .holiday) }
        guard let closures = closuresByDay[day] else { return (regular, regular, .none) }
        var hours: DailyHours? = regular
        for closure in closures {
            guard let current = hours else { break }
            switch closure.remaining(of: current) {
            case .open(let remaining): hours = remaining
            case .closed: hours = nil
            case .split: continue  // refused when the calendar is built
            }
        }
        return (regular, hours, hours == regular ? .none : .closure)
    }

    /// The plan of one local day; `knownStart` saves recomputing the day's start when the caller has it.
    ///
    /// When the zone's offset is the same at both ends of the day (every day but the few with a clock change), local
    /// times convert by subtracting that offset, which saves most of the calls into Foundation.
    func plan(day: Int, holidayCache: inout HolidayCache, knownStart: Int? = nil) -> Plan {
        let start = knownStart ?? zone.instant(day: day, secondsOfDay: 0)
        let offset = zone.offset(at: start)
        let steadyEnd = (day + 1) * CivilCalendar.secondsPerDay - offset
        let steady = start == day * CivilCalendar.secondsPerDay - offset && zone.offset(at: steadyEnd) == offset
        func instant(_ secondsOfDay: Int) -> Int {
            steady
                ? day * CivilCalendar.secondsPerDay + secondsOfDay - offset
                : zone.instant(day: day, secondsOfDay: secondsOfDay)
        }
        func range(_ hours: DailyHours?) -> Range<Int>? {
            guard let hours else { return nil }
            let opens = instant(hours.opens)
            let closes = instant(hours.closes)
            return opens < closes ? opens..<closes : nil
        }
        let end = steady ? steadyEnd : zone.instant(day: day + 1, secondsOfDay: 0)
        let local = localHours(day: day, holidayCache: &holidayCache)
        return Plan(
            day: day, start: start, end: end, regular: range(local.regular), open: range(local.open), loss: local.loss)
    }
}
