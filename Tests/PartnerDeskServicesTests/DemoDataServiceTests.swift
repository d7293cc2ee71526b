import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing

@Suite struct DemoDataServiceTests {
    let store = InMemoryStore()
    var service: DemoDataService {
        DemoDataService(
            store: store, ids: SequentialIDGenerator(), hasher: PlainTextPasswordHasher(),
            clock: FixedClock(ISO8601Instant.date(from: "2026-11-26T12:00:00Z")!), catalog: .standard,
            digester: TestDigester(), audit: .forTests(store: store)
        )
    }

    @Test func load_createsPartnersInEveryStatusAndAUserForEveryRole() async throws {
        let report = try await service.load()
        let partners = try await store.repositories.partners.list()
        #expect(Set(partners.map(\.status)) == Set(PartnerStatus.allCases))
        #expect(partners.allSatisfy { !$0.services.isEmpty && $0.contact(.primary) != nil })
        let users = try await store.repositories.users.list(partnerID: nil)
        #expect(Set(users.map(\.role)) == Set(Role.allCases))
        #expect(report.usersCreated.count == users.count)
        #expect(report.accounts.count == users.count)
        let reporter = try #require(users.first { $0.role == .partnerReporter })
        #expect(partners.contains { $0.id == reporter.partnerID })
    }

    @Test func load_raisesAnIncidentInEveryStatus_withClocksInEveryState() async throws {
        let report = try await service.load()
        // One in every status, and last month's four for its service report.
        #expect(report.incidentsCreated.count == IncidentStatus.allCases.count + 4)
        let staff = Principal(
            credential: .token(.init(SequentialIDGenerator().make())), displayName: "Test", role: .serviceManager,
            partnerID: nil, scope: .read
        )
        let clock = FixedClock(ISO8601Instant.date(from: "2026-11-26T12:00:00Z")!)
        let incidents = IncidentService(
            store: store, ids: SequentialIDGenerator(), clock: clock, catalog: .standard, digester: TestDigester(),
            partners: PartnerCache(clock: clock),
            planner: NotificationPlanner(
                sender: EmailAddress("desk@partnerdesk.example")!, publicURL: "http://127.0.0.1:8080",
                ids: SequentialIDGenerator()),
            audit: .forTests(store: store)
        )
        let views = try await incidents.list(
            IncidentQuery(now: ISO8601Instant.date(from: "2026-11-26T12:00:00Z")!), as: staff
        ).views
        #expect(Set(views.map(\.incident.status)) == Set(IncidentStatus.allCases))
        let states = Set(views.compactMap { $0.sla?.state })
        #expect(states.isSuperset(of: [.running, .paused, .met, .breached]))
    }

    @Test func load_storesOnlyHashesOfTheSharedPassword() async throws {
        let report = try await service.load()
        let account = try #require(report.accounts.first)
        let stored = try #require(try await store.repositories.users.find(email: EmailAddress(account.email)!))
        #expect(stored.passwordHash != account.password)
        #expect(try PlainTextPasswordHasher().verify(account.password, against: stored.passwordHash))
    }

    @Test func load_twice_changesNothingTheSecondTime() async throws {
        _ = try await service.load()
        let partnersBefore = try await store.repositories.partners.list()
        let usersBefore = try await store.repositories.users.list(partnerID: nil)
        let second = try await service.load()
        #expect(second.partnersCreated.isEmpty)
        #expect(second.usersCreated.isEmpty)
        #expect(second.incidentsCreated.isEmpty)
        #expect(try await store.repositories.partners.list() == partnersBefore)
        #expect(try await store.repositories.users.list(partnerID: nil) == usersBefore)
        #expect(try await store.repositories.hssis.list().count == 1)
        #expect(try await store.repositories.hssis.rotaEntries(partnerID: nil).count == 1)
        #expect(try await store.repositories.outbox.counts().isEmpty)
    }

    @Test func load_startsAnHSSIWithDevOps_onTheRota_withoutSendingAnything() async throws {
        _ = try await service.load()
        let hssi = try #require(try await store.repositories.hssis.list().first)
        #expect(hssi.stage == .devOpsEngaged && hssi.severity == .one && hssi.partnerAssessment != nil)
        let rota = try await store.repositories.hssis.rotaEntries(partnerID: hssi.primaryPartnerID)
        #expect(rota.map(\.entry.managerName) == ["Daniel Price"])
        #expect(try await store.repositories.outbox.counts().allSatisfy { $0.count == 0 })
    }

    @Test func load_plansThisFortnightsSprint_withOneReleaseLive_andOneAwaitingClinicalSafety() async throws {
        _ = try await service.load()
        let releases = store.repositories.releases
        let sprints = try await releases.sprints()
        #expect(sprints.map(\.number) == [102, 101])
        #expect(sprints.last?.digestSentAt != nil && sprints.first?.digestSentAt == nil)
        let planned = try await releases.releases()
        #expect(planned.map(\.status) == [.planned, .released])
        #expect(planned.allSatisfy { $0.notesPublishedAt != nil })
        let next = try #require(planned.first)
        #expect(next.state(of: .level("clinical_safety")) == .pending)
        #expect(try await releases.notices().first?.sentAt != nil)
        #expect(try await store.repositories.outbox.counts().allSatisfy { $0.count == 0 })
    }
}

@Suite struct DemoOverExistingDataTests {
    @Test func demo_loadsIntoADatabaseWhereThePartnerWasRegisteredWithOtherServices() async throws {
        let store = InMemoryStore()
        let partners = PartnerAdministrationService(
            store: store, ids: SequentialIDGenerator(), catalog: .standard, audit: .forTests(store: store),
            clock: FixedClock(ISO8601Instant.date(from: "2026-11-23T09:00:00Z")!))
        _ = try await partners.register(
            PartnerDraft(
                code: "WELLPATH", name: "Wellpath", status: "live", services: [.init(name: "GP", clientID: "wp-gp")])
        )
        let demo = DemoDataService(
            store: store, ids: SequentialIDGenerator(), hasher: PlainTextPasswordHasher(),
            clock: FixedClock(ISO8601Instant.date(from: "2026-11-26T12:00:00Z")!), catalog: .standard,
            digester: TestDigester(), audit: .forTests(store: store)
        )
        let report = try await demo.load()
        // One in every status, and last month's four for its service report.
        #expect(report.incidentsCreated.count == IncidentStatus.allCases.count + 4)
    }
}
