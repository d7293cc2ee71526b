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
        let milliseconds = UInt64(max(0, clock.now().timeIntervalSince1970 * 1000))
        var generator = SystemRandomNumberGenerator()
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> (40 - 8 * UInt64(index))) }
        bytes[6] = 0x70 | (bytes[6] & 0x0F)
        bytes[8] = 0x80 | (bytes[8] & 0x3F)
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
                bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }
}
