/// An SLA clock's ledger unfolded up to an instant: when it ran, its target, and how it ended.
///
/// Internal working form for evaluation and explanation; all instants are whole UTC seconds.
struct SLATimeline {
    /// A stretch during which the clock ran; `end` is `nil` for the stretch still running at the instant.
    struct Run {
        let start: Int
        var end: Int?
    }

    var startedAt: Int?
    var runs: [Run] = []
    var target = 0
    var stoppedAt: Int?
    var pausedSince: Int?
    var stoppedWhilePaused = false

    /// Unfolds the events dated at or before `now`; `retarget` maps every target (identity for a plain evaluation).
    init(events: [SLAEvent], upTo now: Int, retarget: (Int) -> Int) {
        for event in events {
            let at = EpochSeconds.of(event.at)
            guard at <= now else { break }
            switch event {
            case .started(_, let seconds):
                startedAt = at
                target = retarget(seconds)
                runs.append(Run(start: at, end: nil))
            case .paused:
                runs[runs.count - 1].end = at
                pausedSince = at
            case .resumed:
                runs.append(Run(start: at, end: nil))
                pausedSince = nil
                stoppedAt = nil
                stoppedWhilePaused = false
            case .targetChanged(_, let seconds, _):
                target = retarget(seconds)
            case .stopped:
                if pausedSince == nil {
                    runs[runs.count - 1].end = at
                } else {
                    stoppedWhilePaused = true
                }
                stoppedAt = at
            }
        }
    }

    /// Whether the clock is counting at the instant.
    var isRunning: Bool { startedAt != nil && stoppedAt == nil && pausedSince == nil }

    /// Whether the clock is paused (and not stopped) at the instant.
    var isPaused: Bool { stoppedAt == nil && pausedSince != nil }

    /// The end of a run, with the still-running one ending at `now`.
    func end(of run: Run, now: Int) -> Int {
        run.end ?? now
    }
}
