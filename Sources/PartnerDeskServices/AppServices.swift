/// Every use case the outer layers may call, built once at start-up from the ports.
///
/// The web layer and the command line receive this bundle and nothing else, so they can never reach the
/// database around the rules.
public struct AppServices: Sendable {
    public let partners: PartnerAdministrationService
    public let demo: DemoDataService
    public let readiness: any ReadinessProbe
    public let clock: any Clock

    public init(
        store: any UnitOfWork,
        readiness: any ReadinessProbe,
        clock: any Clock,
        ids: any IDGenerator,
        hasher: any PasswordHasher
    ) {
        self.partners = PartnerAdministrationService(store: store, ids: ids)
        self.demo = DemoDataService(store: store, ids: ids, hasher: hasher)
        self.readiness = readiness
        self.clock = clock
    }
}
