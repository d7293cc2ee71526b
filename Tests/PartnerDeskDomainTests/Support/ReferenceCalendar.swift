import Foundation

/// A deliberately simple business calendar for checking the fast one: Foundation does every time conversion,
/// days are walked one by one and open/closed is decided from wall-clock components.
struct ReferenceCalendar {
    let calendar: Calendar
    let holidays: Set<String>
    /// Hours as (opening minute, closing minute) after midnight, by Foundation weekday (1 = Sunday ... 7 = Saturday).
    let hours: [Int: (opens: Int, closes: Int)]

    init(
        zone: TimeZone = TimeZone(identifier: "Europe/London")!, holidays: Set<String>,
        hours: [Int: (opens: Int, closes: Int)] = [
            2: (480, 1080), 3: (480, 1080), 4: (480, 1080), 5: (480, 1080), 6: (480, 1080),
        ]
    ) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        self.calendar = calendar
        self.holidays = holidays
        self.hours = hours
    }

    func weekday(_ day: Day) -> Int {
        let noon = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12))!
        return calendar.component(.weekday, from: noon)
    }

    func instant(_ day: Day, minute: Int) -> Int {
        let date =
            minute == 1440
            ? calendar.date(from: DateComponents(year: next(day).year, month: next(day).month, day: next(day).day))!
            : calendar.date(
                from: DateComponents(
                    year: day.year, month: day.month, day: day.day, hour: minute / 60, minute: minute % 60))!
        return Int(date.timeIntervalSince1970)
    }

    struct Day {
        let year: Int
        let month: Int
        let day: Int
        var text: String { String(format: "%04d-%02d-%02d", year, month, day) }
    }

    func day(of instant: Date) -> Day {
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    func next(_ day: Day) -> Day {
        let noon = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12))!
        return self.day(of: calendar.date(byAdding: .day, value: 1, to: noon)!)
    }

    func isWorkingDay(_ day: Day) -> Bool {
        hours[weekday(day)] != nil && !holidays.contains(day.text)
    }

    /// The open period of a day, or nil.
    func window(_ day: Day) -> (open: Int, close: Int)? {
        guard isWorkingDay(day), let today = hours[weekday(day)] else { return nil }
        return (instant(day, minute: today.opens), instant(day, minute: today.closes))
    }

    /// Open or closed from wall-clock components alone.
    func isOpen(_ instant: Int) -> Bool {
        let date = Date(timeIntervalSince1970: Double(instant))
        let parts = calendar.dateComponents([.hour, .minute, .second], from: date)
        let secondOfDay = parts.hour! * 3600 + parts.minute! * 60 + parts.second!
        let day = day(of: date)
        guard isWorkingDay(day), let today = hours[weekday(day)] else { return false }
        return secondOfDay >= today.opens * 60 && secondOfDay < today.closes * 60
    }

    /// Steps forward an hour at a time (no open period is shorter), then a second at a time.
    func nextOpening(_ instant: Int) -> Int {
        if isOpen(instant) { return instant }
        var low = instant
        while !isOpen(low + 3600) { low += 3600 }
        var probe = low + 1
        while !isOpen(probe) { probe += 1 }
        return probe
    }

    func due(_ start: Int, _ seconds: Int) -> Int {
        if seconds == 0 { return start }
        var remaining = seconds
        var day = self.day(of: Date(timeIntervalSince1970: Double(start)))
        while true {
            if let window = window(day), window.close > start {
                let from = max(start, window.open)
                if remaining <= window.close - from { return from + remaining }
                remaining -= window.close - from
            }
            day = next(day)
        }
    }

    func elapsed(_ from: Int, _ to: Int) -> Int {
        guard to > from else { return 0 }
        var total = 0
        var day = self.day(of: Date(timeIntervalSince1970: Double(from)))
        let last = self.day(of: Date(timeIntervalSince1970: Double(to)))
        while true {
            if let window = window(day) {
                total += max(0, min(window.close, to) - max(window.open, from))
            }
            if day.text == last.text { return total }
            day = next(day)
        }
    }

    func addWorkingDays(_ count: Int, _ start: Int) -> (date: String, due: Int) {
        var day = self.day(of: Date(timeIntervalSince1970: Double(start)))
        var found = 0
        while true {
            day = next(day)
            if let window = window(day) {
                found += 1
                if found == count { return (day.text, window.close) }
            }
        }
    }
}
