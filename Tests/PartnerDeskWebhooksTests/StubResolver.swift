import PartnerDeskDomain
import PartnerDeskWebhooks
import Synchronization

/// A name lookup that answers from a table, one answer list per lookup in turn (the last one repeats), and
/// counts lookups; names it does not know fail as the system would.
final class StubResolver: WebhookHostResolver {
    struct UnknownHost: Error, CustomStringConvertible {
        var description: String { "Name or service not known" }
    }

    private let answers: [String: [[IPAddress]]]
    private let delay: Duration
    private let lookups = Mutex<[String: Int]>([:])

    /// Answers each name with the given lists in turn, after an optional delay.
    init(_ answers: [String: [[IPAddress]]], delay: Duration = .zero) {
        self.answers = answers
        self.delay = delay
    }

    /// Answers every lookup of each name with the same list.
    convenience init(always answers: [String: [IPAddress]]) {
        self.init(answers.mapValues { [$0] })
    }

    func addresses(of host: String) async throws -> [IPAddress] {
        let turn = lookups.withLock { counts in
            defer { counts[host, default: 0] += 1 }
            return counts[host, default: 0]
        }
        if delay > .zero { try await Task.sleep(for: delay) }
        guard let lists = answers[host], let last = lists.last else { throw UnknownHost() }
        return turn < lists.count ? lists[turn] : last
    }

    /// How many times the name was looked up.
    func lookups(of host: String) -> Int {
        lookups.withLock { $0[host, default: 0] }
    }
}
