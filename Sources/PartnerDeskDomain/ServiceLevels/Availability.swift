import Foundation

/// A month's availability in business support hours, for one partner or the whole service.
///
/// Availability is the business support time in the month, less the unplanned downtime inside business support
/// hours, over the business support time. Only a component being down counts (degraded time is shown beside
/// it); planned work counts only where it ran outside a window announced before it began. Overlapping outages
/// count once. For a month still running, the figures cover the month up to now.
///
/// ```swift
/// let measure = Availability.measure(
///     month: ReportingMonth("2026-12")!, tier: .silver, calendar: .ukOfficeHours,
///     outages: outages, maintenance: windows, partner: nil, now: now)
/// measure.percent            // 99.92
/// measure.budgetLeftSeconds  // 58 minutes less the downtime so far
/// ```
public struct AvailabilityMeasure: Hashable, Sendable {
    public var month: ReportingMonth
    /// Business support seconds in the whole month.
    public var monthBusinessSeconds: Int
    /// Business support seconds measured: the whole month once it is over, up to now before.
    public var measuredBusinessSeconds: Int
    /// Unplanned downtime (and maintenance overruns) inside business support hours.
    public var downtimeSeconds: Int
    /// Degraded time inside business support hours (not counted).
    public var degradedSeconds: Int
    /// Planned work inside announced windows, inside business support hours (not counted).
    public var excusedMaintenanceSeconds: Int
    /// The tier's availability target, in percent.
    public var targetPercent: Double
    /// The tier's downtime allowance for the month.
    public var allowanceSeconds: Int

    /// Availability in percent over the time measured (100 when none was).
    public var percent: Double {
        measuredBusinessSeconds == 0
            ? 100 : 100 * Double(measuredBusinessSeconds - downtimeSeconds) / Double(measuredBusinessSeconds)
    }

    public var meetsTarget: Bool { percent >= targetPercent }

    /// What is left of the allowance (negative once it is overspent).
    public var budgetLeftSeconds: Int { allowanceSeconds - downtimeSeconds }

    /// The share of the allowance used, 0 to 1 and beyond.
    public var budgetUsed: Double {
        allowanceSeconds == 0
            ? (downtimeSeconds == 0 ? 0 : .infinity) : Double(downtimeSeconds) / Double(allowanceSeconds)
    }
}

/// The rules of availability: which time counts as downtime, and how a month measures up.
public enum Availability {
    /// The counted downtime up to `now`, merged: `down` outages affecting `partner` (every outage when nil),
    /// less the announced windows of the maintenance they belong to.
    public static func downtime(
        outages: [Outage], maintenance: [MaintenanceWindow], partner: Partner.ID?, now: Date
    ) -> [DateInterval] {
        merge(spans(of: .down, outages: outages, maintenance: maintenance, partner: partner, now: now).counted)
    }

    /// A month's measure for `partner`, or for the whole service when nil.
    public static func measure(
        month: ReportingMonth, tier: ServiceLevelTier, calendar: BusinessCalendar, outages: [Outage],
        maintenance: [MaintenanceWindow], partner: Partner.ID?, now: Date
    ) -> AvailabilityMeasure {
        let period = calendar.interval(of: month)
        let measured = DateInterval(start: period.start, end: max(period.start, min(period.end, now)))
        let down = spans(of: .down, outages: outages, maintenance: maintenance, partner: partner, now: now)
        let degraded = spans(of: .degraded, outages: outages, maintenance: maintenance, partner: partner, now: now)
        func business(_ intervals: [DateInterval]) -> Int {
            merge(intervals).reduce(0) { total, interval in
                guard let clipped = interval.intersection(with: measured) else { return total }
                return total + calendar.elapsed(from: clipped.start, to: clipped.end)
            }
        }
        return AvailabilityMeasure(
            month: month, monthBusinessSeconds: calendar.elapsed(from: period.start, to: period.end),
            measuredBusinessSeconds: calendar.elapsed(from: measured.start, to: measured.end),
            downtimeSeconds: business(down.counted), degradedSeconds: business(degraded.counted + degraded.excused),
            excusedMaintenanceSeconds: business(down.excused), targetPercent: tier.availabilityTargetPercent,
            allowanceSeconds: tier.monthlyDowntimeAllowanceMinutes * 60)
    }

    /// The parts of the `impact` outages that count, and the parts excused by their announced windows.
    static func spans(
        of impact: OutageImpact, outages: [Outage], maintenance: [MaintenanceWindow], partner: Partner.ID?, now: Date
    ) -> (counted: [DateInterval], excused: [DateInterval]) {
        let windows = Dictionary(maintenance.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var counted: [DateInterval] = []
        var excused: [DateInterval] = []
        for outage in outages where outage.impact == impact && (partner.map(outage.affects) ?? true) {
            guard let span = outage.span(until: now) else { continue }
            guard let window = outage.maintenanceID.flatMap({ windows[$0] }), window.excusesDowntime else {
                counted.append(span)
                continue
            }
            counted += subtract(window.window, from: span)
            if let inside = span.intersection(with: window.window), inside.duration > 0 { excused.append(inside) }
        }
        return (counted, excused)
    }

    /// The parts of `interval` outside `hole`.
    static func subtract(_ hole: DateInterval, from interval: DateInterval) -> [DateInterval] {
        var parts: [DateInterval] = []
        if interval.start < hole.start {
            parts.append(DateInterval(start: interval.start, end: min(interval.end, hole.start)))
        }
        if interval.end > hole.end {
            parts.append(DateInterval(start: max(interval.start, hole.end), end: interval.end))
        }
        return parts.filter { $0.duration > 0 }
    }

    /// Overlapping or touching intervals joined, in order.
    static func merge(_ intervals: [DateInterval]) -> [DateInterval] {
        var merged: [DateInterval] = []
        for interval in intervals.sorted(by: { $0.start < $1.start }) {
            if let last = merged.last, interval.start <= last.end {
                merged[merged.count - 1] = DateInterval(start: last.start, end: max(last.end, interval.end))
            } else {
                merged.append(interval)
            }
        }
        return merged
    }
}
