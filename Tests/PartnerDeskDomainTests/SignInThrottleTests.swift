import Foundation
import PartnerDeskDomain
import Testing

@Suite struct SignInThrottleTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let throttle = SignInThrottle()

    func failures(_ count: Int, every seconds: Double) -> [Date] {
        (0..<count).map { now.addingTimeInterval(-Double($0) * seconds - 1) }
    }

    @Test func thePairLimit_holdsForKnownAndUnknownAddresses_andLiftsAsTheWindowPasses() {
        let five = failures(5, every: 60)
        for known in [true, false] {
            let wait = throttle.retryAfter(
                .init(pair: five, account: five, address: five), addressIsKnown: known, now: now)
            // The oldest of the five failed 241 s ago; it leaves the 15-minute window 659 s from now.
            #expect(wait == 15 * 60 - 241)
        }
        #expect(
            throttle.retryAfter(
                .init(pair: Array(five.prefix(4)), account: five, address: five), addressIsKnown: true, now: now)
                == nil)
    }

    @Test func theCeilings_stopOnlyAddressesNewToTheAccount() {
        let flood = failures(100, every: 60)
        let counts = SignInThrottle.Failures(pair: [], account: flood, address: [])
        #expect(throttle.retryAfter(counts, addressIsKnown: false, now: now) != nil)
        #expect(throttle.retryAfter(counts, addressIsKnown: true, now: now) == nil)
        let busy = SignInThrottle.Failures(pair: [], account: [], address: failures(100, every: 30))
        #expect(throttle.retryAfter(busy, addressIsKnown: false, now: now) != nil)
        #expect(throttle.retryAfter(busy, addressIsKnown: true, now: now) == nil)
    }

    @Test func failuresOutsideTheWindow_orInTheFuture_doNotCount() {
        let limit = SignInThrottle.Limit(failures: 2, window: 60)
        #expect(limit.retryAfter([now.addingTimeInterval(-61), now.addingTimeInterval(-70)], now: now) == nil)
        #expect(limit.retryAfter([now.addingTimeInterval(5), now.addingTimeInterval(6)], now: now) == nil)
        #expect(limit.retryAfter([now.addingTimeInterval(-10), now.addingTimeInterval(-59.5)], now: now) == 1)
    }

    @Test func addresses_areCountedByTheirIPv4Form_orTheirIPv6Slash64() {
        #expect(SignInThrottle.addressKey("::ffff:192.0.2.7") == "192.0.2.7")
        #expect(SignInThrottle.addressKey("192.0.2.7") == "192.0.2.7")
        #expect(SignInThrottle.addressKey("2001:db8:1:2:aaaa::1") == SignInThrottle.addressKey("2001:db8:1:2:ffff::9"))
        #expect(SignInThrottle.addressKey("2001:db8:1:2::1") == "2001:db8:1:2::/64")
        #expect(SignInThrottle.addressKey("2001:db8:1:3::1") != SignInThrottle.addressKey("2001:db8:1:2::1"))
        #expect(SignInThrottle.addressKey("unknown") == "unknown")
    }
}
