import Foundation

/// Limits failed sign-ins, per account and per client address: after `limit` failures within `window`,
/// further attempts are refused until the oldest of those failures leaves the window.
///
/// The throttle answers the same way whether or not the account exists, so it reveals nothing.
///
/// ```swift
/// let throttle = SignInThrottle()                    // 10 failures per 15 minutes
/// throttle.retryAfter(failures: recentFailures, now: now)   // nil, or seconds to wait
/// ```
public struct SignInThrottle: Hashable, Sendable {
    public var limit: Int
    /// Seconds.
    public var window: Int

    public init(limit: Int = 10, window: Int = 15 * 60) {
        self.limit = limit
        self.window = window
    }

    /// Seconds until another attempt is allowed, or `nil` when one is allowed now. `failures` are the
    /// instants of failed attempts for one key (account or address), in any order.
    public func retryAfter(failures: [Date], now: Date) -> Int? {
        let start = now.addingTimeInterval(-Double(window))
        let recent = failures.filter { $0 > start && $0 <= now }.sorted()
        guard recent.count >= limit else { return nil }
        let unlock = recent[recent.count - limit].addingTimeInterval(Double(window))
        return max(1, Int(unlock.timeIntervalSince(now).rounded(.up)))
    }
}
