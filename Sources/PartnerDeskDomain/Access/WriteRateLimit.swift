import Foundation

/// How many writes a partner organisation may make through the API: `limit` a `window`, as a token bucket
/// that holds `limit` and refills evenly over the window, so a burst of up to `limit` is allowed and the
/// sustained rate is `limit` a window.
public struct WriteRateLimit: Sendable, Hashable {
    public var limit: Int
    public var window: TimeInterval

    public init(limit: Int, window: TimeInterval = 60) {
        self.limit = limit
        self.window = window
    }

    /// One organisation's bucket.
    public struct Bucket: Sendable, Hashable {
        var tokens: Double
        var updated: Date

        public init(full policy: WriteRateLimit, at now: Date) {
            tokens = Double(policy.limit)
            updated = now
        }
    }

    /// The answer to one write.
    public struct Decision: Sendable, Hashable {
        public var allowed: Bool
        /// Writes left in the bucket after this one.
        public var remaining: Int
        /// Seconds until the bucket is full again.
        public var resetSeconds: Int
        /// When refused, seconds until the next write is allowed.
        public var retryAfterSeconds: Int
    }

    /// Takes one write from the bucket, refilled for the time since it was last used.
    public func take(from bucket: inout Bucket, at now: Date) -> Decision {
        let rate = Double(limit) / window
        let elapsed = max(0, now.timeIntervalSince(bucket.updated))
        bucket.tokens = min(Double(limit), bucket.tokens + elapsed * rate)
        bucket.updated = now
        let allowed = bucket.tokens >= 1
        if allowed { bucket.tokens -= 1 }
        let missing = Double(limit) - bucket.tokens
        return Decision(
            allowed: allowed, remaining: Int(bucket.tokens.rounded(.down)),
            resetSeconds: Int((missing / rate).rounded(.up)),
            retryAfterSeconds: allowed ? 0 : max(1, Int(((1 - bucket.tokens) / rate).rounded(.up))))
    }
}
