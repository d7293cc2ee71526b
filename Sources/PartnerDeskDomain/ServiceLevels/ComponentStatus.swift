import Foundation

/// Where a component stands, worst first.
public enum ComponentState: String, CaseIterable, Hashable, Sendable, Comparable {
    case outage
    case degraded
    case maintenance
    case operational

    public var label: String {
        switch self {
        case .outage: "Outage"
        case .degraded: "Degraded"
        case .maintenance: "Under maintenance"
        case .operational: "Operational"
        }
    }

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// Worse states come first.
    public static func < (lhs: ComponentState, rhs: ComponentState) -> Bool { lhs.rank < rhs.rank }
}

/// A component's state now and day by day, for the status page.
public enum ComponentStatus {
    /// The state of `component` at `now`: an outage or degradation open on it, else announced maintenance under
    /// way, else operational. Work inside an announced window shows as maintenance.
    public static func state(
        of component: String, outages: [Outage], maintenance: [MaintenanceWindow], at now: Date
    ) -> ComponentState {
        let inWindow = maintenance.filter {
            $0.components.contains(component) && $0.announcedAt != nil && $0.window.contains(now) && now < $0.endsAt
        }
        var state = inWindow.isEmpty ? ComponentState.operational : .maintenance
        for outage in outages
        where outage.component == component && outage.span(until: now.addingTimeInterval(1))?.contains(now) == true {
            let planned = outage.maintenanceID.map { id in inWindow.contains { $0.id == id } } ?? false
            if planned { continue }
            state = min(state, outage.impact == .down ? .outage : .degraded)
        }
        return state
    }

    /// One day of the strip: the worst state seen that day and the minutes it was down (all day, not only
    /// business hours).
    public struct Day: Hashable, Sendable {
        public var date: LocalDate
        public var worst: ComponentState
        public var downMinutes: Int
    }

    /// The last `days` days up to `now`'s date on the calendar's clock, oldest first.
    public static func days(
        _ days: Int, of component: String, outages: [Outage], maintenance: [MaintenanceWindow],
        calendar: BusinessCalendar, now: Date
    ) -> [Day] {
        let today = calendar.localDate(of: now)
        let mine = outages.filter { $0.component == component }
        let down = Availability.spans(of: .down, outages: mine, maintenance: maintenance, partner: nil, now: now)
        let degraded = Availability.spans(
            of: .degraded, outages: mine, maintenance: maintenance, partner: nil, now: now)
        let windows = maintenance.filter { $0.components.contains(component) && $0.announcedAt != nil }.map(\.window)
        let states: [(ComponentState, [DateInterval])] = [
            (.outage, Availability.merge(down.counted)), (.degraded, degraded.counted),
            (.maintenance, windows + down.excused + degraded.excused),
        ]
        return (0..<max(0, days)).reversed().map { back in
            let date = today.adding(days: -back)
            let day = DateInterval(start: calendar.startOfDay(date), end: calendar.startOfDay(date.adding(days: 1)))
            func seconds(_ intervals: [DateInterval]) -> Double {
                intervals.reduce(0) { $0 + ($1.intersection(with: day)?.duration ?? 0) }
            }
            let worst = states.first { seconds($0.1) > 0 }?.0 ?? .operational
            return Day(date: date, worst: worst, downMinutes: Int((seconds(states[0].1) / 60).rounded(.up)))
        }
    }
}
