import Foundation
import PartnerDeskServices
import Synchronization

/// Predictable UUIDs: 00000000-0000-0000-0000-000000000001, …0002, and so on.
public final class SequentialIDGenerator: IDGenerator {
    private let counter = Mutex(0)

    public init() {}

    public func make() -> UUID {
        let next = counter.withLock { value in
            value += 1
            return value
        }
        return UUID(uuidString: String(format: "00000000-0000-0000-0000-%012x", next))!
    }
}
