import Foundation

/// A screenshot attached to an incident: its checked, cleaned image is stored once under its content hash,
/// and this record says what it is, who attached it and when.
public struct Attachment: Hashable, Sendable, Identifiable {
    public typealias ID = EntityID<Attachment>

    public var id: ID
    public var incidentID: Incident.ID
    /// The name shown to people, made safe (see ``AttachmentFileName``).
    public var fileName: String
    public var format: ScreenshotFormat
    public var byteCount: Int
    public var width: Int
    public var height: Int
    /// SHA-256 of the stored (cleaned) bytes, in hexadecimal: where the bytes live.
    public var contentHash: String
    /// What the inspector removed before storing (EXIF, XMP, …).
    public var removedMetadata: [String]
    public var uploadedAt: Date
    public var uploadedBy: String
    /// The uploader confirmed the image shows no patient-identifiable data.
    public var confirmedNoPatientData: Bool

    public init(
        id: ID, incidentID: Incident.ID, fileName: String, format: ScreenshotFormat, byteCount: Int, width: Int,
        height: Int, contentHash: String, removedMetadata: [String], uploadedAt: Date, uploadedBy: String,
        confirmedNoPatientData: Bool
    ) {
        self.id = id
        self.incidentID = incidentID
        self.fileName = fileName
        self.format = format
        self.byteCount = byteCount
        self.width = width
        self.height = height
        self.contentHash = contentHash
        self.removedMetadata = removedMetadata
        self.uploadedAt = uploadedAt
        self.uploadedBy = uploadedBy
        self.confirmedNoPatientData = confirmedNoPatientData
    }
}
