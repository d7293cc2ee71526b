import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Synchronization

struct InMemoryPartnerRepository: PartnerRepository {
    let box: StateBox

    func create(_ partner: Partner) async throws {
        try box.write { state in
            let clientIDs = Set(state.partners.values.flatMap { $0.services.map(\.clientID) })
            if state.partners.values.contains(where: { $0.code == partner.code })
                || partner.services.contains(where: { clientIDs.contains($0.clientID) })
            {
                throw RepositoryError.conflict("A partner with this code or client id already exists.")
            }
            state.partners[partner.id] = partner
        }
    }

    func find(id: Partner.ID) async throws -> Partner? { box.read().partners[id] }

    func find(code: PartnerCode) async throws -> Partner? {
        box.read().partners.values.first { $0.code == code }
    }

    func list() async throws -> [Partner] { box.read().partners.values.sorted { $0.code < $1.code } }
}
