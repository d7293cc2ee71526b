import Foundation

/// A warning to service managers that a month's downtime allowance is going: at 50, 75 and 100 % of it, and
/// sooner when downtime is burning it fast enough to run out early (multi-window burn-rate alerting, as in the
/// Site Reliability Workbook, measured in business support time).
public struct DowntimeBudgetAlert: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// This share of the allowance is used (0.5, 0.75 or 1).
        case used(Double)
        /// Downtime is burning the allowance at the policy's rate in both its windows.
        case burning(BurnRatePolicy)
    }

    public var month: ReportingMonth
    public var kind: Kind

    /// Stable for the month and the kind, so each warning is sent once: `2026-12 used-75`, `2026-12 burn-fast`.
    public var key: String {
        switch kind {
        case .used(let share): "\(month) used-\(Int((share * 100).rounded()))"
        case .burning(let policy): "\(month) burn-\(policy.name)"
        }
    }

    /// The warning in words.
    public var headline: String {
        switch kind {
        case .used(let share) where share >= 1: "The downtime allowance for \(month) is used up"
        case .used(let share): "\(Int((share * 100).rounded())) % of the downtime allowance for \(month) is used"
        case .burning(let policy):
            "Downtime is using the allowance for \(month) fast: \(policy.describe) of it went in the last "
                + policy.longWindowWords
        }
    }

    /// The shares of the allowance that warn.
    public static let thresholds: [Double] = [0.5, 0.75, 1]

    /// Every warning a month's measure gives at `now`: the thresholds reached, and the burn-rate policies whose
    /// long and short windows (in business time ending at `now`) both burn at their rate. The burn rate of a
    /// window is its share of downtime over the share the allowance gives the month (`allowance / business
    /// time`); a policy burns when spending `budgetShare` of the allowance within its long window.
    public static func alerts(
        for measure: AvailabilityMeasure, downtime: [DateInterval], calendar: BusinessCalendar, now: Date,
        policies: [BurnRatePolicy] = BurnRatePolicy.standard
    ) -> [DowntimeBudgetAlert] {
        var alerts = thresholds.filter { measure.budgetUsed >= $0 }.map {
            DowntimeBudgetAlert(month: measure.month, kind: .used($0))
        }
        guard measure.allowanceSeconds > 0, measure.monthBusinessSeconds > 0, measure.budgetUsed < 1 else {
            return alerts
        }
        let allowedRate = Double(measure.allowanceSeconds) / Double(measure.monthBusinessSeconds)
        func burnRate(_ windowSeconds: Int) -> Double {
            let start = calendar.start(ofBusinessSeconds: windowSeconds, endingAt: now)
            let window = DateInterval(start: start, end: max(start, now))
            let business = calendar.elapsed(from: window.start, to: window.end)
            guard business > 0 else { return 0 }
            let down = downtime.reduce(0) { total, interval in
                guard let clipped = interval.intersection(with: window) else { return total }
                return total + calendar.elapsed(from: clipped.start, to: clipped.end)
            }
            return Double(down) / Double(business) / allowedRate
        }
        for policy in policies {
            let rate = policy.budgetShare * Double(measure.monthBusinessSeconds) / Double(policy.longWindowSeconds)
            if burnRate(policy.longWindowSeconds) >= rate, burnRate(policy.shortWindowSeconds) >= rate {
                alerts.append(DowntimeBudgetAlert(month: measure.month, kind: .burning(policy)))
            }
        }
        return alerts
    }
}

/// A burn-rate alert: spending `budgetShare` of the month's allowance within `longWindowSeconds` of business
/// time, confirmed by a short window (a twelfth of the long one) so it stops soon after the downtime does.
public struct BurnRatePolicy: Hashable, Sendable {
    public var name: String
    public var budgetShare: Double
    public var longWindowSeconds: Int
    public var shortWindowSeconds: Int

    public init(name: String, budgetShare: Double, longWindowSeconds: Int, shortWindowSeconds: Int) {
        self.name = name
        self.budgetShare = budgetShare
        self.longWindowSeconds = longWindowSeconds
        self.shortWindowSeconds = shortWindowSeconds
    }

    /// The workbook's three: 2 % in an hour (5-minute check), 5 % in six hours (30 minutes), 10 % in three
    /// working days of office hours (six hours).
    public static let standard = [
        BurnRatePolicy(name: "fast", budgetShare: 0.02, longWindowSeconds: 3_600, shortWindowSeconds: 300),
        BurnRatePolicy(name: "medium", budgetShare: 0.05, longWindowSeconds: 6 * 3_600, shortWindowSeconds: 1_800),
        BurnRatePolicy(name: "slow", budgetShare: 0.10, longWindowSeconds: 30 * 3_600, shortWindowSeconds: 6 * 3_600),
    ]

    var describe: String { "\(Int((budgetShare * 100).rounded())) %" }

    var longWindowWords: String {
        let hours = longWindowSeconds / 3_600
        return hours == 1 ? "business hour" : "\(hours) business hours"
    }
}
