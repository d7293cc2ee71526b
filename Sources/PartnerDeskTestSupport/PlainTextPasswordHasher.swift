import Foundation
import PartnerDeskServices

/// A password "hasher" for tests that do not exercise hashing: fast and obviously not for production.
public struct PlainTextPasswordHasher: PasswordHasher {
    public init() {}
    public func hash(_ password: String) throws -> String { "plain:" + password }
    public func verify(_ password: String, against hash: String) throws -> Bool { hash == "plain:" + password }
}

/// Token secrets `secret-1`, `secret-2`, … with a visible, reversible "hash", for tests that need to know
