import Foundation
import PartnerDeskDatabaseTestSupport
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing

/// Report editions, issued months and reviews on every store: an edition reads back exactly and is stored once
/// however often it is offered, and a month's report finds exactly the incidents that concern it.
@Suite struct ServiceReportStoreTests {
    static func at(_ text: String) -> Date { ISO8601Instant.date(from: text)! }
    static let november = ReportingMonth("2026-11")!

    static func edition(_ number: Int, partner: Partner.ID?, month: ReportingMonth = november) throws
        -> ServiceReportEdition
    {
        let calendar = try BusinessCalendar(spec: ServiceLevelTier.silver.businessCalendar)
        let compiledAt = at("2026-12-01T08:00:00Z")
        let report = ServiceReport.compile(
            .init(
                month: month, scope: .init(partnerCode: partner == nil ? nil : "WELLPATH", name: "Wellpath"),
                tier: .silver, period: calendar.interval(of: month), compiledAt: compiledAt, incidents: [],
                clockRules: { _ in (.silver, calendar) }, partnerCodes: [:], hssis: [], partnerID: partner,
                hours: { _ in calendar }, problems: [],
                availability: Availability.measure(
                    month: month, tier: .silver, calendar: calendar, outages: [], maintenance: [], partner: partner,
                    now: compiledAt),
                releases: [], maintenance: []))
        let changes =
            number == 1
            ? [] : [ReportChange(section: "Incidents", item: "Severity 1", measure: "Raised", before: "1", after: nil)]
        return ServiceReportEdition(
            id: .init(UUID()), partnerID: partner, month: month, number: number,
            issuedAt: compiledAt.addingTimeInterval(Double(number)), report: report, changes: changes)
    }

    @Test(arguments: ContractStore.available)
    func editions_readBackExactly_andAreStoredOnce(_ backend: ContractStore) async throws {
        try await withStore(backend) { store in
            let partner = Partner(
                id: .init(UUID()), code: PartnerCode("WELLPATH")!, name: "Wellpath", status: .live, tierID: "silver",
                services: [], contacts: [], registeredAt: Self.at("2026-10-15T09:00:00Z"))
            try await store.transaction { try await $0.partners.create(partner) }
            #expect(try await store.repositories.partners.find(id: partner.id)?.registeredAt == partner.registeredAt)
            let first = try Self.edition(1, partner: partner.id)
            let second = try Self.edition(2, partner: partner.id)
            let whole = try Self.edition(1, partner: nil)
            let october = try Self.edition(1, partner: partner.id, month: ReportingMonth("2026-10")!)
            let stored = try await store.transaction { repositories in
                var stored: [Bool] = []
                for edition in [first, second, whole, october] {
                    stored.append(try await repositories.reports.create(edition))
                }
                return stored
            }
            #expect(stored == [true, true, true, true])
            var copy = first
            copy.id = .init(UUID())
            let again = copy
            #expect(try await store.transaction { try await $0.reports.create(again) } == false)
            let reports = store.repositories.reports
            #expect(try await reports.editions(partnerID: partner.id, month: Self.november) == [first, second])
            #expect(try await reports.editions(partnerID: nil, month: Self.november) == [whole])
            #expect(Set(try await reports.latestEditions(month: Self.november).map(\.id)) == [second.id, whole.id])

            #expect(try await reports.isIssued(Self.november) == false)
            try await store.transaction {
                try await $0.reports.markIssued(Self.november, at: Self.at("2026-12-01T08:00:00Z"))
            }
            try await store.transaction {
                try await $0.reports.markIssued(Self.november, at: Self.at("2026-12-01T08:00:01Z"))
            }
            #expect(try await reports.isIssued(Self.november))
        }
    }

    @Test(arguments: ContractStore.available)
    func reviews_askedTwiceAreOne_andOneAskedAgainDuringTheReviewStays(_ backend: ContractStore) async throws {
        try await withStore(backend) { store in
            let partner = Partner.ID(UUID())
            let reports = store.repositories.reports
            try await store.transaction { repositories in
                try await repositories.reports.requestReview(
                    .partner(partner), month: Self.november, at: Self.at("2026-12-02T10:00:00Z"))
                try await repositories.reports.requestReview(
                    .wholeService, month: Self.november, at: Self.at("2026-12-02T10:00:01Z"))
                try await repositories.reports.requestReview(
                    .everyReport, month: Self.november, at: Self.at("2026-12-02T10:00:02Z"))
                try await repositories.reports.requestReview(
                    .partner(partner), month: Self.november, at: Self.at("2026-12-02T10:00:03Z"))
            }
            let waiting = try await reports.reviews(limit: 10)
            #expect(waiting.map(\.scope) == [.wholeService, .everyReport, .partner(partner)])
            // A review that began before the partner's second asking leaves it for the next run.
            let begun = Self.at("2026-12-02T10:00:02Z")
            #expect(
                try await store.transaction {
                    try await $0.reports.finishReview(.partner(partner), month: Self.november, requestedBy: begun)
                } == false)
            #expect(
                try await store.transaction {
                    try await $0.reports.finishReview(.wholeService, month: Self.november, requestedBy: begun)
                })
            #expect(try await reports.reviews(limit: 10).map(\.scope) == [.everyReport, .partner(partner)])
        }
    }

    @Test(arguments: ContractStore.available)
    func aMonthsReport_findsTheIncidentsRaisedBeforeItEndedAndNotResolvedBeforeItBegan(_ backend: ContractStore)
        async throws
    {
        try await withStore(backend) { store in
            let clock = FixedClock(Self.at("2026-10-30T09:00:00Z"))
            let services = AppServices.forTests(store: store, clock: clock)
            let partner = try await services.partners.register(
                PartnerDraft(
                    code: "WELLPATH", name: "Wellpath", status: "live", services: [.init(name: "GP", clientID: "wp")]))
            let system = try #require(
                try await services.tokens.authenticate(
                    services.tokens.create(name: "Wellpath system", partnerCode: partner.code, role: nil).secret))
            let desk = try #require(
                try await services.tokens.authenticate(
                    services.tokens.create(name: "Desk", partnerCode: nil, role: .firstLineAgent).secret))
            func raise(resolvedAt: String?) async throws -> IncidentReference {
                let draft = IncidentReportDraft(
                    type: "accessing_service", occurredAt: ISO8601Instant.string(from: clock.now()),
                    userEmail: "u@example.org", errorType: "Loop", description: "Loops", deviceType: "mobile",
                    operatingSystem: "iOS", operatingSystemVersion: "17")
                guard case .created(let raised, _) = try await services.incidents.raise(draft, by: system) else {
                    throw ServiceError.notFound
                }
                var view = try await services.incidents.transition(
                    raised.incident.id, IncidentTransitionDraft(action: "receive", severity: 3),
                    expectedVersion: raised.incident.version, by: desk)
                if let resolvedAt {
                    let now = clock.now()
                    clock.set(Self.at(resolvedAt))
                    view = try await services.incidents.transition(
                        view.incident.id,
                        IncidentTransitionDraft(action: "resolve", resolution: "fix", note: "Fixed"),
                        expectedVersion: view.incident.version, by: desk)
                    clock.set(now)
                }
                return view.incident.reference
            }
            let octoberOnly = try await raise(resolvedAt: "2026-10-30T12:00:00Z")
            let intoNovember = try await raise(resolvedAt: "2026-11-02T12:00:00Z")
            let stillOpen = try await raise(resolvedAt: nil)
            clock.set(Self.at("2026-12-01T09:00:00Z"))
            let december = try await raise(resolvedAt: nil)
            let calendar = try BusinessCalendar(spec: ServiceLevelTier.silver.businessCalendar)
            let found = try await store.repositories.incidents.active(
                during: calendar.interval(of: Self.november), partnerID: partner.id)
            #expect(found.map(\.reference) == [intoNovember, stillOpen])
            #expect(
                try await store.repositories.incidents.active(
                    during: calendar.interval(of: Self.november), partnerID: nil
                )
                .map(\.reference) == [intoNovember, stillOpen])
            _ = (octoberOnly, december)
        }
    }
}
