import Foundation
import PartnerDeskDomain
import Synchronization

/// Records as recently read, for lookups that nearly every request makes (its partner, its API token), so
/// they do not each go to the database.
///
/// An entry lives for `lifetime` seconds of the injected clock, so a change made anywhere (this server,
/// another one, the command line) is seen within that time; a change made through this server's services
/// can be seen at once by calling ``forget(where:)``. Missing records are never remembered. At most
/// `capacity` entries are kept: when full, stale entries are dropped, and if none are, all of them.
public final class RecentReads<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let clock: any Clock
    private let lifetime: TimeInterval
    private let capacity: Int
    private let state = Mutex(State())

    private struct State {
        var entries: [Key: (value: Value, readAt: Date)] = [:]
        /// Counts calls of ``forget(where:)``: a value loaded while one happened may be the forgotten one,
        /// and is not remembered.
        var forgets = 0
    }

    public init(clock: any Clock, lifetime: TimeInterval, capacity: Int = 10_000) {
        self.clock = clock
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The value for `key`, from memory while its entry is fresh, otherwise from `load`.
    func value(for key: Key, load: () async throws -> Value?) async throws -> Value? {
        let now = clock.now()
        let (entry, forgets) = state.withLock { ($0.entries[key], $0.forgets) }
        if let entry, isFresh(entry.readAt, at: now) { return entry.value }
        guard let value = try await load() else { return nil }
        state.withLock { state in
            guard state.forgets == forgets else { return }
            if state.entries.count >= capacity, state.entries[key] == nil {
                state.entries = state.entries.filter { isFresh($0.value.readAt, at: now) }
                if state.entries.count >= capacity { state.entries = [:] }
            }
            state.entries[key] = (value, now)
        }
        return value
    }

    /// Replaces a remembered value with what this server just wrote, keeping the time it was read, so
    /// changes made elsewhere are still seen within the lifetime.
    func update(_ key: Key, _ change: (inout Value) -> Void) {
        state.withLock { state in
            if var entry = state.entries[key] {
                change(&entry.value)
                state.entries[key] = entry
            }
        }
    }

    /// Drops every entry whose value matches, so the next lookup reads it again. A lookup already reading
    /// from the database when this is called does not remember what it read.
    func forget(where matches: (Value) -> Bool) {
        state.withLock { state in
            state.entries = state.entries.filter { !matches($0.value.value) }
            state.forgets += 1
        }
    }

    private func isFresh(_ readAt: Date, at now: Date) -> Bool {
        now >= readAt && now.timeIntervalSince(readAt) < lifetime
    }
}

/// Partners as recently read: raising and listing incidents need a partner's services and tier on every
/// request. A use case that changes a partner forgets it here.
public typealias PartnerCache = RecentReads<Partner.ID, Partner>

extension PartnerCache {
    /// Partners kept for 10 seconds: short enough that a change made elsewhere is seen almost at once.
    public convenience init(clock: any Clock) {
        self.init(clock: clock, lifetime: 10)
    }
}
