/// Whether the service can take traffic: the database answers and its schema is current.
public enum Readiness: Sendable, Equatable {
    case ready
    /// Not ready, with the reason an operator needs to fix it.
    case notReady(reason: String)
}

/// Checks the store on behalf of the readiness endpoint.
public protocol ReadinessProbe: Sendable {
    /// Asks the database a trivial question and compares applied migrations with the known list.
    func check() async -> Readiness
}
