import Foundation
import Synchronization

/// The clock the demo loader moves by hand, so demo incidents carry believable past timelines.
final class DemoClock: Clock {
    private let instant: Mutex<Date>

    init(_ instant: Date) {
        self.instant = Mutex(instant)
    }

    func now() -> Date { instant.withLock { $0 } }

    func set(_ value: Date) { instant.withLock { $0 = value } }

    func advance(by seconds: TimeInterval) { instant.withLock { $0 += seconds } }
}
