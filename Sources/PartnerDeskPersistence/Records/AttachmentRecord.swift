import FluentKit
import Foundation

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
