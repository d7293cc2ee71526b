import PartnerDeskDomain
import PartnerDeskServices
import Synchronization
import Vapor

/// Limits each partner organisation's API writes (``WriteRateLimit``): over the limit the answer is 429 with
/// `Retry-After`; every write's answer carries the IETF `RateLimit-Policy` and `RateLimit` headers
/// (draft-ietf-httpapi-ratelimit-headers) so a partner's system can slow down before it is refused. Staff
/// are not limited. The buckets live in this process: with several instances each counts its own share.
final class WriteRateLimitMiddleware: AsyncMiddleware {
    let policy: WriteRateLimit
    let clock: any Clock
    private let buckets = Mutex<[Partner.ID: WriteRateLimit.Bucket]>([:])

    init(policy: WriteRateLimit, clock: any Clock) {
        self.policy = policy
        self.clock = clock
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard [.POST, .PUT, .PATCH, .DELETE].contains(request.method), let principal = try? request.principal,
            principal.role.isPartnerRole, let partnerID = principal.partnerID
        else { return try await next.respond(to: request) }
        let now = clock.now()
        let decision = buckets.withLock { buckets in
            var bucket = buckets[partnerID] ?? WriteRateLimit.Bucket(full: policy, at: now)
            let decision = policy.take(from: &bucket, at: now)
            buckets[partnerID] = bucket
            return decision
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: "RateLimit-Policy", value: "\"writes\";q=\(policy.limit);w=\(Int(policy.window))")
        headers.replaceOrAdd(name: "RateLimit", value: "\"writes\";r=\(decision.remaining);t=\(decision.resetSeconds)")
        guard decision.allowed else {
            headers.replaceOrAdd(name: .retryAfter, value: "\(decision.retryAfterSeconds)")
            throw Abort(
                .tooManyRequests, headers: headers,
                reason: "Your organisation has made \(policy.limit) changes in \(Int(policy.window)) seconds, the most "
                    + "allowed. Try again in \(decision.retryAfterSeconds) seconds.")
        }
        let response = try await next.respond(to: request)
        for (name, value) in headers { response.headers.replaceOrAdd(name: name, value: value) }
        return response
    }
}
