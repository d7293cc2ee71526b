import Foundation

/// A resolution clock kept as a ledger of events; its state at any instant is a pure fold over them.
///
/// The rules:
/// - Only business seconds count (see ``BusinessCalendar``), and only while running: never while paused, never after
///   the stop. Events dated after the evaluation instant are ignored, so a clock can be looked at as of any instant.
/// - A target change (for example a severity change) keeps elapsed and paused time; the due is recomputed from the
///   new target, measured from the start.
/// - The due instant is when the running business time reaches the target. Stopped at or before it: met. Still
///   running at any instant after it: breached. At exactly the due instant the clock is not yet breached.
/// - Invalid sequences (pause while paused, resume while running, anything but a resume after the stop, events out
///   of time order) throw ``SLAClockError`` and leave the ledger unchanged.
/// - A resume after the stop reopens the clock: counting carries on from the elapsed time at the stop.
///
/// ```swift
/// var clock = SLAClock()
/// try clock.record(.started(at: opened, targetSeconds: 4 * 3600))
/// try clock.record(.paused(at: askedPartner, reason: "awaiting partner"))
/// try clock.record(.resumed(at: partnerReplied))
/// let status = clock.status(at: now, calendar: .ukOfficeHours)
/// status.state          // .running
/// status.due            // when the four business hours run out
/// ```
public struct SLAClock: Sendable, Hashable, Codable {
    /// The events recorded so far, in order.
    public private(set) var events: [SLAEvent]

    /// The thresholds warned about unless a caller asks for others: half and three quarters of the target.
    public static let defaultWarningThresholds: [Double] = [0.5, 0.75]

    /// Creates a clock with no events (not started).
    public init() {
        events = []
    }

    /// Creates a clock from a ledger, checking every event in order.
    public init(events: [SLAEvent]) throws(SLAClockError) {
        self.init()
        for event in events {
            try record(event)
        }
    }

    /// Appends an event after checking it against the ledger so far; on error nothing changes.
    public mutating func record(_ event: SLAEvent) throws(SLAClockError) {
        if let previous = events.last?.at, event.at < previous {
            throw .outOfOrder(event: event.name, at: event.at, previous: previous)
        }
        switch (phase, event) {
        case (.stopped, .resumed):
            break
        case (.stopped, _):
            throw .alreadyStopped(event: event.name)
        case (.notStarted, .started(_, let target)):
            guard target > 0 else { throw .invalidTarget(target) }
        case (.notStarted, _):
            throw .notStarted(event: event.name)
        case (_, .started):
            throw .alreadyStarted
        case (.paused, .paused):
            throw .alreadyPaused
        case (.running, .resumed):
            throw .notPaused
        case (_, .targetChanged(_, let target, _)):
            guard target > 0 else { throw .invalidTarget(target) }
        case (.running, .paused), (.paused, .resumed), (_, .stopped):
            break
        }
        events.append(event)
    }

    /// Starts the clock towards a target in business seconds.
    public mutating func start(at instant: Date, targetSeconds: Int) throws(SLAClockError) {
        try record(.started(at: instant, targetSeconds: targetSeconds))
    }

    /// Pauses the clock.
    public mutating func pause(at instant: Date, reason: String? = nil) throws(SLAClockError) {
        try record(.paused(at: instant, reason: reason))
    }

    /// Resumes a paused clock.
    public mutating func resume(at instant: Date) throws(SLAClockError) {
        try record(.resumed(at: instant))
    }

    /// Changes the target, keeping elapsed and paused time.
    public mutating func changeTarget(at instant: Date, to targetSeconds: Int, reason: String? = nil)
        throws(SLAClockError)
    {
        try record(.targetChanged(at: instant, targetSeconds: targetSeconds, reason: reason))
    }

    /// Stops the clock for good.
    public mutating func stop(at instant: Date) throws(SLAClockError) {
        try record(.stopped(at: instant))
    }

    /// Whether the ledger has been started, paused or stopped, after all its events.
    public var phase: Phase {
        var phase = Phase.notStarted
        for event in events {
            switch event {
            case .started, .resumed: phase = .running
            case .paused: phase = .paused
            case .stopped: phase = .stopped
            case .targetChanged: break
            }
        }
        return phase
    }

    /// The phase of the ledger after all its events, independent of any calendar.
    public enum Phase: String, Sendable, Hashable, Codable {
        /// No `started` event yet.
        case notStarted
        /// Started and not paused or stopped.
        case running
        /// Paused.
        case paused
        /// Stopped.
        case stopped
    }

    /// Encodes the ledger as an array of events.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(events)
    }

    /// Decodes an array of events and checks it as ``init(events:)`` does.
    public init(from decoder: any Decoder) throws {
        let events = try decoder.singleValueContainer().decode([SLAEvent].self)
        do {
            try self.init(events: events)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }
}
