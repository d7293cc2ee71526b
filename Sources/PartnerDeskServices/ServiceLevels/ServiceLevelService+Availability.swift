import Foundation
import PartnerDeskDomain

/// A month's availability with the outages and maintenance behind it.
public struct AvailabilityView: Sendable, Hashable {
    public var measure: AvailabilityMeasure
    /// The partner measured; nil for the whole service.
    public var partner: Partner?
    /// The tier it is measured against.
    public var tierName: String
    /// The outages in the month that count for it (as the caller may see them), earliest first.
    public var outages: [Outage]
    /// The maintenance windows in the month that concern it (for a partner's own people, only those announced).
    public var maintenance: [ServiceLevelService.MaintenanceView]
    /// Whether the month is over (the figures are final).
    public var isComplete: Bool
}

/// Availability per month, for a partner against its tier or for the whole service against the platform's,
/// and the warnings service managers get as the current month's allowance goes.
extension ServiceLevelService {
    /// A month's availability (`YYYY-MM`, not ahead of the current month). A partner's people always see their
    /// own organisation's; staff see the whole service, or one partner's by its code.
    public func availability(month text: String, partner code: String?, as principal: Principal) async throws
        -> AvailabilityView
    {
        try Authorization.require(principal, .readServiceLevels)
        let now = clock.now()
        let current = ReportingMonth(containing: calendar.localDate(of: now))
        let month = try Self.month(text)
        guard month <= current else {
            throw ValidationFailure([
                .init(field: "month", code: "not_started", message: "\(month) has not started yet.")
            ])
        }
        let repositories = store.repositories
        let partner = try await Self.partner(code, as: principal, in: repositories)
        let period = calendar.interval(of: month)
        let outages = try await repositories.serviceLevels.outages(overlapping: period)
        let windows = try await repositories.serviceLevels.maintenance(overlapping: period)
        let tier = partner.map { catalog.tier($0.tierID) } ?? platformTier
        let measure = Availability.measure(
            month: month, tier: tier, calendar: calendar, outages: outages, maintenance: windows,
            partner: partner?.id, now: now)
        let mine = outages.filter { outage in partner.map { outage.affects($0.id) } ?? true }
        let isPartner = principal.role.isPartnerRole
        let seen = isPartner ? mine.compactMap { o in partner.map { o.seen(by: $0.id) } } : mine
        let concerned = windows.filter { window in
            (partner.map { window.affects($0.id) } ?? true) && (!isPartner || window.announcedAt != nil)
        }
        return AvailabilityView(
            measure: measure, partner: partner, tierName: tier.name, outages: seen, maintenance: concerned.map(view),
            isComplete: month < current)
    }

    /// Warns the service managers, once each, as the current month's allowance for the whole service goes: at
    /// 50, 75 and 100 %, and when downtime burns it fast (see ``DowntimeBudgetAlert``). Returns how many
    /// warnings went. Run by the background jobs; safe on several servers at once.
    public func warnOfAllowance(now: Date) async throws -> Int {
        let month = ReportingMonth(containing: calendar.localDate(of: now))
        let period = calendar.interval(of: month)
        let lookback = DateInterval(start: period.start.addingTimeInterval(-14 * 86_400), end: period.end)
        let repositories = store.repositories
        let outages = try await repositories.serviceLevels.outages(overlapping: lookback)
        let windows = try await repositories.serviceLevels.maintenance(overlapping: lookback)
        let measure = Availability.measure(
            month: month, tier: platformTier, calendar: calendar, outages: outages, maintenance: windows,
            partner: nil, now: now)
        let downtime = Availability.downtime(outages: outages, maintenance: windows, partner: nil, now: now)
        let alerts = DowntimeBudgetAlert.alerts(for: measure, downtime: downtime, calendar: calendar, now: now)
        guard !alerts.isEmpty else { return 0 }
        let service = self
        let link = "\(planner.publicURL)/service-levels?month=\(month)"
        return try await store.transaction { repositories in
            var sent = 0
            for alert in alerts where try await repositories.serviceLevels.recordAlert(key: alert.key, at: now) {
                try await service.planner.enqueue(
                    ServiceNotice.allowance(alert, measure: measure, link: link).broadcast,
                    toStaffIn: [.serviceManager], at: now, in: repositories)
                sent += 1
            }
            return sent
        }
    }
}

extension ServiceLevelService {
    /// A month written `YYYY-MM`, or the refusal that says how to write it.
    static func month(_ text: String) throws -> ReportingMonth {
        guard let month = ReportingMonth(text.trimmingCharacters(in: .whitespaces)) else {
            throw ValidationFailure([
                .init(field: "month", code: "invalid_format", message: "Give the month as YYYY-MM, like 2026-11.")
            ])
        }
        return month
    }

    /// Whose figures a caller asks for: a partner's people always their own organisation (another code reads
    /// as missing); staff a partner by its code, or the whole service (nil) without one.
    static func partner(_ code: String?, as principal: Principal, in repositories: any Repositories) async throws
        -> Partner?
    {
        if principal.role.isPartnerRole {
            guard let own = principal.partnerID, let partner = try await repositories.partners.find(id: own) else {
                throw ServiceError.forbidden
            }
            if let code, !code.isEmpty, PartnerCode(code) != partner.code { throw ServiceError.notFound }
            return partner
        }
        guard let code, !code.isEmpty else { return nil }
        guard let partnerCode = PartnerCode(code), let found = try await repositories.partners.find(code: partnerCode)
        else { throw ServiceError.notFound }
        return found
    }
}

/// One partner's month.
public struct PartnerAvailability: Sendable, Hashable {
    public var partner: Partner
    public var measure: AvailabilityMeasure
}

extension ServiceLevelService {
    /// Every partner still served, with its month against its own tier, for staff comparing them.
    public func availabilityByPartner(month: ReportingMonth, as principal: Principal) async throws
        -> [PartnerAvailability]
    {
        try Authorization.require(principal, .readServiceLevels)
        guard !principal.role.isPartnerRole else { throw ServiceError.forbidden }
        let repositories = store.repositories
        let period = calendar.interval(of: month)
        let outages = try await repositories.serviceLevels.outages(overlapping: period)
        let windows = try await repositories.serviceLevels.maintenance(overlapping: period)
        let now = clock.now()
        return try await Broadcast.audience(in: repositories).map { partner in
            PartnerAvailability(
                partner: partner,
                measure: Availability.measure(
                    month: month, tier: catalog.tier(partner.tierID), calendar: calendar, outages: outages,
                    maintenance: windows, partner: partner.id, now: now))
        }
    }
}
