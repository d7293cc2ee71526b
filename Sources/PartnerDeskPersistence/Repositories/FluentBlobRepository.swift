import FluentKit
import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import SQLKit

struct FluentBlobRepository: BlobRepository {
    let database: any Database

    func put(_ data: Data, contentHash: String) async throws {
        guard try await BlobRecord.find(contentHash, on: database) == nil else { return }
        let record = BlobRecord()
        record.id = contentHash
        record.bytes = data
        record.byteCount = data.count
        do {
            try await record.create(on: database)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Stored meanwhile by a concurrent upload of the same image: the bytes are the same.
            return
        }
    }

    func get(_ contentHash: String) async throws -> Data? {
        try await BlobRecord.find(contentHash, on: database)?.bytes
    }
}
