import Foundation

/// The state of an SLA clock at one instant, under one calendar.
///
/// The rules: elapsed counts business seconds only while running (never while paused, never after the stop);
/// remaining is `target − elapsed` and goes negative when over; the due instant is when the target is used up.
/// While paused before the target is used up the due is not fixed, so ``due`` is `nil` and ``projectedDue`` says when
/// it would be if the clock resumed at the evaluation instant. A clock stopped while running keeps the due it had.
public struct SLAStatus: Sendable, Hashable {
    /// The instant evaluated.
    public let evaluatedAt: Date
    /// Where the clock stands.
    public let state: SLAState
    /// Whether the clock is paused now (a breached clock can be paused too).
    public let isPaused: Bool
    /// The current target, in business seconds (0 before the clock starts).
    public let targetSeconds: Int
    /// Business seconds counted so far.
    public let elapsedSeconds: Int
    /// The due instant; `nil` before the start and while paused before the target is used up.
    public let due: Date?
    /// ``due``, or while paused the due if the clock were resumed at ``evaluatedAt``.
    public let projectedDue: Date?
    /// Each warning threshold and whether it has been crossed.
    public let warnings: [SLAWarning]

    /// Creates a status.
    public init(
        evaluatedAt: Date, state: SLAState, isPaused: Bool, targetSeconds: Int, elapsedSeconds: Int, due: Date?,
        projectedDue: Date?, warnings: [SLAWarning]
    ) {
        self.evaluatedAt = evaluatedAt
        self.state = state
        self.isPaused = isPaused
        self.targetSeconds = targetSeconds
        self.elapsedSeconds = elapsedSeconds
        self.due = due
        self.projectedDue = projectedDue
        self.warnings = warnings
    }

    /// Business seconds left: `target − elapsed`, negative when over the target.
    public var remainingSeconds: Int { targetSeconds - elapsedSeconds }

    /// Business seconds beyond the target, or 0.
    public var overdueSeconds: Int { max(0, elapsedSeconds - targetSeconds) }

    /// The share of the target used: `elapsed / target` (0 before the start).
    public var shareUsed: Double {
        targetSeconds > 0 ? Double(elapsedSeconds) / Double(targetSeconds) : 0
    }

    /// The thresholds crossed so far, in the order they were configured.
    public var crossedWarningThresholds: [Double] {
        warnings.filter(\.isCrossed).map(\.threshold)
    }
}
