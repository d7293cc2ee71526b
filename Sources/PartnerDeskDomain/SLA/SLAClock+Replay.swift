import Foundation

extension SLAClock {
    /// Re-applies the ledger under a new calendar, and optionally new targets, and lists what moved.
    ///
    /// `retarget` maps each target in the ledger to its value under the new policy (for example from an old tier's
    /// severity targets to a new tier's); it is the identity when only the calendar changed, and must return a
    /// positive number of seconds. Both statuses are taken at the same instant.
    ///
    /// ```swift
    /// let replay = clock.replay(at: now, from: oldCalendar, to: calendarWithNewClosure)
    /// replay.changes   // [.due(from: Thu 12:00, to: Fri 12:00)]
    /// ```
    public func replay(
        at instant: Date,
        from oldCalendar: BusinessCalendar,
        to newCalendar: BusinessCalendar,
        retarget: (Int) -> Int = { $0 },
        warningThresholds: [Double] = SLAClock.defaultWarningThresholds
    ) -> SLAReplay {
        let before = evaluate(at: instant, calendar: oldCalendar, warningThresholds: warningThresholds) { $0 }
        let after = evaluate(
            at: instant, calendar: newCalendar, warningThresholds: warningThresholds, retarget: retarget)
        return SLAReplay(before: before, after: after)
    }
}
