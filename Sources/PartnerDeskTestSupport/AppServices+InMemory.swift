import PartnerDeskServices

extension AppServices {
    /// Services over an in-memory store with a fixed clock and predictable ids, for HTTP tests.
    public static func inMemory(
        store: InMemoryStore = InMemoryStore(), readiness: Readiness = .ready, clock: FixedClock
    ) -> AppServices {
        AppServices(
            store: store, readiness: StubReadinessProbe(readiness), clock: clock, ids: SequentialIDGenerator(),
            hasher: PlainTextPasswordHasher(), secrets: CountingSecretKeeper(), digester: TestDigester(),
            catalog: .standard
        )
    }
}

extension ServiceLevelCatalog {
    /// The built-in tiers, built once per test process (building a calendar prepares its tables).
    public static let standard: ServiceLevelCatalog = try! ServiceLevelCatalog()
}
