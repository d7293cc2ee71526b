import Foundation

/// Where use cases get the current instant: read once per operation and passed down, so tests can pin it.
public protocol Clock: Sendable {
    /// The current instant (UTC).
    func now() -> Date
}

/// Where use cases get new identifiers, so tests can make them predictable.
public protocol IDGenerator: Sendable {
    /// A new, unique identifier.
    func make() -> UUID
}
