import Foundation
import PartnerDeskServices

/// The real clock: the machine's current instant.
struct SystemClock: Clock {
    func now() -> Date { Date() }
}

/// Version-7 UUIDs (RFC 9562): the clock's milliseconds since 1970 in the first 48 bits, then random bits.
///
/// Records made later get larger identifiers, so a new row's key lands at the end of every index on it
/// instead of at a random place: with random (version-4) keys each creation touched, and wrote back, a
/// page scattered across the incidents' and events' key indexes, and creation slowed as the tables grew.
/// The identifier tells when the record was made, which its own timestamps say anyway.
public struct TimeOrderedIDGenerator: IDGenerator {
    let clock: any Clock

    public init(clock: any Clock) {
        self.clock = clock
    }

    public func make() -> UUID {
        // A random (version-4) UUID costs one call for randomness; its first bytes become the timestamp.
        var bytes = UUID().uuid
        let milliseconds = UInt64(max(0, clock.now().timeIntervalSince1970 * 1000))
        withUnsafeMutableBytes(of: &bytes) { raw in
            for index in 0..<6 { raw[index] = UInt8(truncatingIfNeeded: milliseconds >> (40 - 8 * UInt64(index))) }
            raw[6] = 0x70 | (raw[6] & 0x0F)
            raw[8] = 0x80 | (raw[8] & 0x3F)
        }
        return UUID(uuid: bytes)
    }
}
