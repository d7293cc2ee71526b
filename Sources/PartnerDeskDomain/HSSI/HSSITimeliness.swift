import Foundation

/// How something that had to happen by a deadline went, as seen at a given instant.
///
/// The rule everywhere in HSSI handling: done at the deadline itself is in time; one second after is late. The
/// amounts are wall-clock seconds, rounded up, so anything after the deadline is at least one second late.
public enum HSSITimeliness: Hashable, Sendable {
    /// Done at or before the deadline.
    case inTime
    /// Done after the deadline, by this many seconds.
    case late(bySeconds: Int)
    /// Not done yet, and the deadline has not passed.
    case pending
    /// Not done yet, and the deadline passed this many seconds ago.
    case overdue(bySeconds: Int)

    /// Judges a deadline at `now`, given when (if ever) the thing was done.
    public init(due: Date, doneAt: Date?, now: Date) {
        if let doneAt {
            self = doneAt > due ? .late(bySeconds: HSSITimeliness.secondsAfter(due, doneAt)) : .inTime
        } else {
            self = now > due ? .overdue(bySeconds: HSSITimeliness.secondsAfter(due, now)) : .pending
        }
    }

    /// Whether the deadline was missed (late or overdue).
    public var isMissed: Bool {
        switch self {
        case .late, .overdue: true
        case .inTime, .pending: false
        }
    }

    /// Whether the thing is done (in time or late).
    public var isDone: Bool {
        switch self {
        case .inTime, .late: true
        case .pending, .overdue: false
        }
    }

    private static func secondsAfter(_ due: Date, _ instant: Date) -> Int {
        Int(instant.timeIntervalSince(due).rounded(.up))
    }
}
