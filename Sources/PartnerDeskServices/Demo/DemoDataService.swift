import Foundation
import PartnerDeskDomain

/// What loading the demo data did, with the sign-in details a newcomer needs.
public struct DemoReport: Sendable, Equatable {
    /// A person to sign in as.
    public struct Account: Sendable, Equatable {
        public var email: String
        public var password: String
        public var role: Role
        public var partnerCode: String?
    }

    /// Partners created by this run (empty when they already existed).
    public var partnersCreated: [String]
    /// Users created by this run (empty when they already existed).
    public var usersCreated: [String]
    /// Incidents raised by this run (empty when they already existed).
    public var incidentsCreated: [String]
    /// Every demo account, whether created now or earlier.
    public var accounts: [Account]
}

/// Loads a small, realistic desk so a newcomer meets a living system: partners in every status, their
/// services and contacts, and a user for every role.
///
/// Loading is idempotent: records are matched by partner code and e-mail address, and what already exists
/// is left exactly as it is, so a second run changes nothing.
public struct DemoDataService: Sendable {
    private let store: any UnitOfWork
    private let ids: any IDGenerator
    private let hasher: any PasswordHasher
    private let clock: any Clock
    private let catalog: ServiceLevelCatalog
    private let digester: any ContentDigester
    private let audit: AuditService

    public init(
        store: any UnitOfWork, ids: any IDGenerator, hasher: any PasswordHasher, clock: any Clock,
        catalog: ServiceLevelCatalog, digester: any ContentDigester, audit: AuditService
    ) {
        self.audit = audit
        self.digester = digester
        self.store = store
        self.ids = ids
        self.hasher = hasher
        self.clock = clock
        self.catalog = catalog
    }

    /// Loads whatever part of the demo data is missing: partners and users in one transaction, then one
    /// incident in every status, each raised and moved on through the ordinary use cases, an HSSI under
    /// way with an HSSI manager rota, this fortnight's sprint with its releases, and the partners' ways to live.
    public func load() async throws -> DemoReport {
        var report = try await loadPartnersAndUsers()
        report.incidentsCreated = try await loadIncidents()
        try await loadHSSI()
        try await loadReleases()
        try await loadJourneys()
        return report
    }

    private func loadPartnersAndUsers() async throws -> DemoReport {
        let ids = self.ids
        var drafts: [Partner] = []
        // Registered a year ago, so the demo has past months to report on.
        let registered = clock.now().addingTimeInterval(-366 * 86_400)
        for draft in DemoData.partners {
            var partner = try draft.validated(makeID: { ids.make() })
            partner.registeredAt = registered
            drafts.append(partner)
        }
        let partners = drafts
        let hasher = self.hasher
        return try await store.transaction { repositories in
            var partnersCreated: [String] = []
            var partnerIDs: [String: Partner.ID] = [:]
            for partner in partners {
                if let existing = try await repositories.partners.find(code: partner.code) {
                    partnerIDs[partner.code.value] = existing.id
                } else {
                    try await repositories.partners.create(partner)
                    try await audit.append(
                        .change("partner.register", by: nil, from: nil, to: partner, target: partner.code.description),
                        in: repositories)
                    partnerIDs[partner.code.value] = partner.id
                    partnersCreated.append(partner.code.value)
                }
            }
            var usersCreated: [String] = []
            var accounts: [DemoReport.Account] = []
            for account in DemoData.accounts {
                guard let email = EmailAddress(account.email) else { continue }
                accounts.append(
                    .init(
                        email: email.value, password: DemoData.password, role: account.role,
                        partnerCode: account.partner)
                )
                if try await repositories.users.find(email: email) != nil { continue }
                let user = try User(
                    id: .init(ids.make()), email: email, displayName: account.name, role: account.role,
                    partnerID: account.partner.flatMap { partnerIDs[$0] }
                )
                try await repositories.users.create(
                    StoredUser(user: user, passwordHash: try hasher.hash(DemoData.password))
                )
                try await audit.append(
                    .change("user.add", by: nil, from: nil, to: user, target: email.value), in: repositories)
                usersCreated.append(email.value)
            }
            return DemoReport(
                partnersCreated: partnersCreated, usersCreated: usersCreated, incidentsCreated: [], accounts: accounts
            )
        }
    }
}

extension DemoDataService {
    /// Raises each demo incident that is missing (found by its partner reference), back-dated so their
    /// clocks show every state: some comfortably inside target, some close to it, some breached.
    private func loadIncidents() async throws -> [String] {
        let scriptClock = DemoClock(clock.now())
        let incidents = IncidentService(
            store: store, ids: ids, clock: scriptClock, catalog: catalog, digester: digester,
            partners: PartnerCache(clock: scriptClock), planner: .silent, audit: audit)
        guard let reporter = try await principal(DemoData.incidentReporter),
            let desk = try await principal(DemoData.incidentDesk)
        else { return [] }
        var created: [String] = []
        // The reporter's partner may have been registered by hand with other services: use one it has.
        var services: [PartnerService] = []
        if let partnerID = reporter.partnerID, let partner = try await store.repositories.partners.find(id: partnerID) {
            services = partner.services
        }
        let problem = try await demoProblem(clock: scriptClock, incidents: incidents)
        for scenario in DemoData.incidents {
            var draft = scenario.draft
            if !services.contains(where: { $0.clientID == draft.service }) { draft.service = services.first?.clientID }
            var query = IncidentQuery(now: clock.now())
            query.text = scenario.draft.partnerReference
            guard try await incidents.list(query, as: desk).views.isEmpty else { continue }
            scriptClock.set(
                scenario.lastMonth.map { lastMonth(plus: $0) }
                    ?? clock.now().addingTimeInterval(-Double(scenario.hoursAgo) * 3_600))
            guard case .created(let view, _) = try await incidents.raise(draft, by: reporter) else { continue }
            var version = view.incident.version
            for var step in scenario.steps {
                scriptClock.advance(by: scenario.stepSeconds)
                if step.action == "link_to_problem" { step.problem = problem }
                let actor = step.action == "provide_information" ? reporter : desk
                version = try await incidents.transition(view.incident.id, step, expectedVersion: version, by: actor)
                    .incident.version
            }
            created.append(view.incident.reference.description)
        }
        return created
    }

    /// 09:00 UTC on the second Tuesday of last month, plus `days`.
    private func lastMonth(plus days: Int) -> Date {
        let calendar = catalog.calendar(ServiceLevelTier.silver.id)
        let month = ReportingMonth(containing: calendar.localDate(of: clock.now())).previous
        var day = month.firstDay.adding(days: 7)
        while day.weekday != .tuesday { day = day.adding(days: 1) }
        return calendar.startOfDay(day.adding(days: days)).addingTimeInterval(9 * 3_600)
    }

    /// The demo's published problem, recorded by the problem manager the first time; its reference.
    private func demoProblem(clock: DemoClock, incidents: IncidentService) async throws -> String? {
        if let existing = try await store.repositories.problems.list().first { return existing.reference.description }
        guard let manager = try await principal(DemoData.problemManager) else { return nil }
        let problems = ProblemService(store: store, ids: ids, clock: clock, catalog: catalog, incidents: incidents)
        let recorded = try await problems.record(DemoData.problem, by: manager)
        _ = try await problems.publish(
            recorded.problem.id, summary: DemoData.problemSummary, expectedVersion: recorded.problem.version,
            by: manager)
        return recorded.problem.reference.description
    }

    private func principal(_ email: String) async throws -> Principal? {
        guard let address = EmailAddress(email),
            let user = try await store.repositories.users.find(email: address)?.user
        else { return nil }
        return Principal(
            credential: .user(user.id), displayName: user.displayName, role: user.role, partnerID: user.partnerID,
            scope: .write
        )
    }
}

extension DemoDataService {
    /// An HSSI Wellpath declared two hours ago that the Service Bridge has taken to DevOps, with Wellpath's
    /// HSSI manager on duty for the fortnight around it; only when there is no HSSI yet.
    private func loadHSSI() async throws {
        guard try await store.repositories.hssis.list().isEmpty,
            let manager = try await principal(DemoData.hssiManager),
            let bridge = try await principal(DemoData.serviceBridge)
        else { return }
        let now = clock.now()
        let scriptClock = DemoClock(now.addingTimeInterval(-2 * 3_600))
        let hssis = HSSIService(store: store, ids: ids, clock: scriptClock, planner: .silent, audit: audit)
        _ = try await hssis.addRotaEntry(
            partnerCode: nil, managerName: "Daniel Price", email: DemoData.hssiManager, phone: "0113 496 0009",
            startsAt: ISO8601Instant.string(from: now.addingTimeInterval(-7 * 86_400)),
            endsAt: ISO8601Instant.string(from: now.addingTimeInterval(7 * 86_400)), by: manager)
        var view = try await hssis.declare(
            HSSIDeclarationDraft(
                title: "Some users shown another user's appointments",
                description: "After the 06:00 release, a few users of the appointments service saw appointments "
                    + "booked by someone else for a short time.",
                occurredAt: ISO8601Instant.string(from: scriptClock.now().addingTimeInterval(-20 * 60)), severity: 1,
                category: HSSICategory.wrongInformationShown.rawValue),
            by: manager)
        for step in ["notify_bridge", "engage_devops"] {
            scriptClock.advance(by: 600)
            view = try await hssis.step(
                view.hssi.id, HSSIStepRequest(step: step), expectedVersion: view.hssi.version, by: bridge)
        }
    }
}

extension DemoDataService {
    /// The sprint running this fortnight (its digest sent the week before) with a major change for Wellpath
    /// and its integration notice, the next sprint still to be told, last week's release live and this week's
    /// with its notes out and one approval still to come; only when there is no sprint yet.
    private func loadReleases() async throws {
        guard try await store.repositories.releases.sprints().isEmpty,
            let manager = try await principal(DemoData.releaseManager),
            let approver = try await principal(DemoData.assuranceApprover)
        else { return }
        let now = clock.now()
        let calendar = catalog.calendar(ServiceLevelTier.silver.id)
        let today = calendar.localDate(of: now)
        let monday = today.adding(days: 1 - today.weekday.isoNumber)
        let scriptClock = DemoClock(now.addingTimeInterval(-12 * 86_400))
        let incidents = IncidentService(
            store: store, ids: ids, clock: scriptClock, catalog: catalog, digester: digester,
            partners: PartnerCache(clock: scriptClock), planner: .silent, audit: audit)
        let problems = ProblemService(
            store: store, ids: ids, clock: scriptClock, catalog: catalog, incidents: incidents)
        let releases = ReleaseService(
            store: store, ids: ids, clock: scriptClock, catalog: catalog, planner: .silent, audit: audit,
            problems: problems, leadTime: .standard)
        // The demo's published problem is being fixed for the coming release.
        var fixing: [String] = []
        if let problem = try await store.repositories.problems.list().first, problem.status == .new,
            let manager = try await principal(DemoData.problemManager)
        {
            var version = problem.version
            for status in ["investigating", "fix_in_progress"] {
                version = try await problems.move(problem.id, to: status, expectedVersion: version, by: manager)
                    .problem.version
            }
            fixing = [problem.reference.description]
        }
        var sprint = try await releases.planSprint(DemoData.currentSprint(startingOn: monday), by: manager)
        sprint = try await releases.sendDigest(sprint.sprint.id, expectedVersion: 1, by: manager)
        _ = try await releases.planSprint(DemoData.nextSprint(startingOn: monday.adding(days: 14)), by: manager)
        let features = sprint.sprint.features.map(\.id.description)
        if case .created(let notice, _) = try await releases.createNotice(
            DemoData.integrationNotice(feature: features[1], from: monday.adding(days: 2)), by: manager)
        {
            _ = try await releases.sendNotice(notice.id, expectedVersion: 1, by: manager)
        }
        let evening = { (day: LocalDate) in
            (calendar.openingHours(on: day)?.end ?? now).addingTimeInterval(3_600)
        }
        guard
            case .created(var past, _) = try await releases.planRelease(
                DemoData.release(
                    name: "\(monday.year).\(monday.month).1", plannedAt: evening(monday.adding(days: -4)),
                    summary: "Clearer messages when a sign-in link has expired.", features: [features[0]],
                    problems: []),
                by: manager),
            case .created(var next, _) = try await releases.planRelease(
                DemoData.release(
                    name: "\(monday.year).\(monday.month).2", plannedAt: evening(monday.adding(days: 10)),
                    summary: "The identity level claim, for partners who asked for it.", features: [features[1]],
                    problems: fixing),
                by: manager)
        else { return }
        past = try await releases.publishNotes(past.release.id, expectedVersion: 1, by: manager)
        for approval in past.approvals {
            if case .level(let code) = approval.requirement {
                past = try await releases.decide(
                    past.release.id, ApprovalDecisionDraft(decision: "approve", level: code),
                    expectedVersion: past.release.version, by: approver)
            }
        }
        scriptClock.set(evening(monday.adding(days: -4)))
        _ = try await releases.markReleased(past.release.id, expectedVersion: past.release.version, by: manager)
        // Its notes have been out a week, so it may go as soon as every approval is in.
        scriptClock.set(now.addingTimeInterval(-7 * 86_400))
        next = try await releases.publishNotes(next.release.id, expectedVersion: 1, by: manager)
        _ = try await releases.decide(
            next.release.id, ApprovalDecisionDraft(decision: "approve", level: "technical_design"),
            expectedVersion: next.release.version, by: approver)
    }
}

extension DemoDataService {
    /// CareBridge's evidence accepted and its early-live period three weeks in (daily check-ins for two weeks,
    /// then weekly) with a check-in and an action still open; Mindful part of the way through its evidence;
    /// Wellpath reviewed quarterly, its last review held with an action still open and this quarter's begun an
    /// hour ago, its minutes still to be recorded. Only for partners with no journey yet.
    private func loadJourneys() async throws {
        let repositories = store.repositories
        guard let manager = try await principal(DemoData.serviceManager),
            let carebridge = try await repositories.partners.find(code: PartnerCode("CAREBRIDGE")!),
            let mindful = try await repositories.partners.find(code: PartnerCode("MINDFUL")!),
            try await repositories.partnerJourneys.list().isEmpty
        else { return }
        let now = clock.now()
        let today = catalog.calendar(carebridge.tierID).localDate(of: now)
        let desk = ActedBy(manager)
        let given = now.addingTimeInterval(-35 * 86_400)
        func partnerSide(_ name: String) -> ActedBy { ActedBy(name: name, role: .partnerAdministrator) }

        var early = PartnerJourney(partnerID: carebridge.id)
        for requirement in EvidenceRequirement.allCases where requirement.isRequired {
            try early.submit(
                requirement, description: DemoData.evidence[requirement] ?? requirement.asks, links: [],
                by: partnerSide("Cara Admin"), at: given)
            try early.review(requirement, .accept, comment: nil, by: desk, at: given.addingTimeInterval(86_400))
        }
        early.earlyLivePeriods.append(
            EarlyLivePeriod(
                startedOn: today.adding(days: -21), plan: CheckInPlan(first: .daily, firstWeeks: 2, then: .weekly)))
        let ids = self.ids
        _ = try early.recordCheckIn(
            CheckIn.Draft(
                heldOn: today.adding(days: -7).description,
                notes: "Sign-ins steady at about 1,200 a day. Two users reported slow security codes on Monday "
                    + "morning; none since.",
                actions: [
                    .init(
                        text: "Send the out-of-hours HSSI rota for January", owner: "CareBridge",
                        dueOn: today.adding(days: 3).description)
                ]), by: desk, at: now.addingTimeInterval(-7 * 86_400), today: today, makeID: { ids.make() })

        var onboarding = PartnerJourney(partnerID: mindful.id)
        try onboarding.submit(
            .incidentProcess, description: DemoData.evidence[.incidentProcess] ?? "", links: [],
            by: partnerSide("Maya Admin"), at: given)
        try onboarding.review(.incidentProcess, .accept, comment: nil, by: desk, at: given.addingTimeInterval(86_400))
        try onboarding.submit(
            .problemRecords, description: DemoData.evidence[.problemRecords] ?? "", links: [],
            by: partnerSide("Maya Admin"), at: now.addingTimeInterval(-86_400))
        let reviewed = try demoReviews(
            for: try await repositories.partners.find(code: PartnerCode("WELLPATH")!), by: desk, at: now)
        for journey in [early, onboarding] + (reviewed.map { [$0] } ?? []) {
            try await store.transaction { repositories in
                try await repositories.partnerJourneys.save(journey, expectedVersion: nil)
            }
        }
    }

    private func demoReviews(for partner: Partner?, by desk: ActedBy, at now: Date) throws -> PartnerJourney? {
        guard let partner else { return nil }
        let calendar = catalog.calendar(partner.tierID)
        let ids = self.ids
        var journey = PartnerJourney(partnerID: partner.id)
        journey.setReviewCadence(.quarterly)
        let attendees: [ServiceReview.AttendeeDraft] = [
            .init(name: "Amira Shah", organisation: "Wellpath Digital", email: "amira.shah@wellpath.example"),
            .init(name: "Sam Service", organisation: "Platform service management", email: DemoData.serviceManager),
        ]
        let earlier = now.addingTimeInterval(-91 * 86_400)
        let last = try journey.scheduleReview(
            ServiceReview.Draft(
                startsAt: ISO8601Instant.string(from: earlier), endsAt: ISO8601Instant.string(from: earlier + 3_600),
                location: "Video call", agenda: ServiceReview.standardAgenda, attendees: attendees),
            by: desk, at: earlier - 14 * 86_400, calendar: calendar, makeID: { ids.make() })
        let held = try journey.recordReview(
            last.id,
            minutes: "Availability met the target each month. Two incidents missed their target; both are linked "
                + "to the open problem with Android sign-outs. Wellpath will test the fix in integration.",
            actions: [
                .init(
                    text: "Test the sign-out fix in integration", owner: "Wellpath Digital",
                    dueOn: calendar.localDate(of: earlier).adding(days: 30).description),
                .init(
                    text: "Confirm the fix's release date", owner: "Platform service management",
                    dueOn: calendar.localDate(of: now).adding(days: 7).description),
            ], by: desk, at: earlier + 3_700, today: calendar.localDate(of: earlier), makeID: { ids.make() })
        try journey.completeAction(held.actions[0].id, by: desk, at: earlier + 20 * 86_400)
        let begun = now.addingTimeInterval(-3_600)
        _ = try journey.scheduleReview(
            ServiceReview.Draft(
                startsAt: ISO8601Instant.string(from: begun), endsAt: ISO8601Instant.string(from: begun + 3_600),
                location: "Video call", agenda: ServiceReview.standardAgenda, attendees: attendees),
            by: desk, at: begun - 14 * 86_400, calendar: calendar, makeID: { ids.make() })
        return journey
    }
}
