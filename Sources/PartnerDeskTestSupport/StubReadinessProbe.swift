import PartnerDeskServices

/// A readiness probe that answers whatever the test set.
public struct StubReadinessProbe: ReadinessProbe {
    public var answer: Readiness

    public init(_ answer: Readiness) {
        self.answer = answer
    }

    public func check() async -> Readiness { answer }
}
