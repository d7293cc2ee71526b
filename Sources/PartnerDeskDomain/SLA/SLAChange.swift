import Foundation

/// One thing that moved when an SLA clock was re-evaluated under a new calendar or target.
public enum SLAChange: Sendable, Hashable {
    /// The target changed, in business seconds.
    case target(from: Int, to: Int)
    /// The elapsed business seconds changed.
    case elapsed(from: Int, to: Int)
    /// The due instant moved (or appeared or vanished).
    case due(from: Date?, to: Date?)
    /// The state changed, for example from breached to running.
    case state(from: SLAState, to: SLAState)
    /// A warning threshold is now crossed that was not before.
    case warningCrossed(threshold: Double)
    /// A warning threshold is no longer crossed.
    case warningUncrossed(threshold: Double)
}
