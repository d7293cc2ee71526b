import Foundation
import PartnerDeskDomain

/// What service management prepares for a service review: the report for each month it looks back on, the
/// open problems behind the partner's incidents, releases and maintenance to come, and the actions still open.
public struct ReviewPack: Sendable {
    /// An open problem as its reader may see it: a partner's people read the approved public summary.
    public struct ProblemLine: Sendable {
        public var reference: String
        public var title: String
        public var status: String
    }

    /// Each month the review looks back on that is over (issued editions, or provisional figures).
    public var reports: [ServiceReportView]
    public var openProblems: [ProblemLine]
    public var releases: [Release]
    public var maintenance: [MaintenanceWindow]
    public var openActions: [FollowUpAction]
}

extension PartnerJourneyService {
    /// The address review invitations come from, their organiser.
    public var invitationSender: EmailAddress { planner.sender }

    /// The service's public address, for links in invitations.
    public var publicURL: String { planner.publicURL }

    /// Sets how often the partner's service reviews are held (`none`, or nothing: none planned).
    public func setReviewCadence(_ code: String, _ cadence: String?, expectedVersion: Int, by principal: Principal)
        async throws -> PartnerProfile
    {
        var chosen: ReviewCadence?
        if let cadence, !cadence.isEmpty, cadence != "none" {
            guard let known = ReviewCadence(rawValue: cadence) else {
                let names = ReviewCadence.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationFailure([
                    ValidationIssue(
                        field: "cadence", code: "unknown_value", message: "Choose a cadence from: \(names).")
                ])
            }
            chosen = known
        }
        let cadence = chosen
        return try await changeJourney(code, .managePartners, expectedVersion, principal, "partner.review_cadence") {
            journey, _, _ in
            journey.setReviewCadence(cadence)
            return nil
        }
    }

    /// Schedules a service review; the attendees with an e-mail address and the partner are sent the
    /// invitation, with its calendar file.
    public func scheduleReview(
        _ code: String, _ draft: ServiceReview.Draft, expectedVersion: Int, by principal: Principal
    ) async throws -> PartnerProfile {
        let (planner, now, catalog, ids) = (self.planner, clock.now(), self.catalog, self.ids)
        return try await changeJourney(code, .managePartners, expectedVersion, principal, "partner.review_schedule") {
            journey, partner, repositories in
            let review = try journey.scheduleReview(
                draft, by: ActedBy(principal), at: now, calendar: catalog.calendar(partner.tierID),
                makeID: { ids.make() })
            try await planner.enqueue(
                PartnerNotice.reviewScheduled(
                    review, partner: partner, link: planner.publicURL + SiteLink.partnerJourney(partner.code),
                    calendarLink: planner.publicURL + SiteLink.reviewCalendar(partner.code, review.id)
                ).broadcast, to: [partner], alsoTo: review.attendees.compactMap(\.email), at: now, in: repositories)
            return nil
        }
    }

    /// Records a review's minutes and actions; the partner receives them.
    public func recordReview(
        _ code: String, _ id: UUID, minutes: String, actions: [FollowUpAction.Draft], expectedVersion: Int,
        by principal: Principal
    ) async throws -> PartnerProfile {
        let (planner, now, catalog, ids) = (self.planner, clock.now(), self.catalog, self.ids)
        try await requireReview(code, id, as: principal)
        return try await changeJourney(code, .managePartners, expectedVersion, principal, "partner.review_minutes") {
            journey, partner, repositories in
            let review = try journey.recordReview(
                id, minutes: minutes, actions: actions, by: ActedBy(principal), at: now,
                today: catalog.calendar(partner.tierID).localDate(of: now), makeID: { ids.make() })
            try await planner.enqueue(
                PartnerNotice.reviewMinutes(
                    review, partner: partner, link: planner.publicURL + SiteLink.partnerJourney(partner.code)
                ).broadcast, to: [partner], alsoTo: review.attendees.compactMap(\.email), at: now, in: repositories)
            return nil
        }
    }

    /// Cancels a review not yet held; the partner and the attendees are told, with the calendar file that
    /// removes it.
    public func cancelReview(_ code: String, _ id: UUID, expectedVersion: Int, by principal: Principal)
        async throws -> PartnerProfile
    {
        try await requireReview(code, id, as: principal)
        let (planner, now) = (self.planner, clock.now())
        return try await changeJourney(code, .managePartners, expectedVersion, principal, "partner.review_cancel") {
            journey, partner, repositories in
            let review = try journey.cancelReview(id)
            try await planner.enqueue(
                PartnerNotice.reviewCancelled(
                    review, partner: partner, link: planner.publicURL + SiteLink.partnerJourney(partner.code),
                    calendarLink: planner.publicURL + SiteLink.reviewCalendar(partner.code, review.id)
                ).broadcast, to: [partner], alsoTo: review.attendees.compactMap(\.email), at: now, in: repositories)
            return nil
        }
    }

    /// One review with its pack, when the caller may read the partner.
    public func review(_ code: String, _ id: UUID, as principal: Principal) async throws -> (
        profile: PartnerProfile, review: ServiceReview, pack: ReviewPack
    ) {
        let profile = try await profile(code, as: principal)
        guard let review = profile.journey.reviews.first(where: { $0.id == id }) else { throw ServiceError.notFound }
        return (profile, review, try await pack(for: review, of: profile, as: principal))
    }

    /// The pack for a review: worked out from what is stored now, so it is current until the review is held.
    func pack(for review: ServiceReview, of profile: PartnerProfile, as principal: Principal) async throws
        -> ReviewPack
    {
        let partner = profile.partner
        let current = ReportingMonth(containing: profile.today)
        var reports: [ServiceReportView] = []
        var month = review.firstMonth
        while month <= review.lastMonth, month < current {
            do {
                reports.append(
                    try await reportsService.report(
                        month: month.description, partner: partner.code.value, edition: nil, as: principal))
            } catch is ValidationFailure {
                // A month before the partner was registered has no report.
            }
            month = month.next
        }
        let repositories = store.repositories
        let linked = try await repositories.problems.linkedIncidents()
        // A partner's people read only what the platform publishes: problems by their approved summary,
        // releases once their notes are out.
        let isPartner = principal.role.isPartnerRole
        let problems = try await repositories.problems.list().compactMap { problem -> ReviewPack.ProblemLine? in
            guard problem.status.isOpen,
                linked[problem.reference]?.contains(where: { $0.partnerID == partner.id }) ?? false
            else { return nil }
            if isPartner {
                guard problem.isPublished, let summary = problem.publicSummary else { return nil }
                return .init(reference: problem.reference.description, title: summary, status: problem.status.label)
            }
            return .init(reference: problem.reference.description, title: problem.title, status: problem.status.label)
        }
        let now = clock.now()
        let ahead = DateInterval(start: now, duration: 180 * 86_400)
        return ReviewPack(
            reports: reports, openProblems: problems,
            releases: try await repositories.releases.releases().filter {
                $0.status == .planned && $0.plannedAt >= now && (!isPartner || $0.notesPublishedAt != nil)
            }.sorted { $0.plannedAt < $1.plannedAt },
            maintenance: try await repositories.serviceLevels.maintenance(overlapping: ahead).filter {
                $0.affects(partner.id) && $0.announcedAt != nil
            }.sorted { $0.startsAt < $1.startsAt },
            openActions: profile.journey.agreedActions.filter { action in
                !action.isDone && !review.actions.contains { $0.id == action.id }
            })
    }

    /// A review the path names that this partner never had answers like any missing record.
    private func requireReview(_ code: String, _ id: UUID, as principal: Principal) async throws {
        try Authorization.require(principal, .managePartners)
        let reviews = try await profile(code, as: principal).journey.reviews
        guard reviews.contains(where: { $0.id == id }) else { throw ServiceError.notFound }
    }
}
