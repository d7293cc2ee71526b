import Foundation

extension SLAClock {
    /// The clock's life from its start to the instant (or to its stop, if earlier), cut into segments.
    ///
    /// The rule: the segments are consecutive and cover `[start, end)` exactly; paused time is `paused` whatever the
    /// calendar says; running time is `counted` in business hours and otherwise `outsideHours`, `holiday` or
    /// `closure` as the calendar names it. Adjacent segments of the same kind are merged. The `counted` seconds add
    /// up to ``SLAStatus/elapsedSeconds``. An unstarted clock has no segments.
    public func explanation(at instant: Date, calendar: BusinessCalendar) -> [SLASegment] {
        let now = EpochSeconds.of(instant)
        let timeline = SLATimeline(events: events, upTo: now) { $0 }
        guard let startedAt = timeline.startedAt else { return [] }
        let end = timeline.stoppedAt ?? now
        var segments: [SLASegment] = []
        func append(_ start: Int, _ finish: Int, _ kind: SLASegmentKind) {
            guard start < finish else { return }
            if let last = segments.last, last.kind == kind, last.endEpochSeconds == start {
                segments[segments.count - 1] = SLASegment(
                    startEpochSeconds: last.startEpochSeconds, endEpochSeconds: finish, kind: kind)
            } else {
                segments.append(SLASegment(startEpochSeconds: start, endEpochSeconds: finish, kind: kind))
            }
        }
        var cursor = startedAt
        for run in timeline.runs {
            append(cursor, run.start, .paused)
            let runEnd = timeline.end(of: run, now: now)
            for piece in calendar.segments(fromEpochSeconds: run.start, toEpochSeconds: runEnd) {
                append(piece.startEpochSeconds, piece.endEpochSeconds, SLASegmentKind(piece.kind))
            }
            cursor = max(cursor, runEnd)
        }
        append(cursor, end, .paused)
        return segments
    }
}

extension SLASegmentKind {
    /// The clock's view of a calendar segment while running.
    init(_ kind: BusinessTimeSegmentKind) {
        switch kind {
        case .open: self = .counted
        case .outsideHours: self = .outsideHours
        case .holiday: self = .holiday
        case .closure: self = .closure
        }
    }
}
