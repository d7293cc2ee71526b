import Foundation
import PartnerDeskDomain

/// A partner as its page shows it: its details, its journey (a fresh one before anything was recorded), and
/// its history, newest first.
public struct PartnerProfile: Sendable {
    public var partner: Partner
    public var journey: PartnerJourney
    public var history: [AuditEntry]
    /// Today in the tier's calendar, and its working days (for the check-in plan).
    public var today: LocalDate
    public var calendar: BusinessCalendar

    /// The next check-in the early-live plan asks for, while the partner is early live.
    public var nextCheckIn: LocalDate? {
        journey.currentEarlyLive?.nextCheckIn(today: today, isWorkingDay: calendar.isWorkingDay)
    }
}

/// A line of the partners' list.
public struct PartnerOverview: Sendable, Hashable {
    public var partner: Partner
    /// Required evidence not yet accepted.
    public var missing: [EvidenceRequirement]
    /// Evidence waiting for service management's review.
    public var awaitingReview: Int
    public var nextCheckIn: LocalDate?
    public var today: LocalDate
}

/// A partner's way to live: the evidence it gives and service management reviews, the moves of its status
/// (gated on that evidence), and its early-live check-ins.
public struct PartnerJourneyService: Sendable {
    let store: any UnitOfWork
    let ids: any IDGenerator
    let clock: any Clock
    let catalog: ServiceLevelCatalog
    let planner: NotificationPlanner
    let audit: AuditService
    let cache: PartnerCache
    /// For the reports a service review's pack holds.
    let reportsService: ServiceReportService

    /// Every partner the caller may read (a partner's people: their own), ordered by code.
    public func overview(as principal: Principal) async throws -> [PartnerOverview] {
        try Authorization.require(principal, .readPartner)
        let repositories = store.repositories
        let journeys = Dictionary(try await repositories.partnerJourneys.list().map { ($0.partnerID, $0) }) { a, _ in
            a
        }
        return try await repositories.partners.list()
            .filter { AccessPolicy.permits(principal, .readPartner, on: $0.owner) }
            .map { partner in
                let journey = journeys[partner.id] ?? PartnerJourney(partnerID: partner.id)
                let calendar = catalog.calendar(partner.tierID)
                let today = calendar.localDate(of: clock.now())
                return PartnerOverview(
                    partner: partner, missing: journey.missing,
                    awaitingReview: journey.evidence.filter { $0.state == .submitted }.count,
                    nextCheckIn: journey.currentEarlyLive?.nextCheckIn(
                        today: today, isWorkingDay: calendar.isWorkingDay),
                    today: today)
            }
    }

    /// One partner with its journey and history, when the caller may read it.
    public func profile(_ code: String, as principal: Principal) async throws -> PartnerProfile {
        let repositories = store.repositories
        let partner = try await find(code, .readPartner, principal, in: repositories)
        var query = AuditQuery()
        query.subject = partner.auditSubject
        query.limit = 200
        let calendar = catalog.calendar(partner.tierID)
        return PartnerProfile(
            partner: partner,
            journey: try await repositories.partnerJourneys.find(partnerID: partner.id)
                ?? PartnerJourney(partnerID: partner.id),
            history: try await audit.list(query), today: calendar.localDate(of: clock.now()), calendar: calendar)
    }

    /// Changes a partner's details (name, tier, services, contacts, hours) read at `expectedVersion`; with
    /// `keepingContacts`, the contacts stay as they are (a form that does not show them).
    public func editDetails(
        _ code: String, _ draft: PartnerDraft, keepingContacts: Bool = false, expectedVersion: Int,
        by principal: Principal
    ) async throws -> Partner {
        let (ids, catalog) = (self.ids, self.catalog)
        return try await changePartner(code, .managePartners, expectedVersion, principal, "partner.edit") { partner in
            var changed = try draft.validatedChange(of: partner, makeID: { ids.make() })
            if keepingContacts { changed.contacts = partner.contacts }
            guard catalog.contains(changed.tierID) else {
                let known = catalog.tiers.map(\.id).joined(separator: ", ")
                throw ValidationFailure([
                    ValidationIssue(
                        field: "tierID", code: "unknown_value", message: "Choose a service-level tier from: \(known).")
                ])
            }
            return changed
        }
    }

    /// Replaces a partner's contacts (what its own administrators may change) read at `expectedVersion`.
    public func editContacts(
        _ code: String, _ contacts: [PartnerDraft.Contact], expectedVersion: Int, by principal: Principal
    ) async throws -> Partner {
        try await changePartner(code, .editPartnerContacts, expectedVersion, principal, "partner.contacts") { partner in
            var changed = partner
            changed.contacts = try PartnerDraft.validatedContacts(contacts)
            return changed
        }
    }

    /// The partner gives a piece of evidence; service management hears of it.
    public func submitEvidence(
        _ code: String, _ requirement: String, description: String, links: [String], expectedVersion: Int,
        by principal: Principal
    ) async throws -> PartnerProfile {
        let (planner, now) = (self.planner, clock.now())
        let kind = try Self.requirement(requirement)
        return try await changeJourney(code, .giveEvidence, expectedVersion, principal, "partner.evidence") {
            journey, partner, repositories in
            try journey.submit(kind, description: description, links: links, by: ActedBy(principal), at: now)
            try await planner.enqueue(
                PartnerNotice.evidenceSubmitted(
                    journey.evidence(kind), partner: partner,
                    link: planner.publicURL + SiteLink.partnerJourney(partner.code)
                ).broadcast, toStaffIn: [.serviceManager], at: now, in: repositories)
            return nil
        }
    }

    /// Service management accepts a piece of evidence or returns it with comments; the partner hears of it.
    public func reviewEvidence(
        _ code: String, _ requirement: String, decision: String, comment: String?, expectedVersion: Int,
        by principal: Principal
    ) async throws -> PartnerProfile {
        let (planner, now) = (self.planner, clock.now())
        let kind = try Self.requirement(requirement)
        guard let decided = EvidenceDecision(rawValue: decision) else {
            throw ValidationFailure([
                ValidationIssue(field: "decision", code: "unknown_value", message: "Choose accept or return.")
            ])
        }
        return try await changeJourney(code, .managePartners, expectedVersion, principal, "partner.evidence_review") {
            journey, partner, repositories in
            try journey.review(kind, decided, comment: comment, by: ActedBy(principal), at: now)
            try await planner.enqueue(
                PartnerNotice.evidenceReviewed(
                    journey.evidence(kind), journey: journey, partner: partner,
                    link: planner.publicURL + SiteLink.partnerJourney(partner.code)
                ).broadcast, to: [partner], at: now, in: repositories)
            return nil
        }
    }

    /// Moves the partner's status (see ``PartnerJourney/move(_:to:reason:plan:by:at:today:)``); the partner
    /// hears of it. A move made without the required evidence is audited with its reason.
    public func move(
        _ code: String, to status: String, reason: String?, plan: CheckInPlan?, expectedVersion: Int,
        by principal: Principal
    ) async throws -> PartnerProfile {
        let (planner, now, catalog, cache) = (self.planner, clock.now(), self.catalog, self.cache)
        guard let target = PartnerStatus(rawValue: status) else {
            let known = PartnerStatus.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationFailure([
                ValidationIssue(field: "status", code: "unknown_value", message: "Choose a status from: \(known).")
            ])
        }
        let profile = try await changeJourney(code, .managePartners, expectedVersion, principal, "partner.status") {
            journey, partner, repositories in
            let before = partner
            let today = catalog.calendar(partner.tierID).localDate(of: now)
            try journey.move(
                &partner, to: target, reason: reason, plan: plan, by: ActedBy(principal), at: now, today: today)
            partner.version += 1
            do {
                try await repositories.partners.update(partner, expectedVersion: before.version)
            } catch RepositoryError.staleVersion {
                // The partner changed under the move: the journey read is no longer the one to move from.
                throw ServiceError.versionMismatch(currentVersion: expectedVersion + 1)
            }
            guard let move = journey.moves.last else { return nil }
            try await planner.enqueue(
                PartnerNotice.statusChanged(
                    move, journey: journey, partner: partner,
                    link: planner.publicURL + SiteLink.partnerJourney(partner.code)
                ).broadcast, to: [partner], at: now, in: repositories)
            return (move.missing.isEmpty ? "partner.status" : "partner.status_override", move.reason)
        }
        cache.forget { $0.id == profile.partner.id }
        return profile
    }

    /// Records a check-in held with an early-live partner; the partner receives its notes and actions.
    public func recordCheckIn(_ code: String, _ draft: CheckIn.Draft, expectedVersion: Int, by principal: Principal)
        async throws -> PartnerProfile
    {
        let (planner, now, catalog, ids) = (self.planner, clock.now(), self.catalog, self.ids)
        return try await changeJourney(code, .managePartners, expectedVersion, principal, "partner.check_in") {
            journey, partner, repositories in
            let checkIn = try journey.recordCheckIn(
                draft, by: ActedBy(principal), at: now, today: catalog.calendar(partner.tierID).localDate(of: now),
                makeID: { ids.make() })
            try await planner.enqueue(
                PartnerNotice.checkIn(
                    checkIn, partner: partner, link: planner.publicURL + SiteLink.partnerJourney(partner.code)
                ).broadcast, to: [partner], at: now, in: repositories)
            return nil
        }
    }

    /// Marks an action agreed at a check-in or a service review done: service management, or the partner's
    /// administrators.
    public func completeAction(_ code: String, _ actionID: UUID, expectedVersion: Int, by principal: Principal)
        async throws -> PartnerProfile
    {
        let now = clock.now()
        // An action this partner never agreed answers like any missing record, whatever version was read (actions
        // are never removed, so reading first is safe).
        try Authorization.require(principal, .completePartnerActions)
        let agreed = try await profile(code, as: principal).journey.agreedActions
        guard agreed.contains(where: { $0.id == actionID }) else { throw ServiceError.notFound }
        return try await changeJourney(code, .completePartnerActions, expectedVersion, principal, "partner.action_done")
        {
            journey, _, _ in
            try journey.completeAction(actionID, by: ActedBy(principal), at: now)
            return nil
        }
    }

    private static func requirement(_ text: String) throws -> EvidenceRequirement {
        guard let requirement = EvidenceRequirement(rawValue: text) else {
            let known = EvidenceRequirement.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationFailure([
                ValidationIssue(
                    field: "requirement", code: "unknown_value", message: "Choose the evidence from: \(known).")
            ])
        }
        return requirement
    }

    private func find(_ code: String, _ action: AccessAction, _ principal: Principal, in repositories: any Repositories)
        async throws -> Partner
    {
        try Authorization.require(principal, action)
        var partner: Partner?
        if let code = PartnerCode(code) { partner = try await repositories.partners.find(code: code) }
        return try Authorization.require(principal, action, on: partner)
    }

    /// Reads, checks access and version, changes and stores a partner with its audit entry, in one transaction.
    private func changePartner(
        _ code: String, _ action: AccessAction, _ expectedVersion: Int, _ principal: Principal, _ auditAction: String,
        _ change: @Sendable @escaping (Partner) throws -> Partner
    ) async throws -> Partner {
        try Authorization.require(principal, action)
        let audit = self.audit
        let partner = try await store.transaction { repositories in
            let before = try await find(code, action, principal, in: repositories)
            guard before.version == expectedVersion else {
                throw ServiceError.versionMismatch(currentVersion: before.version)
            }
            var after = try change(before)
            after.version = before.version + 1
            do {
                try await repositories.partners.update(after, expectedVersion: expectedVersion)
            } catch RepositoryError.staleVersion {
                throw ServiceError.versionMismatch(currentVersion: expectedVersion + 1)
            } catch RepositoryError.conflict(let message) {
                throw ValidationFailure([ValidationIssue(field: "services", code: "taken", message: message)])
            }
            try await audit.append(
                .change(auditAction, by: principal, from: before, to: after, target: after.code.description),
                in: repositories)
            return after
        }
        cache.forget { $0.id == partner.id }
        return partner
    }

    /// Reads, checks access and version, changes and stores a partner's journey, in one transaction, with one
    /// audit entry for what changed in the journey and the partner. The body may change the partner too (it
    /// stores it itself) and may name the entry's action and reason instead of the default.
    func changeJourney(
        _ code: String, _ action: AccessAction, _ expectedVersion: Int, _ principal: Principal, _ auditAction: String,
        _ change:
            @Sendable @escaping (inout PartnerJourney, inout Partner, any Repositories) async throws -> (
                action: String, reason: String?
            )?
    ) async throws -> PartnerProfile {
        try Authorization.require(principal, action)
        let audit = self.audit
        try await store.transaction { repositories in
            let partnerBefore = try await find(code, action, principal, in: repositories)
            var partner = partnerBefore
            let stored = try await repositories.partnerJourneys.find(partnerID: partner.id)
            let before = stored ?? PartnerJourney(partnerID: partner.id)
            guard before.version == expectedVersion else {
                throw ServiceError.versionMismatch(currentVersion: before.version)
            }
            var journey = before
            let named = try await change(&journey, &partner, repositories)
            journey.version = before.version + 1
            do {
                try await repositories.partnerJourneys.save(
                    journey, expectedVersion: stored == nil ? nil : expectedVersion)
            } catch RepositoryError.staleVersion, RepositoryError.conflict {
                throw ServiceError.versionMismatch(currentVersion: expectedVersion + 1)
            }
            let fields = { (partner: Partner, journey: PartnerJourney) in
                partner.auditFields.merging(journey.auditFields) { first, _ in first }
            }
            try await audit.append(
                AuditRecord(
                    principal: principal, action: named?.action ?? auditAction, outcome: .succeeded,
                    target: partner.code.description
                ).about(
                    partner.auditSubject,
                    changes: FieldChange.between(fields(partnerBefore, before), fields(partner, journey)),
                    reason: named?.reason),
                in: repositories)
        }
        return try await profile(code, as: principal)
    }
}

extension PartnerNotice {
    var broadcast: Broadcast {
        Broadcast(
            event: .partner(kind), subject: subject, content: content,
            webhookBody: { [self] in webhookBody(deliveryID: $0, occurredAt: $1) })
    }
}
