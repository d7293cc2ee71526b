import Foundation
import PartnerDeskDomain
import PartnerDeskTestSupport
import Synchronization
import Testing

@testable import PartnerDeskServices

@Suite struct RecentReadsTests {
    let clock = FixedClock(ISO8601Instant.date(from: "2026-11-23T09:00:00Z")!)
    let partner = Partner(
        id: .init(UUID()), code: PartnerCode("WELLPATH")!, name: "Wellpath", status: .live, tierID: "silver",
        services: [], contacts: [])

    @Test func entriesAreReused_forTheirLifetime_thenReadAgain() async throws {
        let cache = PartnerCache(clock: clock, lifetime: 10)
        let loads = Mutex(0)
        let partner = self.partner
        func read() async throws -> Partner? {
            try await cache.value(for: partner.id) {
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
            let found = try await cache.value(for: partner.id) {
                loads.withLock { $0 += 1 }
                return nil
            }
            #expect(found == nil)
        }
        #expect(loads.withLock { $0 } == 3)
    }

    @Test func forgotten_andUpdatedEntries() async throws {
        let cache = PartnerCache(clock: clock, lifetime: 10)
        let partner = self.partner
        let loads = Mutex(0)
        func read() async throws -> Partner? {
            try await cache.value(for: partner.id) {
                loads.withLock { $0 += 1 }
                return partner
            }
        }
        _ = try await read()
        cache.update(partner.id) { $0.name = "Wellpath Health" }
        clock.advance(by: 5)
        #expect(try await read()?.name == "Wellpath Health")
        // An update keeps the time of the read: the entry still ends 10 s after it.
        clock.advance(by: 5)
        #expect(try await read()?.name == "Wellpath")
        cache.forget { $0.id == partner.id }
        _ = try await read()
        #expect(loads.withLock { $0 } == 3)
    }

    @Test func aFullCache_dropsStaleEntriesFirst_thenEverything() async throws {
        let cache = RecentReads<Int, Int>(clock: clock, lifetime: 10, capacity: 3)
        let loads = Mutex(0)
        func read(_ key: Int) async throws {
            _ = try await cache.value(for: key) {
                loads.withLock { $0 += 1 }
                return key
            }
        }
        try await read(1)
        clock.advance(by: 10)
        try await read(2)
        try await read(3)
        try await read(4)  // full: 1 is stale and goes, 2 and 3 stay
        try await read(2)
        try await read(3)
        #expect(loads.withLock { $0 } == 4)
        try await read(5)  // full of fresh entries: all go
        try await read(2)
        #expect(loads.withLock { $0 } == 6)
    }

    @Test func aValueReadWhileEntriesAreForgotten_isNotRemembered() async throws {
        let cache = RecentReads<Int, String>(clock: clock, lifetime: 10)
        let loads = Mutex(0)
        // The load races a revocation: it read the old value, then the value was changed and forgotten.
        _ = try await cache.value(for: 1) {
            loads.withLock { $0 += 1 }
            cache.forget { _ in true }
            return "before the change"
        }
        let second = try await cache.value(for: 1) {
            loads.withLock { $0 += 1 }
            return "after the change"
        }
        #expect(second == "after the change")
        #expect(loads.withLock { $0 } == 2)
    }
}
