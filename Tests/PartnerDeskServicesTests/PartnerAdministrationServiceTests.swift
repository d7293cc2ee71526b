import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing

@Suite struct PartnerAdministrationServiceTests {
    let store = InMemoryStore()
    var service: PartnerAdministrationService {
        PartnerAdministrationService(
            store: store, ids: SequentialIDGenerator(), catalog: .standard, audit: .forTests(store: store),
            clock: FixedClock(ISO8601Instant.date(from: "2026-11-23T09:00:00Z")!))
    }

    @Test func register_storesAValidPartner() async throws {
        let partner = try await service.register(PartnerDraft(code: "acme", name: "Acme Health"))
        #expect(try await service.find(code: PartnerCode("ACME")!) == partner)
        #expect(try await service.list() == [partner])
    }

    @Test func register_refusesATakenCode_andStoresNothingNew() async throws {
        _ = try await service.register(PartnerDraft(code: "ACME", name: "Acme Health"))
        await #expect {
            _ = try await service.register(PartnerDraft(code: "acme", name: "Another Acme"))
        } throws: { error in
            (error as? ValidationFailure)?.issues.map(\.code) == ["taken"]
        }
        #expect(try await service.list().map(\.name) == ["Acme Health"])
    }

    @Test func register_refusesAnUnknownTier() async throws {
        await #expect {
            _ = try await service.register(PartnerDraft(code: "ACME", name: "Acme", tierID: "platinum"))
        } throws: { error in
            (error as? ValidationFailure)?.issues.map(\.field) == ["tierID"]
        }
    }

    @Test func register_refusesInvalidDrafts_beforeTouchingTheStore() async throws {
        await #expect(throws: ValidationFailure.self) {
            _ = try await service.register(PartnerDraft(code: "", name: ""))
        }
        #expect(try await service.list().isEmpty)
    }
}
