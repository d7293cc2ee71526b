import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Synchronization

/// Audit checkpoints kept in memory, signed with a keyed FNV-1a digest: deterministic, and enough to tell one
/// key from another in tests. Not for security.
public final class InMemoryAuditAnchor: AuditAnchor, Sendable {
    private let key: String
    private let checkpoints = Mutex<[AuditCheckpoint]>([])

    public init(key: String = "test audit key") {
        self.key = key
    }

    public func sign(_ text: String) -> String {
        let value = Array((key + "|" + text).utf8).reduce(UInt64(0xCBF2_9CE4_8422_2325)) {
            ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3
        }
        return String(value, radix: 16)
    }

    public func keep(_ checkpoint: AuditCheckpoint) throws {
        checkpoints.withLock { $0.append(checkpoint) }
    }

    public func kept() throws -> [AuditCheckpoint] { checkpoints.withLock { $0 } }

    public func latest() throws -> AuditCheckpoint? { checkpoints.withLock { $0.last } }
}

extension AuditService {
    /// An audit log over a store for tests, hashing with the counting secret keeper.
    public static func forTests(store: any UnitOfWork, clock: any Clock = FixedClock(Date(timeIntervalSince1970: 0)))
        -> AuditService
    {
        AuditService(store: store, clock: clock, hasher: CountingSecretKeeper())
    }
}
