import Foundation

/// When an accepted service request must be fulfilled: so many calendar months from the day it was accepted,
/// counted in the calendar's zone (accepted on 30 November with three months: due by the end of 28 February;
/// on 7 December: by the end of 7 March).
public struct ServiceRequestTarget: Hashable, Sendable, Codable {
    public var acceptedAt: Date
    /// The months allowed: the kind's target, capped at the tier's maximum.
    public var months: Int
    /// The last day the request may be fulfilled on.
    public var dueDate: LocalDate
    /// The end of that day in the calendar's zone: fulfilled after it is late.
    public var dueAt: Date

    public init(acceptedAt: Date, months: Int, calendar: BusinessCalendar) {
        self.acceptedAt = acceptedAt
        self.months = months
        let accepted = calendar.localDate(of: acceptedAt)
        let (year, month, day) = accepted.components
        let index = year * 12 + (month - 1) + months
        let (dueYear, dueMonth) = (index / 12, index % 12 + 1)
        dueDate = LocalDate(
            year: dueYear, month: dueMonth, day: min(day, LocalDate.daysInMonth(year: dueYear, month: dueMonth)))!
        dueAt = calendar.startOfDay(dueDate.adding(days: 1))
    }

    /// What the desk is warned of about an open request's target.
    public enum Warning: String, CaseIterable, Hashable, Sendable, Codable {
        /// A fortnight is left.
        case dueSoon = "due_soon"
        /// The last day has passed.
        case overdue = "overdue"

        public var label: String {
            switch self {
            case .dueSoon: "due within a fortnight"
            case .overdue: "overdue"
            }
        }
    }

    /// When a warning falls due.
    public func instant(of warning: Warning) -> Date {
        switch warning {
        case .dueSoon: dueAt.addingTimeInterval(-14 * 86_400)
        case .overdue: dueAt
        }
    }

    /// The next warning not yet sent, and when it falls due.
    public func nextWarning(sent: [Warning]) -> (warning: Warning, at: Date)? {
        Warning.allCases.first { !sent.contains($0) }.map { ($0, instant(of: $0)) }
    }
}
