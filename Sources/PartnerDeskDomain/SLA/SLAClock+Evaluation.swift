import Foundation

extension SLAClock {
    /// The clock's state at an instant under a calendar, with warnings at the given thresholds.
    ///
    /// Only events dated at or before `instant` are taken into account. Thresholds are shares of the target
    /// (0.5 is half); each must be finite and not negative.
    public func status(
        at instant: Date, calendar: BusinessCalendar, warningThresholds: [Double] = SLAClock.defaultWarningThresholds
    ) -> SLAStatus {
        evaluate(at: instant, calendar: calendar, warningThresholds: warningThresholds) { $0 }
    }

    /// The fold behind ``status(at:calendar:warningThresholds:)``, with every target passed through `retarget`.
    func evaluate(
        at instant: Date, calendar: BusinessCalendar, warningThresholds: [Double], retarget: (Int) -> Int
    ) -> SLAStatus {
        precondition(warningThresholds.allSatisfy { $0.isFinite && $0 >= 0 }, "Thresholds must be finite and >= 0.")
        let now = EpochSeconds.of(instant)
        let timeline = SLATimeline(events: events, upTo: now, retarget: retarget)
        guard timeline.startedAt != nil else {
            return SLAStatus(
                evaluatedAt: instant, state: .notStarted, isPaused: false, targetSeconds: 0, elapsedSeconds: 0,
                due: nil, projectedDue: nil,
                warnings: warningThresholds.map {
                    SLAWarning(threshold: $0, thresholdSeconds: 0, isCrossed: false, reachedAt: nil)
                })
        }
        precondition(timeline.target > 0, "A re-targeted clock needs a positive target.")
        let ledger = SLALedger(timeline: timeline, now: now, calendar: calendar)
        let target = timeline.target
        let reached = ledger.reach(target)
        var breached = false
        if let reached {
            let run = timeline.runs[reached.run]
            breached =
                reached.instant < timeline.end(of: run, now: now)
                || timeline.runs[(reached.run + 1)...].contains { $0.start < timeline.end(of: $0, now: now) }
        }
        let state: SLAState =
            if timeline.stoppedAt != nil {
                breached ? .breached : .met
            } else if breached {
                .breached
            } else {
                timeline.isPaused ? .paused : .running
            }
        var due = reached?.instant
        var projected = due
        if reached == nil, let last = timeline.runs.last {
            let remaining = target - ledger.elapsed
            if timeline.isPaused {
                projected = calendar.due(fromEpochSeconds: now, businessSeconds: remaining)
            } else if timeline.stoppedAt != nil && !timeline.stoppedWhilePaused {
                due = calendar.due(fromEpochSeconds: timeline.end(of: last, now: now), businessSeconds: remaining)
                projected = due
            }
        }
        let warnings = warningThresholds.map { threshold in
            let seconds = Int((threshold * Double(target)).rounded(.up))
            return SLAWarning(
                threshold: threshold, thresholdSeconds: seconds, isCrossed: ledger.elapsed >= seconds,
                reachedAt: ledger.reach(seconds).map { EpochSeconds.date($0.instant) })
        }
        return SLAStatus(
            evaluatedAt: instant, state: state, isPaused: timeline.isPaused, targetSeconds: target,
            elapsedSeconds: ledger.elapsed, due: due.map(EpochSeconds.date),
            projectedDue: projected.map(EpochSeconds.date),
            warnings: warnings)
    }
}
