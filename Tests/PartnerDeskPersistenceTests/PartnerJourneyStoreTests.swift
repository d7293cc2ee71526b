import Foundation
import PartnerDeskDomain
import PartnerDeskPersistence
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing

/// Partners' edited details and their journeys stored on memory, SQLite and PostgreSQL alike: replaced only at
/// the version read, services keeping their ids, a client id never shared between partners, and each journey
/// read back whole.
@Suite struct PartnerJourneyStoreTests {
    static func at(_ text: String) -> Date { ISO8601Instant.date(from: text)! }

    @Test(arguments: ContractStore.available)
    func partners_areEditedAtTheirVersion_andJourneysReadBackWhole(_ backend: ContractStore) async throws {
        try await withStore(backend) { store in
            let services = AppServices.forTests(store: store, clock: FixedClock(Self.at("2026-12-08T10:00:00Z")))
            var partners: [Partner] = []
            for code in ["WELLPATH", "CAREBEE"] {
                partners.append(
                    try await services.partners.register(
                        PartnerDraft(
                            code: code, name: code, status: "onboarding",
                            services: [.init(name: "GP", clientID: code.lowercased())],
                            contacts: [.init(role: "primary", name: "Ann", email: "ann@\(code.lowercased()).example")]))
                )
            }
            let repository = store.repositories.partners
            var changed = try PartnerDraft(
                code: "WELLPATH", name: "Wellpath Health",
                services: [.init(name: "GP online", clientID: "wellpath"), .init(name: "Rx", clientID: "wellpath-rx")],
                contacts: [
                    .init(role: "primary", name: "Ann Lee", email: "ann@wellpath.example", phone: "0113 496 0000"),
                    .init(role: "escalation", name: "Bo", email: "bo@wellpath.example"),
                ], hoursOfOperation: "08:00-20:00"
            ).validatedChange(of: partners[0], makeID: UUID.init)
            changed.version = 2
            try await repository.update(changed, expectedVersion: 1)
            #expect(try await repository.find(id: changed.id) == changed)
            #expect(try await repository.find(code: changed.code)?.services.first?.id == partners[0].services[0].id)
            await #expect(throws: RepositoryError.staleVersion) {
                try await repository.update(changed, expectedVersion: 1)
            }

            var stealing = partners[1]
            stealing.services.append(PartnerService(id: .init(UUID()), name: "Rx", clientID: "wellpath-rx"))
            stealing.version = 2
            let taken = stealing
            await #expect(throws: RepositoryError.self) {
                try await store.transaction { repositories in
                    try await repositories.partners.update(taken, expectedVersion: 1)
                }
            }
            #expect(try await repository.find(id: partners[1].id) == partners[1])

            let journeys = store.repositories.partnerJourneys
            #expect(try await journeys.find(partnerID: partners[0].id) == nil)
            var journey = PartnerJourney(partnerID: partners[0].id)
            try await journeys.save(journey, expectedVersion: nil)
            await #expect(throws: RepositoryError.self) { try await journeys.save(journey, expectedVersion: nil) }
            try journey.submit(
                .incidentProcess, description: "Our runbook", links: ["https://docs.wellpath.example/runbook"],
                by: ActedBy(name: "Ann", role: .partnerAdministrator), at: Self.at("2026-12-08T10:00:00Z"))
            var partner = changed
            try journey.move(
                &partner, to: .earlyLive, reason: "Agreed at the go-live board",
                plan: CheckInPlan(first: .daily, firstWeeks: 2, then: .weekly),
                by: ActedBy(name: "Sam", role: .serviceManager, userID: .init(UUID())),
                at: Self.at("2026-12-08T11:00:00Z"), today: LocalDate("2026-12-08")!)
            journey.version = 2
            try await journeys.save(journey, expectedVersion: 1)
            await #expect(throws: RepositoryError.staleVersion) { try await journeys.save(journey, expectedVersion: 1) }
            #expect(try await journeys.find(partnerID: partners[0].id) == journey)
            #expect(try await journeys.list() == [journey])
        }
    }
}
