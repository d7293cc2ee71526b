import Foundation

/// Why an event cannot be added to an SLA clock's ledger.
///
/// The rule: a ledger reads started, then any number of pause/resume pairs and target changes, then at most one stop,
/// in non-decreasing time order. Anything else is refused rather than silently ignored.
public enum SLAClockError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An event other than `started` came before the clock was started.
    case notStarted(event: String)
    /// A second `started` event.
    case alreadyStarted
    /// A pause while the clock was already paused.
    case alreadyPaused
    /// A resume while the clock was running.
    case notPaused
    /// Any event after the clock was stopped.
    case alreadyStopped(event: String)
    /// An event dated before the event recorded ahead of it.
    case outOfOrder(event: String, at: Date, previous: Date)
    /// A target that is not a positive number of business seconds.
    case invalidTarget(Int)

    /// A sentence for logs and API responses.
    public var description: String {
        switch self {
        case .notStarted(let event):
            "The clock has not been started, so it cannot be \(event)."
        case .alreadyStarted:
            "The clock has already been started."
        case .alreadyPaused:
            "The clock is already paused."
        case .notPaused:
            "The clock is running, so it cannot be resumed."
        case .alreadyStopped(let event):
            "The clock has been stopped, so nothing can follow it (got \(event))."
        case .outOfOrder(let event, let at, let previous):
            "The \(event) event at \(ISO8601Instant.string(from: at)) is earlier than the event before it "
                + "(\(ISO8601Instant.string(from: previous)))."
        case .invalidTarget(let seconds):
            "A target must be a positive number of business seconds (got \(seconds))."
        }
    }
}
