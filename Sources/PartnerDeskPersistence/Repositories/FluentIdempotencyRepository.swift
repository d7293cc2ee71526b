import FluentKit
import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import SQLKit

/// Remembered responses to creating requests, by caller and idempotency key.
struct FluentIdempotencyRepository: IdempotencyRepository {
    let database: any Database

    func find(scope: String, key: String) async throws -> (fingerprint: String, response: StoredResponse)? {
        guard
            let record = try await IdempotencyKeyRecord.query(on: database).filter(\.$scope == scope)
                .filter(\.$key == key).first()
        else { return nil }
        return (record.fingerprint, StoredResponse(status: record.status, body: record.body, location: record.location))
    }

    func save(_ request: IdempotencyRequest, response: StoredResponse, at instant: Date) async throws {
        let record = IdempotencyKeyRecord()
        record.scope = request.scope
        record.key = request.key
        record.fingerprint = request.fingerprint
        record.status = response.status
        record.body = response.body
        record.location = response.location
        record.createdAt = instant
        try await translatingConstraintFailures("This idempotency key was already used.") {
            try await record.create(on: database)
        }
    }
}
