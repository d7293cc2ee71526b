import Foundation
import PartnerDeskDomain
import PartnerDeskServices

struct InMemoryPartnerJourneyRepository: PartnerJourneyRepository {
    let box: StateBox

    func find(partnerID: Partner.ID) async throws -> PartnerJourney? { box.read().partnerJourneys[partnerID] }

    func list() async throws -> [PartnerJourney] { Array(box.read().partnerJourneys.values) }

    func save(_ journey: PartnerJourney, expectedVersion: Int?) async throws {
        try box.write { state in
            let stored = state.partnerJourneys[journey.partnerID]
            if let expectedVersion {
                guard stored?.version == expectedVersion else { throw RepositoryError.staleVersion }
            } else if stored != nil {
                throw RepositoryError.conflict("This partner's journey is already recorded.")
            }
            state.partnerJourneys[journey.partnerID] = journey
        }
    }
}
