import FluentKit
import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import SQLKit

/// Row of `attachments`.
final class AttachmentRecord: Model, @unchecked Sendable {
    static let schema = "attachments"

    @ID(key: .id) var id: UUID?
    @Field(key: "incident_id") var incidentID: UUID
    @Field(key: "file_name") var fileName: String
    @Field(key: "format") var format: String
    @Field(key: "byte_count") var byteCount: Int
    @Field(key: "width") var width: Int
    @Field(key: "height") var height: Int
    @Field(key: "content_hash") var contentHash: String
    /// JSON array of the metadata names removed.
    @Field(key: "removed_metadata") var removedMetadata: String
    @Field(key: "uploaded_at") var uploadedAt: Date
    @Field(key: "uploaded_by") var uploadedBy: String
    @Field(key: "confirmed_no_patient_data") var confirmedNoPatientData: Bool

    init() {}
}

/// Row of `blobs`.
final class BlobRecord: Model, @unchecked Sendable {
    static let schema = "blobs"

    @ID(custom: "content_hash", generatedBy: .user) var id: String?
    @Field(key: "bytes") var bytes: Data
    @Field(key: "byte_count") var byteCount: Int

    init() {}
}

struct FluentAttachmentRepository: AttachmentRepository {
    let database: any Database

    func create(_ attachment: Attachment) async throws {
        let record = AttachmentRecord()
        record.id = attachment.id.rawValue
        record.incidentID = attachment.incidentID.rawValue
        record.fileName = attachment.fileName
        record.format = attachment.format.rawValue
        record.byteCount = attachment.byteCount
        record.width = attachment.width
        record.height = attachment.height
        record.contentHash = attachment.contentHash
        record.removedMetadata = String(decoding: try JSONEncoder().encode(attachment.removedMetadata), as: UTF8.self)
        record.uploadedAt = attachment.uploadedAt
        record.uploadedBy = attachment.uploadedBy
        record.confirmedNoPatientData = attachment.confirmedNoPatientData
        try await record.create(on: database)
    }

    func list(incidentID: Incident.ID) async throws -> [Attachment] {
        try await AttachmentRecord.query(on: database).filter(\.$incidentID == incidentID.rawValue).sort(\.$uploadedAt)
            .all().map(Self.attachment(from:))
    }

    func find(id: Attachment.ID) async throws -> Attachment? {
        try await AttachmentRecord.find(id.rawValue, on: database).map(Self.attachment(from:))
    }

    private static func attachment(from record: AttachmentRecord) throws -> Attachment {
        guard let id = record.id, let format = ScreenshotFormat(rawValue: record.format) else {
            throw StoredDataError.unreadable(table: AttachmentRecord.schema, id: record.id)
        }
        return Attachment(
            id: .init(id), incidentID: .init(record.incidentID), fileName: record.fileName, format: format,
            byteCount: record.byteCount, width: record.width, height: record.height, contentHash: record.contentHash,
            removedMetadata: try JSONDecoder().decode([String].self, from: Data(record.removedMetadata.utf8)),
            uploadedAt: record.uploadedAt, uploadedBy: record.uploadedBy,
            confirmedNoPatientData: record.confirmedNoPatientData
        )
    }
}

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
