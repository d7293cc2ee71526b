import Foundation

/// The outcome of re-applying an SLA clock's ledger under a new calendar (and possibly new targets).
///
/// The rule: ``changes`` lists, in a fixed order (target, elapsed, due, state, warnings), exactly the figures that
/// differ between ``before`` and ``after``; an empty list means nothing moved.
public struct SLAReplay: Sendable, Hashable {
    /// The status under the old calendar and targets.
    public let before: SLAStatus
    /// The status under the new calendar and targets.
    public let after: SLAStatus
    /// What moved.
    public let changes: [SLAChange]

    /// Compares two statuses of the same clock at the same instant.
    public init(before: SLAStatus, after: SLAStatus) {
        self.before = before
        self.after = after
        var changes: [SLAChange] = []
        if before.targetSeconds != after.targetSeconds {
            changes.append(.target(from: before.targetSeconds, to: after.targetSeconds))
        }
        if before.elapsedSeconds != after.elapsedSeconds {
            changes.append(.elapsed(from: before.elapsedSeconds, to: after.elapsedSeconds))
        }
        if before.due != after.due { changes.append(.due(from: before.due, to: after.due)) }
        if before.state != after.state { changes.append(.state(from: before.state, to: after.state)) }
        let wasCrossed = Set(before.crossedWarningThresholds)
        let isCrossed = Set(after.crossedWarningThresholds)
        for warning in after.warnings {
            if isCrossed.contains(warning.threshold) && !wasCrossed.contains(warning.threshold) {
                changes.append(.warningCrossed(threshold: warning.threshold))
            } else if !isCrossed.contains(warning.threshold) && wasCrossed.contains(warning.threshold) {
                changes.append(.warningUncrossed(threshold: warning.threshold))
            }
        }
        self.changes = changes
    }
}
