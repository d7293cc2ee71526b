import Foundation
import PartnerDeskDomain
import PartnerDeskServices

struct InMemoryBlobRepository: BlobRepository {
    let box: StateBox

    func put(_ data: Data, contentHash: String) async throws {
        try box.write { state in
            if state.blobs[contentHash] == nil { state.blobs[contentHash] = data }
        }
    }

    func get(_ contentHash: String) async throws -> Data? { box.read().blobs[contentHash] }
}
