import FluentKit
import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import SQLKit

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
