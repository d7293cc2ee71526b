import Foundation
import PartnerDeskDomain

/// Issuing and revising editions, run by the background jobs. Safe on several servers at once: an edition is
/// stored only if no server stored that number first, and its messages go in the same transaction, so each is
/// sent once.
extension ServiceReportService {
    /// Issues the first edition of the latest month that has fallen due (see ``ServiceReportSchedule``) for every
    /// partner served that was registered before the month ended and, when there is one, for the whole service,
    /// and sends each.
    /// Returns how many editions this server issued.
    public func issueDue(now: Date) async throws -> Int {
        let month = ServiceReportSchedule.latestDue(at: now, calendar: calendar)
        let repositories = store.repositories
        guard try await !repositories.reports.isIssued(month) else { return 0 }
        let end = calendar.interval(of: month).end
        let partners = try await Broadcast.audience(in: repositories).filter { ($0.registeredAt ?? end) < end }
        var issued = 0
        // The whole service's report too, once any partner was there to be served.
        for partner in (partners.isEmpty ? [] : [nil]) + partners.map(Optional.some) {
            guard try await repositories.reports.editions(partnerID: partner?.id, month: month).isEmpty else {
                continue
            }
            let report = try await compile(month, partner: partner, at: now, in: repositories)
            let edition = ServiceReportEdition(
                id: .init(ids.make()), partnerID: partner?.id, month: month, number: 1, issuedAt: now, report: report,
                changes: [])
            issued += try await store(edition, partner: partner, at: now)
        }
        try await store.transaction { try await $0.reports.markIssued(month, at: now) }
        return issued
    }

    /// Works out again the reports whose figures may have changed (see ``requestReview(of:raisedAt:stoppedAt:)``)
    /// and issues a revised edition of each whose figures differ from its latest, saying what changed. Returns
    /// how many revised editions this server issued.
    public func reviseRequested(now: Date) async throws -> Int {
        let repositories = store.repositories
        var revised = 0
        for (scope, month) in try await repositories.reports.reviews(limit: 20) {
            let partnerIDs: [Partner.ID?] =
                switch scope {
                case .partner(let id): [id]
                case .wholeService: [nil]
                case .everyReport: try await repositories.reports.latestEditions(month: month).map(\.partnerID)
                }
            for partnerID in partnerIDs {
                guard let latest = try await repositories.reports.editions(partnerID: partnerID, month: month).last
                else { continue }
                let partner: Partner? =
                    if let partnerID { try await repositories.partners.find(id: partnerID) } else { nil }
                let report = try await compile(month, partner: partner, at: now, in: repositories)
                guard let next = latest.revised(by: report, id: .init(ids.make()), at: now) else { continue }
                revised += try await store(next, partner: partner, at: now)
            }
            try await store.transaction { _ = try await $0.reports.finishReview(scope, month: month, requestedBy: now) }
        }
        return revised
    }

    /// Stores an edition and queues its messages in one transaction; 0 when another server stored it first.
    private func store(_ edition: ServiceReportEdition, partner: Partner?, at now: Date) async throws -> Int {
        let link = planner.publicURL + SiteLink.report(edition.month, partner: partner?.code.value)
        let notice = ServiceNotice.report(edition, link: link)
        let planner = self.planner
        return try await store.transaction { repositories in
            guard try await repositories.reports.create(edition) else { return 0 }
            if let partner {
                try await planner.enqueue(notice.broadcast, to: [partner], at: now, in: repositories)
            } else {
                try await planner.enqueue(notice.broadcast, toStaffIn: [.serviceManager], at: now, in: repositories)
            }
            return 1
        }
    }
}

extension ServiceReportService {
    /// Asks for reports to be checked for a revision, for each month that is over from the earliest to the
    /// latest of `instants`: for a changed incident, its partner's and the whole service's reports over the
    /// months from when it was raised to when its clock stopped (or now, while it runs), before and after the
    /// change; for a corrected outage, every report over its times before and after.
    static func requestReviews(
        of scopes: [ServiceReportReviewScope], spanning instants: [Date], at now: Date, calendar: BusinessCalendar,
        in repositories: any Repositories
    ) async throws {
        guard let first = instants.min(), let latest = instants.max() else { return }
        let last = min(
            ReportingMonth(containing: calendar.localDate(of: now)).previous,
            ReportingMonth(containing: calendar.localDate(of: latest)))
        var month = ReportingMonth(containing: calendar.localDate(of: first))
        while month <= last {
            for scope in scopes { try await repositories.reports.requestReview(scope, month: month, at: now) }
            month = month.next
        }
    }
}
