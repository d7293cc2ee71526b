import Foundation
import PartnerDeskDomain
import PartnerDeskPersistence
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing

/// Service requests stored on memory, SQLite and PostgreSQL alike: read back whole, listed newest first by
/// partner and state, replaced only at the version read, and found by the warnings job when a warning is due.
@Suite struct ServiceRequestStoreTests {
    static func at(_ text: String) -> Date { ISO8601Instant.date(from: text)! }

    @Test(arguments: ContractStore.available)
    func requests_readBack_list_version_andComeDueForWarnings(_ backend: ContractStore) async throws {
        try await withStore(backend) { store in
            let services = AppServices.forTests(store: store, clock: FixedClock(Self.at("2026-11-30T15:00:00Z")))
            var partners: [Partner.ID] = []
            for code in ["WELLPATH", "CAREBEE"] {
                partners.append(
                    try await services.partners.register(
                        PartnerDraft(
                            code: code, name: code, status: "live",
                            services: [.init(name: "GP", clientID: code.lowercased())])
                    ).id)
            }
            let repository = store.repositories.serviceRequests
            let kind = ServiceRequestTypeSummary(ServiceRequestCatalogue.standard.type("redirect_change")!)
            let calendar = try BusinessCalendar(spec: ServiceLevelTier.silver.businessCalendar)
            let desk = ActedBy(name: "Fiona", role: .firstLineAgent)
            var made: [ServiceRequest] = []
            for (index, partner) in [partners[0], partners[1], partners[0]].enumerated() {
                let request = ServiceRequest(
                    id: .init(UUID()), reference: try await repository.nextReference(), partnerID: partner, type: kind,
                    title: "Request \(index)",
                    answers: [ServiceRequestAnswer(field: "clientID", label: "Client ID", value: "wp-\(index)")],
                    submittedAt: Self.at("2026-11-30T15:00:00Z"),
                    submittedBy: ActedBy(name: "Priya", role: .partnerReporter))
                try await repository.create(request)
                made.append(request)
            }
            #expect(made.map(\.reference.number) == [1, 2, 3])
            #expect(try await repository.find(id: made[1].id) == made[1])
            #expect(try await repository.list(ServiceRequestQuery()).map(\.reference.number) == [3, 2, 1])
            #expect(
                try await repository.list(ServiceRequestQuery(partnerID: partners[0])).map(\.reference.number) == [
                    3, 1,
                ])

            // Accepted on 30 November with one month: due by the end of 30 December, warned from 17 December.
            var accepted = made[0]
            try accepted.take(
                .accept, note: nil, by: desk, at: Self.at("2026-11-30T16:00:00Z"), maximumMonths: 3, calendar: calendar)
            accepted.version += 1
            try await repository.update(accepted, expectedVersion: 1)
            await #expect(throws: RepositoryError.staleVersion) {
                try await repository.update(accepted, expectedVersion: 1)
            }
            #expect(try await repository.find(id: accepted.id) == accepted)
            #expect(
                try await repository.list(ServiceRequestQuery(statuses: [.accepted])).map(\.id) == [accepted.id])
            #expect(try await repository.dueForWarning(at: Self.at("2026-12-16T23:59:59Z"), limit: 10).isEmpty)
            #expect(
                try await repository.dueForWarning(at: Self.at("2026-12-17T00:00:00Z"), limit: 10).map(\.id)
                    == [accepted.id])
            accepted.warningsSent = [.dueSoon]
            accepted.version += 1
            try await repository.update(accepted, expectedVersion: 2)
            #expect(try await repository.dueForWarning(at: Self.at("2026-12-30T23:59:59Z"), limit: 10).isEmpty)
            #expect(try await repository.dueForWarning(at: Self.at("2026-12-31T00:00:00Z"), limit: 10).count == 1)
        }
    }
}
