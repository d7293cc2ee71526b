import Foundation

/// Why a clock stands where it does, in the order things happened: what the desk did to it (received, paused,
/// re-graded, resumed, resolved) and, between those, each stretch of time and whether it counted, with the
/// holiday or closure that stopped it counting named.
public struct SLAStory: Sendable, Hashable {
    /// One line of the story.
    public enum Line: Sendable, Hashable {
        /// Something the desk did to the clock.
        case event(SLAStoryEvent)
        /// A stretch of time between two instants and how it was treated.
        case stretch(SLAStoryStretch)
    }

    public var lines: [Line]
    /// The clock's status at the instant the story was told.
    public var status: SLAStatus

    /// The business seconds counted over every stretch: the same as ``SLAStatus/elapsedSeconds``.
    public var countedSeconds: Int {
        lines.reduce(0) { total, line in
            if case .stretch(let stretch) = line { total + stretch.countedSeconds } else { total }
        }
    }
}

/// Something done to a clock, with the target it set and the reason given.
public struct SLAStoryEvent: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case started, paused, resumed, targetChanged, stopped
    }

    public var at: Date
    public var kind: Kind
    /// The target from then on (for a start or a change of target).
    public var targetSeconds: Int?
    /// The target before (for a change of target).
    public var previousTargetSeconds: Int?
    /// The reason recorded with a pause or a change of target.
    public var reason: String?
}

/// A stretch of a clock's life and how it was treated.
public struct SLAStoryStretch: Sendable, Hashable {
    public var start: Date
    public var end: Date
    public var kind: SLASegmentKind
    /// The business seconds it counted (all of it when `counted`, none otherwise).
    public var countedSeconds: Int
    /// The running total of counted seconds at its end.
    public var totalSeconds: Int
    /// The bank holidays or closures that kept it from counting, by name (for `holiday` and `closure`).
    public var names: [String]
}

extension SLAClock {
    /// The clock's story up to `instant` on `calendar`: its events, and the stretches between them from
    /// ``explanation(at:calendar:)``, cut at each event so every line falls between two things that happened.
    public func story(at instant: Date, calendar: BusinessCalendar) -> SLAStory {
        let status = status(at: instant, calendar: calendar)
        let storyEvents = storyEvents(upTo: instant)
        // Cut each stretch where an event falls inside it, so the lines interleave in time order.
        let cuts = Set(storyEvents.map { EpochSeconds.of($0.at) })
        var stretches: [SLAStoryStretch] = []
        var total = 0
        for segment in explanation(at: instant, calendar: calendar) {
            var start = segment.startEpochSeconds
            let inner = cuts.filter { $0 > start && $0 < segment.endEpochSeconds }.sorted()
            for end in inner + [segment.endEpochSeconds] {
                let counted = segment.kind == .counted ? end - start : 0
                total += counted
                stretches.append(
                    SLAStoryStretch(
                        start: EpochSeconds.date(start), end: EpochSeconds.date(end), kind: segment.kind,
                        countedSeconds: counted, totalSeconds: total,
                        names: Self.names(of: segment.kind, from: start, to: end, calendar: calendar)))
                start = end
            }
        }
        // Events first at equal instants: a stretch starting as the desk paused follows the pause.
        var lines: [SLAStory.Line] = []
        var next = 0
        for stretch in stretches {
            while next < storyEvents.count, EpochSeconds.of(storyEvents[next].at) <= EpochSeconds.of(stretch.start) {
                lines.append(.event(storyEvents[next]))
                next += 1
            }
            lines.append(.stretch(stretch))
        }
        lines += storyEvents[next...].map { .event($0) }
        return SLAStory(lines: lines, status: status)
    }

    /// What was done to the clock up to an instant, in order: started with its target, paused and why,
    /// resumed, re-targeted from and to, stopped.
    public func storyEvents(upTo instant: Date) -> [SLAStoryEvent] {
        let cutoff = EpochSeconds.of(instant)
        var storyEvents: [SLAStoryEvent] = []
        var target: Int?
        for event in events where EpochSeconds.of(event.at) <= cutoff {
            switch event {
            case .started(let at, let seconds):
                storyEvents.append(SLAStoryEvent(at: at, kind: .started, targetSeconds: seconds))
                target = seconds
            case .paused(let at, let reason):
                storyEvents.append(SLAStoryEvent(at: at, kind: .paused, reason: reason))
            case .resumed(let at):
                storyEvents.append(SLAStoryEvent(at: at, kind: .resumed))
            case .targetChanged(let at, let seconds, let reason):
                storyEvents.append(
                    SLAStoryEvent(
                        at: at, kind: .targetChanged, targetSeconds: seconds, previousTargetSeconds: target,
                        reason: reason))
                target = seconds
            case .stopped(let at):
                storyEvents.append(SLAStoryEvent(at: at, kind: .stopped))
            }
        }
        return storyEvents
    }

    /// The holidays or closures on the local dates a stretch covers.
    private static func names(of kind: SLASegmentKind, from start: Int, to end: Int, calendar: BusinessCalendar)
        -> [String]
    {
        guard kind == .holiday || kind == .closure, end > start else { return [] }
        var names: [String] = []
        var date = calendar.localDate(ofEpochSeconds: start)
        let last = calendar.localDate(ofEpochSeconds: end - 1)
        while date <= last {
            let name =
                kind == .holiday
                ? calendar.holidays.holiday(on: date)?.name
                : calendar.closures.first { $0.date == date }?.reason
            if let name, !names.contains(name) { names.append(name) }
            date = date.adding(days: 1)
        }
        return names
    }
}
