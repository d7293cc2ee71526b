import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// Service requests in memory, with the same order and rules as the SQL repository.
struct InMemoryServiceRequestRepository: ServiceRequestRepository {
    let box: StateBox

    func nextReference() async throws -> ServiceRequestReference {
        var number = 0
        try box.write {
            $0.serviceRequestSequence += 1
            number = $0.serviceRequestSequence
        }
        return ServiceRequestReference(number: number)!
    }

    func create(_ request: ServiceRequest) async throws {
        try box.write { state in
            guard !state.serviceRequests.values.contains(where: { $0.reference == request.reference }) else {
                throw RepositoryError.conflict("A service request with this reference already exists.")
            }
            state.serviceRequests[request.id] = request
        }
    }

    func update(_ request: ServiceRequest, expectedVersion: Int) async throws {
        try box.write { state in
            guard state.serviceRequests[request.id]?.version == expectedVersion else {
                throw RepositoryError.staleVersion
            }
            state.serviceRequests[request.id] = request
        }
    }

    func find(id: ServiceRequest.ID) async throws -> ServiceRequest? { box.read().serviceRequests[id] }

    func list(_ query: ServiceRequestQuery) async throws -> [ServiceRequest] {
        Array(
            box.read().serviceRequests.values.filter { request in
                (query.partnerID.map { request.partnerID == $0 } ?? true)
                    && (query.statuses.isEmpty || query.statuses.contains(request.status))
            }.sorted { $0.reference > $1.reference }.prefix(query.limit))
    }

    func dueForWarning(at instant: Date, limit: Int) async throws -> [ServiceRequest] {
        Array(
            box.read().serviceRequests.values.compactMap { request in
                request.nextWarning.flatMap { $0.at <= instant ? (request, $0.at) : nil }
            }.sorted { ($0.1, $0.0.reference) < ($1.1, $1.0.reference) }.map(\.0).prefix(limit))
    }
}
