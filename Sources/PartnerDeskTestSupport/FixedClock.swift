import Foundation
import PartnerDeskServices
import Synchronization

/// A clock that says what the test tells it to, and moves only when told.
public final class FixedClock: Clock {
    private let instant: Mutex<Date>

    public init(_ instant: Date) {
        self.instant = Mutex(instant)
    }

    public func now() -> Date { instant.withLock { $0 } }

    /// Moves the clock to an instant.
    public func set(_ instant: Date) {
        self.instant.withLock { $0 = instant }
    }

    /// Moves the clock forward.
    public func advance(by seconds: TimeInterval) {
        instant.withLock { $0 += seconds }
    }
}
