import Foundation
import PartnerDeskDatabaseTestSupport
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing

/// HSSIs, rotas, alerts and message links on SQLite and PostgreSQL.
@Suite struct HSSIStoreTests {
    static let now = ISO8601Instant.date(from: "2026-10-25T00:30:00Z")!

    @Test(arguments: ContractStore.available)
    func hssis_readBackExactly_andTheJobFindsDeadlinesAndSendsEachAlertOnce(_ backend: ContractStore) async throws {
        try await withStore(backend) { store in
            let services = AppServices.forTests(store: store, clock: FixedClock(Self.now))
            let partner = try await services.partners.register(
                PartnerDraft(code: "WELLPATH", name: "Wellpath", status: "live"))
            let hssis = store.repositories.hssis
            #expect(try await hssis.nextReference().number == 1)
            var hssi = try HigherSeverityIncident(
                id: .init(UUID()), reference: try await hssis.nextReference(), primaryPartnerID: partner.id,
                title: "Wrong record shown", description: "Users saw other users' records", declaredBy: .partner,
                occurredAt: Self.now.addingTimeInterval(-600),
                recordedBy: HSSIActor(name: "Dana", role: "HSSI manager"),
                now: Self.now)
            let due = Self.now.addingTimeInterval(1_200)
            try await hssis.create(hssi, nextDeadlineAt: due)
            #expect(try await hssis.find(id: hssi.id) == hssi)
            #expect(try await hssis.find(reference: hssi.reference) == hssi)
            let stored = hssi
            try hssi.record(.identify, at: Self.now, by: HSSIActor(name: "Dana", role: "HSSI manager"), now: Self.now)
            try await hssis.update(hssi, expectedVersion: stored.version, nextDeadlineAt: due)
            await #expect(throws: RepositoryError.staleVersion) {
                try await hssis.update(hssi, expectedVersion: stored.version, nextDeadlineAt: due)
            }
            #expect(try await hssis.list() == [hssi])
            #expect(try await hssis.due(at: due.addingTimeInterval(-1), limit: 10).isEmpty)
            #expect(try await hssis.due(at: due, limit: 10).map(\.id) == [hssi.id])
            try await hssis.setNextDeadline(hssi.id, at: nil)
            #expect(try await hssis.due(at: due.addingTimeInterval(3_600), limit: 10).isEmpty)
            #expect(try await hssis.recordAlert(hssi.id, key: "status_update x 1", at: Self.now))
            #expect(try await !hssis.recordAlert(hssi.id, key: "status_update x 1", at: Self.now))
            let links = [
                HSSIMessageLink(kind: "hssi.declared", messageID: UUID(), partnerID: partner.id),
                HSSIMessageLink(kind: "hssi.declared", messageID: UUID(), partnerID: nil),
            ]
            try await hssis.linkMessages(hssi.id, links)
            #expect(try await hssis.messages(of: hssi.id) == links)

            let entry = StoredRotaEntry(
                id: UUID(), partnerID: partner.id,
                entry: try HSSIRotaEntry(
                    managerName: "Nina", email: "nina@wellpath.example", phone: "0113 496 0100",
                    startsAt: Self.now, endsAt: Self.now.addingTimeInterval(86_400)),
                addedBy: "Dana", addedAt: Self.now)
            try await hssis.addRotaEntry(entry)
            #expect(try await hssis.rotaEntries(partnerID: partner.id) == [entry])
            #expect(try await !hssis.removeRotaEntry(entry.id, partnerID: .init(UUID())))
            #expect(try await hssis.removeRotaEntry(entry.id, partnerID: partner.id))
            #expect(try await hssis.rotaEntries(partnerID: nil).isEmpty)
        }
    }
}
