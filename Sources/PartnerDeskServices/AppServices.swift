import PartnerDeskDomain

/// Every use case the outer layers may call, built once at start-up from the ports.
///
/// The web layer and the command line receive this bundle and nothing else, so they can never reach the
/// database around the rules.
public struct AppServices: Sendable {
    public let partners: PartnerAdministrationService
    public let incidents: IncidentService
    public let tokens: TokenService
    public let audit: AuditService
    public let accounts: AccountService
    public let demo: DemoDataService
    public let notifications: NotificationSettingsService
    public let problems: ProblemService
    public let hssis: HSSIService
    public let releases: ReleaseService
    public let serviceLevels: ServiceLevelService
    public let reports: ServiceReportService
    public let bankHolidays: BankHolidayService
    public let serviceRequests: ServiceRequestService
    public let journeys: PartnerJourneyService
    public let jobs: BackgroundJobs
    public let readiness: any ReadinessProbe
    public let clock: any Clock
    public let catalog: ServiceLevelCatalog

    public init(
        store: any UnitOfWork,
        readiness: any ReadinessProbe,
        clock: any Clock,
        ids: any IDGenerator,
        hasher: any PasswordHasher,
        secrets: any SecretKeeper,
        digester: any ContentDigester,
        catalog: ServiceLevelCatalog,
        delivery: DeliverySetup,
        screenshotLimits: ScreenshotLimits = .default,
        requireStaffSecondFactor: Bool = false, hssiCadence: HSSIUpdateCadence = .standard,
        auditAnchor: (any AuditAnchor)? = nil, webhookPolicy: WebhookTargetPolicy = WebhookTargetPolicy(),
        releaseLeadTime: ReleaseLeadTime = .standard, maintenanceLeadTime: MaintenanceLeadTime = .standard,
        serviceRequestTypes: ServiceRequestCatalogue = .standard
    ) {
        let planner = NotificationPlanner(sender: delivery.sender, publicURL: delivery.publicURL, ids: ids)
        let partnerCache = PartnerCache(clock: clock)
        let audit = AuditService(store: store, clock: clock, hasher: secrets, anchor: auditAnchor)
        self.audit = audit
        self.partners = PartnerAdministrationService(
            store: store, ids: ids, catalog: catalog, audit: audit, clock: clock)
        self.incidents = IncidentService(
            store: store, ids: ids, clock: clock, catalog: catalog, digester: digester,
            partners: partnerCache, planner: planner, audit: audit, screenshotLimits: screenshotLimits
        )
        self.tokens = TokenService(
            store: store, ids: ids, clock: clock, secrets: secrets, audit: audit, partners: partnerCache)
        self.accounts = AccountService(
            store: store, ids: ids, clock: clock, hasher: hasher, secrets: secrets, audit: audit, digester: digester,
            partners: partnerCache, publicURL: delivery.publicURL, requireStaffSecondFactor: requireStaffSecondFactor
        )
        self.demo = DemoDataService(
            store: store, ids: ids, hasher: hasher, clock: clock, catalog: catalog, digester: digester, audit: audit
        )
        self.problems = ProblemService(store: store, ids: ids, clock: clock, catalog: catalog, incidents: incidents)
        self.notifications = NotificationSettingsService(
            store: store, ids: ids, clock: clock, secrets: secrets, audit: audit, webhookPolicy: webhookPolicy)
        self.hssis = HSSIService(
            store: store, ids: ids, clock: clock, planner: planner, audit: audit, cadence: hssiCadence)
        self.releases = ReleaseService(
            store: store, ids: ids, clock: clock, catalog: catalog, planner: planner, audit: audit, problems: problems,
            leadTime: releaseLeadTime)
        self.serviceLevels = ServiceLevelService(
            store: store, ids: ids, clock: clock, catalog: catalog, planner: planner, audit: audit,
            maintenanceLeadTime: maintenanceLeadTime)
        self.reports = ServiceReportService(store: store, ids: ids, clock: clock, catalog: catalog, planner: planner)
        self.bankHolidays = BankHolidayService(store: store, ids: ids, clock: clock, catalog: catalog, audit: audit)
        self.serviceRequests = ServiceRequestService(
            store: store, ids: ids, clock: clock, catalog: catalog, planner: planner, audit: audit,
            types: serviceRequestTypes)
        self.journeys = PartnerJourneyService(
            store: store, ids: ids, clock: clock, catalog: catalog, planner: planner, audit: audit,
            cache: partnerCache, reportsService: reports)
        self.jobs = BackgroundJobs(
            escalations: EscalationService(store: store, catalog: catalog, planner: planner, logger: delivery.logger),
            hssis: hssis, releases: releases, serviceLevels: serviceLevels, reports: reports,
            bankHolidays: bankHolidays, serviceRequests: serviceRequests, audit: audit,
            dispatcher: OutboxDispatcher(
                store: store, sender: delivery.sender, mail: delivery.mail, webhooks: delivery.webhooks,
                retry: delivery.retry, metrics: delivery.metrics, logger: delivery.logger),
            store: store)
        self.readiness = readiness
        self.clock = clock
        self.catalog = catalog
    }
}
