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

    func update(_ partner: Partner, expectedVersion: Int) async throws {
        try box.write { state in
            guard state.partners[partner.id]?.version == expectedVersion else { throw RepositoryError.staleVersion }
            let others = Set(
                state.partners.values.filter { $0.id != partner.id }.flatMap { $0.services.map(\.clientID) })
            if partner.services.contains(where: { others.contains($0.clientID) }) {
                throw RepositoryError.conflict("Another partner already uses one of these client ids.")
            }
            state.partners[partner.id] = partner
        }
    }
}
