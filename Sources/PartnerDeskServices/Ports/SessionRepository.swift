import Foundation
import PartnerDeskDomain

/// Browser sessions, failed sign-ins and one-time links.
public protocol SessionRepository: Sendable {
    func create(_ session: SignInSession) async throws
    func find(secretHash: String) async throws -> SignInSession?
    /// Records use of a session.
    func touch(secretHash: String, at instant: Date) async throws
    func revoke(secretHash: String, at instant: Date) async throws
    /// Marks a session's second factor as given.
    func confirmSecondFactor(secretHash: String) async throws
    /// Ends every session of a user (disabling, password change).
    func revokeAll(userID: User.ID, at instant: Date) async throws

    /// Records a failed sign-in against a key (`pair:<email>|<ip>`, `account:<email>` or `address:<ip>`).
    func recordFailure(key: String, at instant: Date) async throws
    /// Failed sign-ins for a key since an instant.
    func failures(key: String, since instant: Date) async throws -> [Date]
    /// Remembers that an account (its normalised e-mail address) completed a sign-in from a client address.
    func recordKnownAddress(account: String, address: String, at instant: Date) async throws
    /// Whether the account completed a sign-in from the address since an instant.
    func isKnownAddress(account: String, address: String, since instant: Date) async throws -> Bool

    func create(_ link: OneTimeLink) async throws
    func findLink(secretHash: String) async throws -> OneTimeLink?
    func markUsed(secretHash: String, at instant: Date) async throws
}
