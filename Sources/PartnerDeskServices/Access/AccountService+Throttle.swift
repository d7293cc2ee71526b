import Foundation
import PartnerDeskDomain

extension AccountService {
    /// Where one attempt's failures are counted: the account from this address, the account, the address.
    struct AttemptKeys {
        let account: String
        let address: String

        /// Keys for an account and a client address, counted as ``SignInThrottle/addressKey(_:)`` says.
        init(account: String, address: String) {
            self.account = account
            self.address = SignInThrottle.addressKey(address)
        }

        var all: [String] { ["pair:\(account)|\(address)", "account:\(account)", "address:\(address)"] }
    }

    /// Seconds the attempt must wait (see ``SignInThrottle``), or `nil` when it may go ahead.
    func throttleWait(_ keys: AttemptKeys, now: Date) async throws -> Int? {
        let sessions = store.repositories.sessions
        let since = now.addingTimeInterval(-Double(throttle.longestWindow))
        let counted = keys.all
        let failures = SignInThrottle.Failures(
            pair: try await sessions.failures(key: counted[0], since: since),
            account: try await sessions.failures(key: counted[1], since: since),
            address: try await sessions.failures(key: counted[2], since: since))
        let known = try await sessions.isKnownAddress(
            account: keys.account, address: keys.address,
            since: now.addingTimeInterval(-Double(throttle.knownAddressLifetime)))
        return throttle.retryAfter(failures, addressIsKnown: known, now: now)
    }

    /// Counts a failed attempt under each of its keys.
    func recordFailure(_ keys: AttemptKeys, at now: Date, in repositories: any Repositories) async throws {
        for key in keys.all { try await repositories.sessions.recordFailure(key: key, at: now) }
    }
}
