import Foundation
import PartnerDeskDomain
import Synchronization

/// Known-problem search answers as recently found, because partners search the same few words again and
/// again (every raise form starts with a search) while published problems change a few times a day.
///
/// An answer lives for ``lifetime`` seconds of the injected clock and is forgotten at once when this server
/// changes a problem; a change made by another server is seen within the lifetime. At most ``capacity``
/// answers are kept: when full, expired answers go first, then all of them.
final class ProblemSearchCache: Sendable {
    static let lifetime: TimeInterval = 10
    static let capacity = 1_024

    private struct Entry {
        var hits: [ProblemSearchHit]
        var foundAt: Date
    }

    private let clock: any Clock
    private let entries = Mutex<[String: Entry]>([:])

    init(clock: any Clock) {
        self.clock = clock
    }

    /// The answer for these words and limit, from the cache while fresh, otherwise from `search`.
    func hits(words: [String], limit: Int, search: () async throws -> [ProblemSearchHit]) async throws
        -> [ProblemSearchHit]
    {
        let key = "\(limit) " + words.joined(separator: " ")
        let now = clock.now()
        if let entry = entries.withLock({ $0[key] }), Self.isFresh(entry, at: now) { return entry.hits }
        let hits = try await search()
        entries.withLock { entries in
            if entries.count >= Self.capacity {
                entries = entries.filter { Self.isFresh($0.value, at: now) }
                if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[key] = Entry(hits: hits, foundAt: now)
        }
        return hits
    }

    /// Forgets every answer: a problem changed here.
    func clear() {
        entries.withLock { $0.removeAll(keepingCapacity: true) }
    }

    private static func isFresh(_ entry: Entry, at now: Date) -> Bool {
        now >= entry.foundAt && now.timeIntervalSince(entry.foundAt) < lifetime
    }
}
