import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// The public status page's words: each component's state, its last 90 days as a strip (an inline SVG with a
/// title per day and the counts in words beside it), this month's availability, outages and maintenance.
struct StatusPage: Encodable {
    struct Day: Encodable {
        var x: Int
        var style: String
        var title: String
    }

    struct Component: Encodable {
        var code: String
        var name: String
        var description: String
        var state: String
        var style: String
        var days: [Day]
        /// The strip in words, for those who cannot see it.
        var stripSummary: String
        var month: String
    }

    struct Entry: Encodable {
        var reference: String
        var title: String
        var when: String
        var summary: String
    }

    var title = "Service status"
    var overall: String
    var overallStyle: String
    var asOf: String
    var components: [Component]
    var outages: [Entry]
    var maintenance: [Entry]
    var stripWidth: Int

    static let dayWidth = 6

    init(_ status: PublicStatus) {
        let worst = status.components.map(\.state).min() ?? .operational
        overall =
            worst == .operational
            ? "Every component is working normally."
            : "Some components are affected: see below."
        overallStyle = Self.style(worst)
        asOf = PageFormat.londonTime(status.asOf)
        stripWidth = ServiceLevelService.statusDays * Self.dayWidth
        let names = Dictionary(
            status.components.map { ($0.component.code, $0.component.name) }, uniquingKeysWith: { first, _ in first })
        components = status.components.map { item in
            let counts = Dictionary(grouping: item.days, by: \.worst).mapValues(\.count)
            let words = ComponentState.allCases.compactMap { state in
                counts[state].map { "\($0) \($0 == 1 ? "day" : "days") \(state.label.lowercased())" }
            }
            let measure = item.month
            return Component(
                code: item.component.code, name: item.component.name, description: item.component.description,
                state: item.state.label, style: Self.style(item.state),
                days: item.days.enumerated().map { index, day in
                    Day(
                        x: index * Self.dayWidth, style: Self.style(day.worst),
                        title: "\(PageFormat.longDate(day.date)): \(day.worst.label)"
                            + (day.downMinutes > 0 ? ", \(day.downMinutes) minutes down" : ""))
                },
                stripSummary: "The last \(item.days.count) days: " + words.joined(separator: ", ") + ".",
                month: String(format: "%.3f %%", measure.percent) + " available in business support hours in "
                    + "\(measure.month) so far (\(measure.downtimeSeconds / 60) of \(measure.allowanceSeconds / 60) "
                    + "minutes' allowance used)")
        }
        outages = status.outages.map { outage in
            let name = names[outage.component] ?? outage.component
            return Entry(
                reference: outage.reference,
                title:
                    "\(name): \(outage.endedAt == nil ? (outage.impact == .down ? "outage" : "degraded") : "recovered")",
                when: "From \(PageFormat.londonTime(outage.startedAt))"
                    + (outage.endedAt.map { " to \(PageFormat.londonTime($0))" } ?? ", still going on"),
                summary: outage.publicSummary)
        }
        maintenance = status.maintenance.map { window in
            Entry(
                reference: window.reference,
                title: "Planned maintenance: " + window.components.map { names[$0] ?? $0 }.joined(separator: ", "),
                when: "\(PageFormat.londonTime(window.startsAt)) to \(PageFormat.londonTime(window.endsAt))",
                summary: window.summary)
        }
    }

    static func style(_ state: ComponentState) -> String {
        switch state {
        case .outage: "state-outage"
        case .degraded: "state-degraded"
        case .maintenance: "state-maintenance"
        case .operational: "state-operational"
        }
    }
}
