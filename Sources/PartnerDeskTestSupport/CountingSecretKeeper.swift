import Foundation
import PartnerDeskServices
import Synchronization

/// which secret is which.
public final class CountingSecretKeeper: SecretKeeper {
    private let counter = Mutex(0)

    public init() {}

    public func makeSecret() -> String {
        let next = counter.withLock { value in
            value += 1
            return value
        }
        return "secret-\(next)"
    }

    public func hash(_ secret: String) -> String { "hash:" + secret }

    public func randomBytes(_ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) } }
}
