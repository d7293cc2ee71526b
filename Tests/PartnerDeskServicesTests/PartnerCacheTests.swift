import Foundation
import PartnerDeskDomain
import PartnerDeskTestSupport
import Synchronization
import Testing

@testable import PartnerDeskServices

@Suite struct PartnerCacheTests {
    let clock = FixedClock(ISO8601Instant.date(from: "2026-11-23T09:00:00Z")!)
    let partner = Partner(
        id: .init(UUID()), code: PartnerCode("WELLPATH")!, name: "Wellpath", status: .live, tierID: "silver",
        services: [], contacts: [])

    @Test func entriesAreReused_forTheirLifetime_thenReadAgain() async throws {
        let cache = PartnerCache(clock: clock, lifetime: 10)
        let loads = Mutex(0)
        let partner = self.partner
        func read() async throws -> Partner? {
            try await cache.partner(partner.id) {
                loads.withLock { $0 += 1 }
                return partner
            }
        }
        #expect(try await read() == partner)
        clock.advance(by: 9)
        #expect(try await read() == partner)
        #expect(loads.withLock { $0 } == 1)
        clock.advance(by: 1)
        #expect(try await read() == partner)
        #expect(loads.withLock { $0 } == 2)
    }

    @Test func missingPartners_areNeverRemembered() async throws {
        let cache = PartnerCache(clock: clock)
        let loads = Mutex(0)
        for _ in 0..<3 {
            let found = try await cache.partner(partner.id) {
                loads.withLock { $0 += 1 }
                return nil
            }
            #expect(found == nil)
        }
        #expect(loads.withLock { $0 } == 3)
    }
}
