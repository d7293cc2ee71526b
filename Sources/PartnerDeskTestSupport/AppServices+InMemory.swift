import Logging
import PartnerDeskDomain
import PartnerDeskServices

extension AppServices {
    /// Services over an in-memory store with a fixed clock and predictable ids, for HTTP tests. Messages
    /// go to `transports`.
    public static func inMemory(
        store: InMemoryStore = InMemoryStore(), readiness: Readiness = .ready, clock: FixedClock,
        transports: RecordingTransports = RecordingTransports()
    ) -> AppServices {
        forTests(store: store, readiness: readiness, clock: clock, transports: transports)
    }

    /// Services over any store (the SQL one in database tests) with the test doubles: plain-text passwords,
    /// counting secrets, predictable ids and digests, and recording transports.
    public static func forTests(
        store: any UnitOfWork, readiness: Readiness = .ready, clock: FixedClock,
        ids: SequentialIDGenerator = SequentialIDGenerator(), transports: RecordingTransports = RecordingTransports(),
        requireStaffSecondFactor: Bool = false
    ) -> AppServices {
        AppServices(
            store: store, readiness: StubReadinessProbe(readiness), clock: clock, ids: ids,
            hasher: PlainTextPasswordHasher(), secrets: CountingSecretKeeper(), digester: TestDigester(),
            catalog: .standard.separate(), delivery: .recording(transports),
            requireStaffSecondFactor: requireStaffSecondFactor
        )
    }
}

extension DeliverySetup {
    /// Delivery into recording transports, with links to the default local address.
    public static func recording(_ transports: RecordingTransports) -> DeliverySetup {
        DeliverySetup(
            sender: EmailAddress("desk@partnerdesk.example")!, publicURL: "http://127.0.0.1:8080", mail: transports,
            webhooks: transports, metrics: transports, retry: RetryPolicy(maxAttempts: 3, base: 60, cap: 600),
            logger: Logger(label: "test"))
    }
}

extension ServiceLevelCatalog {
    /// The built-in tiers, built once per test process (building a calendar prepares its tables). Services made
    /// for tests take a ``separate()`` copy, so one test's bank-holiday import never reaches another's.
    public static let standard: ServiceLevelCatalog = try! ServiceLevelCatalog()
}
