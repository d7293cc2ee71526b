import Foundation
import PartnerDeskDomain
import Synchronization

/// Partners as recently read, so the requests that only need a partner's services and tier (raising and
/// listing incidents, every one of them) do not read three tables each time.
///
/// An entry lives for ``lifetime`` seconds of the injected clock, so a change to a partner made anywhere (this
/// server, another one, the command line) is seen within that time. Partners are only ever added today; a
/// use case that changes a partner in future should also drop its entry here. Missing partners are never
/// remembered.
public final class PartnerCache: Sendable {
    /// How long an entry is trusted: short enough that a change made elsewhere is seen almost at once.
    public static let defaultLifetime: TimeInterval = 10

    private let clock: any Clock
    private let lifetime: TimeInterval
    private let entries = Mutex<[Partner.ID: (partner: Partner, readAt: Date)]>([:])

    public init(clock: any Clock, lifetime: TimeInterval = PartnerCache.defaultLifetime) {
        self.clock = clock
        self.lifetime = lifetime
    }

    /// The partner with this id, from the cache while its entry is fresh, otherwise from `load`.
    func partner(_ id: Partner.ID, load: () async throws -> Partner?) async throws -> Partner? {
        let now = clock.now()
        if let entry = entries.withLock({ $0[id] }), now.timeIntervalSince(entry.readAt) < lifetime,
            now >= entry.readAt
        {
            return entry.partner
        }
        guard let partner = try await load() else { return nil }
        entries.withLock { $0[id] = (partner, now) }
        return partner
    }
}
