import Foundation
import PartnerDeskServices

/// The real clock: the machine's current instant.
struct SystemClock: Clock {
    func now() -> Date { Date() }
}

/// Random version-4 UUIDs.
struct RandomIDGenerator: IDGenerator {
    func make() -> UUID { UUID() }
}
