import Foundation
import PartnerDeskDomain
import Testing

/// The token bucket behind the partner write limit: a burst of the limit, then the sustained rate.
@Suite struct WriteRateLimitTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aBurstOfTheLimit_thenRefusals_untilTheBucketRefills() {
        let policy = WriteRateLimit(limit: 6, window: 60)
        var bucket = WriteRateLimit.Bucket(full: policy, at: start)
        let burst = (0..<6).map { _ in policy.take(from: &bucket, at: start) }
        #expect(burst.allSatisfy { $0.allowed })
        #expect(burst.map(\.remaining) == [5, 4, 3, 2, 1, 0])
        let refused = policy.take(from: &bucket, at: start)
        #expect(!refused.allowed && refused.retryAfterSeconds == 10 && refused.resetSeconds == 60)
        // One write comes back every 10 seconds.
        #expect(!policy.take(from: &bucket, at: start.addingTimeInterval(9)).allowed)
        let later = policy.take(from: &bucket, at: start.addingTimeInterval(10))
        #expect(later.allowed && later.remaining == 0)
        // A long pause fills the bucket, never beyond the limit.
        #expect(policy.take(from: &bucket, at: start.addingTimeInterval(3_600)).remaining == 5)
    }
}
