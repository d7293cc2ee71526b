/// The runs of a timeline measured on a calendar.
struct SLALedger {
    let timeline: SLATimeline
    let now: Int
    let calendar: BusinessCalendar
    /// Business seconds counted in each run, up to `now`.
    let counted: [Int]
    let elapsed: Int

    init(timeline: SLATimeline, now: Int, calendar: BusinessCalendar) {
        self.timeline = timeline
        self.now = now
        self.calendar = calendar
        counted = timeline.runs.map {
            calendar.elapsed(fromEpochSeconds: $0.start, toEpochSeconds: timeline.end(of: $0, now: now))
        }
        elapsed = counted.reduce(0, +)
    }

    /// When running business time reaches `seconds`, and in which run: in the past, or in the future while the clock
    /// is still running; `nil` when it has not been reached and the clock is paused or stopped.
    func reach(_ seconds: Int) -> (instant: Int, run: Int)? {
        var remaining = seconds
        for (index, run) in timeline.runs.enumerated() {
            if run.end == nil || counted[index] >= remaining {
                return (calendar.due(fromEpochSeconds: run.start, businessSeconds: remaining), index)
            }
            remaining -= counted[index]
        }
        return nil
    }
}
