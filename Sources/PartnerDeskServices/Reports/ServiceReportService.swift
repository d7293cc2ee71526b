import Foundation
import PartnerDeskDomain

/// A report as its reader sees it: the edition asked for (or, before the first is issued, the figures as they
/// stand), with the other editions of the same report.
public struct ServiceReportView: Sendable {
    public var report: ServiceReport
    /// The edition shown; nil when none has been issued yet (the figures are provisional).
    public var edition: ServiceReportEdition?
    /// Every edition of the report, oldest first, with when each was issued and how many figures it changed.
    public var editions: [(number: Int, issuedAt: Date, changes: Int)]
    /// The partner reported on; nil for the whole service.
    public var partner: Partner?
    /// When the month's first editions fall due.
    public var issuesAt: Date
}

/// The monthly service reports: worked out for any month that is over, issued as an edition for every partner
/// and the whole service on the first working day after the month, sent to the partners' contacts, and revised
/// (never altered) when the figures behind a month change.
public struct ServiceReportService: Sendable {
    let store: any UnitOfWork
    let ids: any IDGenerator
    let clock: any Clock
    let catalog: ServiceLevelCatalog
    let planner: NotificationPlanner
    let calendars = HoursCalendars()

    public init(
        store: any UnitOfWork, ids: any IDGenerator, clock: any Clock, catalog: ServiceLevelCatalog,
        planner: NotificationPlanner
    ) {
        self.store = store
        self.ids = ids
        self.clock = clock
        self.catalog = catalog
        self.planner = planner
    }

    /// The platform's calendar: months run on its clock and reports fall due on its working days.
    var calendar: BusinessCalendar { catalog.calendar(ServiceLevelTier.silver.id) }

    /// A month's report (`YYYY-MM`): a partner's people always read their own organisation's; staff read the
    /// whole service's, or a partner's by its code. `edition` picks an earlier edition (the latest otherwise).
    /// The month must be over and not before the partner (or, for the whole service, the first partner) was
    /// registered.
    public func report(month text: String, partner code: String?, edition: Int?, as principal: Principal) async throws
        -> ServiceReportView
    {
        try Authorization.require(principal, .readServiceLevels)
        let now = clock.now()
        let partner = try await ServiceLevelService.partner(code, as: principal, in: store.repositories)
        let month = try await checkedMonth(text, partner: partner, now: now)
        let editions = try await store.repositories.reports.editions(partnerID: partner?.id, month: month)
        let shown: ServiceReportEdition?
        if let edition {
            guard let found = editions.first(where: { $0.number == edition }) else { throw ServiceError.notFound }
            shown = found
        } else {
            shown = editions.last
        }
        let report: ServiceReport
        if let shown {
            report = shown.report
        } else {
            report = try await compile(month, partner: partner, at: now, in: store.repositories)
        }
        return ServiceReportView(
            report: report, edition: shown, editions: editions.map { ($0.number, $0.issuedAt, $0.changes.count) },
            partner: partner, issuesAt: ServiceReportSchedule.issueAt(month, calendar: calendar))
    }

    /// The latest month that is over, for pages that offer it first.
    public var lastMonthOver: ReportingMonth {
        ReportingMonth(containing: calendar.localDate(of: clock.now())).previous
    }

    private func checkedMonth(_ text: String, partner: Partner?, now: Date) async throws -> ReportingMonth {
        let month = try ServiceLevelService.month(text)
        let current = ReportingMonth(containing: calendar.localDate(of: now))
        guard month < current else {
            throw ValidationFailure([
                .init(
                    field: "month", code: "not_over",
                    message: "\(month) is not over yet: its report can be read from \(current.next.firstDay) at the "
                        + "earliest, once the month has ended.")
            ])
        }
        let registered: Date? =
            if let partner { partner.registeredAt } else {
                try await store.repositories.partners.list().compactMap(\.registeredAt).min()
            }
        if let registered {
            let first = ReportingMonth(containing: calendar.localDate(of: registered))
            guard month >= first else {
                throw ValidationFailure([
                    .init(
                        field: "month", code: "before_partner",
                        message: "\(month) comes before \(partner?.name ?? "the first partner") was registered "
                            + "(\(first)); reports start with \(first).")
                ])
            }
        }
        return month
    }

    /// Works out a month's report for a partner (or the whole service) from what is stored now.
    func compile(_ month: ReportingMonth, partner: Partner?, at now: Date, in repositories: any Repositories)
        async throws -> ServiceReport
    {
        let period = calendar.interval(of: month)
        let partners = try await repositories.partners.list()
        let byID = Dictionary(partners.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let incidents = try await repositories.incidents.active(during: period, partnerID: partner?.id)
        let hssis = try await repositories.hssis.list().filter { hssi in
            partner.map { hssi.primaryPartnerID == $0.id || hssi.affectedPartnerIDs.contains($0.id) } ?? true
        }
        var hours: [Partner.ID: BusinessCalendar] = [:]
        for hssi in hssis where period.contains(hssi.occurredAt) && hours[hssi.primaryPartnerID] == nil {
            let operating = byID[hssi.primaryPartnerID]?.hoursOfOperation ?? .alwaysOpen
            hours[hssi.primaryPartnerID] = try calendars.calendar(for: operating, around: hssi.occurredAt)
        }
        let releases = try await repositories.releases.releases()
        let agreed = AgreedRelease.byProblem(releases)
        let platform = catalog.tier(ServiceLevelTier.silver.id)
        // Only the problem records the month's incidents are linked to, not every one.
        var problems: [(problem: Problem, target: ProblemFixTarget)] = []
        for text in Set(incidents.compactMap(\.linkedProblem)).sorted() {
            guard let reference = ProblemReference(text),
                let problem = try await repositories.problems.find(reference: reference)
            else { continue }
            let target = problem.fixTarget(
                tier: platform, calendar: calendar, at: min(now, period.end), agreedRelease: agreed[problem.id])
            problems.append((problem, target))
        }
        let outages = try await repositories.serviceLevels.outages(overlapping: period)
        let windows = try await repositories.serviceLevels.maintenance(overlapping: period).filter { window in
            partner.map { window.affects($0.id) } ?? true
        }
        let tier = partner.map { catalog.tier($0.tierID) } ?? platform
        let (tiers, tierIDs, fallback) = (catalog, byID.mapValues(\.tierID), ServiceLevelTier.silver.id)
        let always = try calendars.calendar(for: .alwaysOpen, around: period.start)
        return ServiceReport.compile(
            .init(
                month: month,
                scope: partner.map { .init(partnerCode: $0.code.value, name: $0.name) } ?? .wholeService,
                tier: tier, period: period, compiledAt: now, incidents: incidents,
                clockRules: { incident in
                    let id = tierIDs[incident.partnerID] ?? fallback
                    return (tiers.tier(id), tiers.calendar(id))
                },
                partnerCodes: byID.mapValues(\.code.value), hssis: hssis, partnerID: partner?.id,
                hours: { [hours] in hours[$0] ?? always }, problems: problems,
                availability: Availability.measure(
                    month: month, tier: tier, calendar: calendar, outages: outages, maintenance: windows,
                    partner: partner?.id, now: now),
                releases: releases, maintenance: windows,
                serviceRequests: try await repositories.serviceRequests.list(
                    ServiceRequestQuery(partnerID: partner?.id, limit: Self.requestsRead))))
    }

    /// The most service requests a report reads, newest first: years of any partner's requests.
    static let requestsRead = 100_000
}
