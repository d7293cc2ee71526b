import Foundation

/// When to try a failed delivery again: exponential backoff with full jitter, then give up.
///
/// Attempt `n` (counting from 1) that fails is followed, if `n < maxAttempts`, by a wait drawn uniformly
/// from `0…min(cap, base × 2^(n−1))`; after the last attempt the message becomes a dead letter. Jitter
/// spreads retries from many servers so a recovering receiver is not hit by all of them at once.
public struct RetryPolicy: Sendable, Hashable {
    public var maxAttempts: Int
    /// The first wait's upper bound, in seconds.
    public var base: TimeInterval
    /// The largest wait, in seconds.
    public var cap: TimeInterval

    /// Eight attempts over roughly three hours: waits of up to 30 s, 1, 2, 4, 8, 16, 32 and 60 minutes.
    public static let standard = RetryPolicy(maxAttempts: 8, base: 30, cap: 3_600)

    public init(maxAttempts: Int, base: TimeInterval, cap: TimeInterval) {
        self.maxAttempts = maxAttempts
        self.base = base
        self.cap = cap
    }

    /// The wait after failed attempt `attempt` (from 1), with `random` drawn uniformly from 0..<1; `nil` when
    /// that was the last attempt.
    public func wait(afterAttempt attempt: Int, random: Double) -> TimeInterval? {
        guard attempt < maxAttempts else { return nil }
        let ceiling = min(cap, base * pow(2, Double(max(0, attempt - 1))))
        return ceiling * min(max(random, 0), 1)
    }
}
