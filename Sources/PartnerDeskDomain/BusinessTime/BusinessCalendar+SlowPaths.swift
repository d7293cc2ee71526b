/// Exact answers for instants the precomputed tables do not cover.
///
/// Each builds a temporary table around the question (growing it until the answer fits) and asks it the same
/// question, so the fast and slow paths share one algorithm and cannot disagree.
extension BusinessCalendar {
    /// A table of the local days from two days before `instant` to `daysAfter` days after it.
    func coveringTable(around instant: Int, daysAfter: Int) -> BusinessTimeTable {
        let day = planner.zone.localDay(of: instant)
        return BusinessTimeTable(planner: planner, firstDay: day - 2, lastDay: day + daysAfter)
    }

    /// Calls `answer` with ever larger tables until it gives an answer.
    private func grow<T>(around instant: Int, startingWith days: Int, _ answer: (BusinessTimeTable) -> T?) -> T {
        var span = max(days, 7)
        while true {
            if let found = answer(coveringTable(around: instant, daysAfter: span)) { return found }
            precondition(span < 4_000_000, "The calendar has no opening hours in the next ten thousand years.")
            span *= 2
        }
    }

    @usableFromInline
    func slowIsOpen(_ instant: Int) -> Bool {
        coveringTable(around: instant, daysAfter: 2).isOpen(instant)!
    }

    @usableFromInline
    func slowNextOpening(_ instant: Int) -> Int {
        grow(around: instant, startingWith: 31) { $0.nextOpening(atOrAfter: instant) }
    }

    @usableFromInline
    func slowDue(_ start: Int, _ seconds: Int) -> Int {
        let weeks = seconds / max(weeklySeconds, 1) + 1
        return grow(around: start, startingWith: weeks * 9 + 21) { $0.due(from: start, seconds: seconds) }
    }

    @usableFromInline
    func slowWorkingDay(_ count: Int, after start: Int) -> (day: Int, closes: Int) {
        let openDays = max(weeklyHours.openDays.count, 1)
        return grow(around: start, startingWith: count * 9 / openDays + 31) { $0.workingDay(count, after: start) }
    }

    /// Sums positions chunk by chunk so that a long span never needs one huge table.
    @usableFromInline
    func slowElapsed(_ from: Int, _ to: Int) -> Int {
        var total = 0
        var cursor = from
        while true {
            let days = (to - cursor) / CivilCalendar.secondsPerDay + 3
            let chunk = coveringTable(around: cursor, daysAfter: min(days, 4000))
            let limit = chunk.days[chunk.dayCount - 1].start
            if to <= limit { return total + chunk.position(to)! - chunk.position(cursor)! }
            total += chunk.position(limit)! - chunk.position(cursor)!
            cursor = limit
        }
    }
}
