import Foundation

/// One entry in an SLA clock's ledger; the clock's state at any instant is a fold over these.
///
/// Targets are business seconds (for example 14400 for a four-hour resolution target). Instants are UTC and are
/// counted in whole seconds, like everything on a ``BusinessCalendar``.
public enum SLAEvent: Sendable, Hashable, Codable {
    /// The clock starts counting towards a target.
    case started(at: Date, targetSeconds: Int)
    /// Counting stops for a while, for example while waiting for the partner; the reason is for people.
    case paused(at: Date, reason: String?)
    /// Counting continues after a pause.
    case resumed(at: Date)
    /// The target changes, for example after a severity change; elapsed and paused time are kept.
    case targetChanged(at: Date, targetSeconds: Int, reason: String?)
    /// The clock stops for good, for example when the incident is resolved.
    case stopped(at: Date)

    /// When the event happened.
    public var at: Date {
        switch self {
        case .started(let at, _), .paused(let at, _), .resumed(let at), .targetChanged(let at, _, _), .stopped(let at):
            at
        }
    }

    /// The event's name, as used in error messages (`started`, `paused`, `resumed`, `targetChanged`, `stopped`).
    public var name: String {
        switch self {
        case .started: "started"
        case .paused: "paused"
        case .resumed: "resumed"
        case .targetChanged: "targetChanged"
        case .stopped: "stopped"
        }
    }
}
