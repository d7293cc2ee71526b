import Foundation

/// How often the platform checks in with a partner during its early-live period: one cadence for the first
/// weeks, another after them (for example every working day for two weeks, then weekly).
public struct CheckInPlan: Hashable, Sendable, Codable {
    public enum Cadence: String, CaseIterable, Hashable, Sendable, Codable {
        case daily = "daily"
        case weekly = "weekly"
        case fortnightly = "fortnightly"
        case monthly = "monthly"

        public var label: String {
            switch self {
            case .daily: "every working day"
            case .weekly: "weekly"
            case .fortnightly: "fortnightly"
            case .monthly: "every four weeks"
            }
        }

        /// Days between check-ins; 1 means every working day.
        var days: Int {
            switch self {
            case .daily: 1
            case .weekly: 7
            case .fortnightly: 14
            case .monthly: 28
            }
        }
    }

    /// The most weeks the first cadence may run for.
    public static let maximumFirstWeeks = 26

    public var first: Cadence
    /// How long the first cadence runs, in weeks (0 when the plan has one cadence throughout).
    public var firstWeeks: Int
    public var then: Cadence

    public init(first: Cadence, firstWeeks: Int, then: Cadence) {
        self.first = first
        self.firstWeeks = firstWeeks
        self.then = then
    }

    /// The plan in words: "Every working day for 2 weeks, then weekly".
    public var summary: String {
        guard firstWeeks > 0, first != then else { return then.label.prefix(1).uppercased() + then.label.dropFirst() }
        let weeks = firstWeeks == 1 ? "1 week" : "\(firstWeeks) weeks"
        return first.label.prefix(1).uppercased() + first.label.dropFirst() + " for \(weeks), then \(then.label)"
    }

    /// The check-in days from `start` to `end` (both included): in the first weeks every working day, or every
    /// so many days from the start; after them every so many days from the end of the first weeks. A day that
    /// is not a working day moves to the next working day.
    public func days(from start: LocalDate, through end: LocalDate, isWorkingDay: (LocalDate) -> Bool) -> [LocalDate] {
        guard start <= end else { return [] }
        var days: [LocalDate] = []
        let change = start.adding(days: firstWeeks * 7)
        func phase(_ cadence: Cadence, from: LocalDate, before: LocalDate) {
            var day = from
            while day < before, day <= end {
                var held = day
                while !isWorkingDay(held), day.days(until: held) < 14 { held = held.adding(days: 1) }
                if cadence == .daily {
                    if isWorkingDay(day) { days.append(day) }
                } else if held <= end, days.last.map({ $0 < held }) ?? true {
                    days.append(held)
                }
                day = day.adding(days: cadence.days)
            }
        }
        phase(first, from: start, before: change)
        phase(then, from: change, before: end.adding(days: 1))
        return days
    }
}
