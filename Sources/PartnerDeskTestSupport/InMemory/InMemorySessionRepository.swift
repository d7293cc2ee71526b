import Foundation
import PartnerDeskDomain
import PartnerDeskServices

struct InMemorySessionRepository: SessionRepository {
    let box: StateBox

    func create(_ session: SignInSession) async throws { try box.write { $0.sessions[session.secretHash] = session } }

    func find(secretHash: String) async throws -> SignInSession? { box.read().sessions[secretHash] }

    func touch(secretHash: String, at instant: Date) async throws {
        try box.write { $0.sessions[secretHash]?.lastSeenAt = instant }
    }

    func revoke(secretHash: String, at instant: Date) async throws {
        try box.write { $0.sessions[secretHash]?.revokedAt = instant }
    }

    func confirmSecondFactor(secretHash: String) async throws {
        try box.write { $0.sessions[secretHash]?.awaitingSecondFactor = false }
    }

    func revokeAll(userID: User.ID, at instant: Date) async throws {
        try box.write { state in
            for (hash, session) in state.sessions where session.userID == userID && session.revokedAt == nil {
                state.sessions[hash]?.revokedAt = instant
            }
        }
    }

    func recordFailure(key: String, at instant: Date) async throws {
        try box.write { $0.failures.append((key, instant)) }
    }

    func failures(key: String, since instant: Date) async throws -> [Date] {
        box.read().failures.filter { $0.key == key && $0.at > instant }.map(\.at)
    }

    func recordKnownAddress(account: String, address: String, at instant: Date) async throws {
        try box.write { $0.knownAddresses["\(account)|\(address)"] = instant }
    }

    func isKnownAddress(account: String, address: String, since instant: Date) async throws -> Bool {
        box.read().knownAddresses["\(account)|\(address)"].map { $0 > instant } ?? false
    }

    func create(_ link: OneTimeLink) async throws { try box.write { $0.links[link.secretHash] = link } }

    func findLink(secretHash: String) async throws -> OneTimeLink? { box.read().links[secretHash] }

    func markUsed(secretHash: String, at instant: Date) async throws {
        try box.write { $0.links[secretHash]?.usedAt = instant }
    }
}
