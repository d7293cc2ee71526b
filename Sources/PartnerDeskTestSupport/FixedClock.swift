import Foundation
import PartnerDeskServices
import Synchronization

/// A clock that says what the test tells it to, and moves only when told.
public final class FixedClock: Clock {
    private let instant: Mutex<Date>

    public init(_ instant: Date) {
        self.instant = Mutex(instant)
    }

    public func now() -> Date { instant.withLock { $0 } }

    /// Moves the clock forward.
    public func advance(by seconds: TimeInterval) {
        instant.withLock { $0 += seconds }
    }
}

/// Predictable UUIDs: 00000000-0000-0000-0000-000000000001, …0002, and so on.
public final class SequentialIDGenerator: IDGenerator {
    private let counter = Mutex(0)

    public init() {}

    public func make() -> UUID {
        let next = counter.withLock { value in
            value += 1
            return value
        }
        return UUID(uuidString: String(format: "00000000-0000-0000-0000-%012x", next))!
    }
}

/// A password "hasher" for tests that do not exercise hashing: fast and obviously not for production.
public struct PlainTextPasswordHasher: PasswordHasher {
    public init() {}
    public func hash(_ password: String) throws -> String { "plain:" + password }
    public func verify(_ password: String, against hash: String) throws -> Bool { hash == "plain:" + password }
}

/// Token secrets `secret-1`, `secret-2`, … with a visible, reversible "hash", for tests that need to know
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

/// A content digest for tests: FNV-1a, 64 bits, in hexadecimal. Deterministic and cheap; not for security.
public struct TestDigester: ContentDigester {
    public init() {}

    public func sha256(_ data: Data) -> String {
        let value = data.reduce(UInt64(0xCBF2_9CE4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
        return String(value, radix: 16)
    }

    /// Not an HMAC: a keyed FNV-1a stretched to 20 bytes, enough for deterministic TOTP tests.
    public func hmacSHA1(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var value = (key + message).reduce(UInt64(0xCBF2_9CE4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
        return (0..<20).map { _ in
            value = (value ^ (value >> 29)) &* 0xBF58_476D_1CE4_E5B9
            return UInt8(truncatingIfNeeded: value >> 32)
        }
    }
}
