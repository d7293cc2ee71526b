import Foundation

/// One warning threshold of an SLA clock, such as "half of the target used".
///
/// The rule: a threshold `θ` is crossed once elapsed business seconds reach `ceil(θ × target)`.
public struct SLAWarning: Sendable, Hashable {
    /// The share of the target, for example 0.75.
    public let threshold: Double
    /// The business seconds at which the threshold is crossed.
    public let thresholdSeconds: Int
    /// Whether elapsed business seconds have reached it.
    public let isCrossed: Bool
    /// When it was crossed, or when it will be if the clock keeps running; `nil` while paused or stopped before it.
    public let reachedAt: Date?

    /// Creates a warning.
    public init(threshold: Double, thresholdSeconds: Int, isCrossed: Bool, reachedAt: Date?) {
        self.threshold = threshold
        self.thresholdSeconds = thresholdSeconds
        self.isCrossed = isCrossed
        self.reachedAt = reachedAt
    }
}
