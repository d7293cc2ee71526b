import Foundation

/// Converts between UTC seconds and local wall-clock seconds of one explicit zone.
///
/// Used only while building tables and on slow paths. Local wall seconds count as if the local clock were UTC.
/// A local time that does not exist (the hour skipped when clocks go forward) maps to the instant the clocks change,
/// the first moment after the gap; a local time that happens twice (clocks going back) maps to its first
/// occurrence. Both keep the mapping non-decreasing, so a day's hours never come out reversed.
struct ZoneConverter: Sendable {
    let timeZone: TimeZone

    /// The zone's offset from UTC, in seconds, at a UTC instant.
    func offset(at instant: Int) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant)))
    }

    /// The local day (days since 1970-01-01) that contains a UTC instant.
    func localDay(of instant: Int) -> Int {
        CivilCalendar.floorDivide(instant + offset(at: instant), CivilCalendar.secondsPerDay)
    }

    /// The UTC instant of a local wall-clock reading, given as seconds since local 1970-01-01 00:00.
    func instant(ofLocal wall: Int) -> Int {
        let before = offset(at: wall - CivilCalendar.secondsPerDay)
        let after = offset(at: wall + CivilCalendar.secondsPerDay)
        let early = wall - before
        let late = wall - after
        let earlyValid = offset(at: early) == before
        let lateValid = offset(at: late) == after
        switch (earlyValid, lateValid) {
        case (true, true): return min(early, late)
        case (true, false): return early
        case (false, true): return late
        case (false, false): return changeInstant(after: late, atOrBefore: early, to: after)
        }
    }

    /// The first instant in `(low, high]` whose offset is `target`, found by bisection.
    private func changeInstant(after low: Int, atOrBefore high: Int, to target: Int) -> Int {
        var low = low
        var high = high
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if offset(at: middle) == target { high = middle } else { low = middle }
        }
        return high
    }

    /// The UTC instant of a time of day (seconds after local midnight, up to 86400) on a local day.
    func instant(day: Int, secondsOfDay: Int) -> Int {
        instant(ofLocal: day * CivilCalendar.secondsPerDay + secondsOfDay)
    }
}
