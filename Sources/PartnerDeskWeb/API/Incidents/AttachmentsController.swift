import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// `/api/v1/incidents/{id}/attachments`: upload screenshots, list them, download one.
struct AttachmentsController {
    let services: AppServices

    /// The multipart form of an upload.
    struct Upload: Content {
        var file: File
        /// Must be `true`: the uploader confirms the image shows no patient-identifiable data.
        var confirmNoPatientData: String?
    }

    func register(on incidents: any RoutesBuilder) {
        incidents.on(.POST, ":incidentID", "attachments", body: .collect(maxSize: "11mb"), use: upload)
            .declaring(.attachScreenshot).acceptingBodies(upTo: 11 * 1024 * 1024)
        incidents.get(":incidentID", "attachments", use: list).declaring(.readIncident)
        incidents.get(":incidentID", "attachments", ":attachmentID", use: download).declaring(.readIncident)
    }

    @Sendable func upload(_ request: Request) async throws -> Response {
        try await services.incidents.authorizeAttachment(to: try request.incidentID(), by: try request.principal)
        guard request.headers.contentType?.type == "multipart" else {
            throw Abort(.unsupportedMediaType, reason: "Send the screenshot as multipart/form-data with a 'file' part.")
        }
        let form: Upload
        do {
            form = try request.content.decode(Upload.self)
        } catch {
            throw Abort(
                .badRequest,
                reason: "Send the screenshot as multipart/form-data with a 'file' part and 'confirmNoPatientData'."
            )
        }
        let attachment = try await services.incidents.attach(
            try request.incidentID(), bytes: Data(buffer: form.file.data), fileName: form.file.filename,
            confirmedNoPatientData: form.confirmNoPatientData?.lowercased() == "true", by: try request.principal
        )
        let response = try await AttachmentDTO(attachment).encodeResponse(status: .created, for: request)
        response.headers.replaceOrAdd(name: .location, value: AttachmentDTO(attachment).downloadURL)
        return response
    }

    @Sendable func list(_ request: Request) async throws -> [AttachmentDTO] {
        try await services.incidents.attachments(of: try request.incidentID(), as: try request.principal)
            .map(AttachmentDTO.init)
    }

    /// The cleaned bytes, always as a download: never rendered inline, never sniffed.
    @Sendable func download(_ request: Request) async throws -> Response {
        guard let text = request.parameters.get("attachmentID"), let attachmentID = Attachment.ID(uuidString: text)
        else {
            throw ServiceError.notFound
        }
        let (attachment, bytes) = try await services.incidents.download(
            attachmentID, of: try request.incidentID(), as: try request.principal
        )
        return Self.downloadResponse(attachment, bytes: bytes)
    }

    /// A screenshot as a download (for the API and the pages alike): never rendered inline, never sniffed,
    /// never cached by shared caches.
    static func downloadResponse(_ attachment: Attachment, bytes: Data) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "image", subType: attachment.format.rawValue)
        headers.replaceOrAdd(
            name: .contentDisposition, value: ContentDisposition.attachment(fileName: attachment.fileName))
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return Response(status: .ok, headers: headers, body: .init(data: bytes))
    }
}

/// A screenshot's record as the API shows it.
struct AttachmentDTO: Content, Equatable {
    var id: String
    var incidentID: String
    var fileName: String
    var mediaType: String
    var byteCount: Int
    var width: Int
    var height: Int
    var sha256: String
    var removedMetadata: [String]
    var uploadedAt: String
    var uploadedBy: String
    var downloadURL: String

    init(_ attachment: Attachment) {
        id = attachment.id.description
        incidentID = attachment.incidentID.description
        fileName = attachment.fileName
        mediaType = attachment.format.mediaType
        byteCount = attachment.byteCount
        width = attachment.width
        height = attachment.height
        sha256 = attachment.contentHash
        removedMetadata = attachment.removedMetadata
        uploadedAt = ISO8601Instant.string(from: attachment.uploadedAt)
        uploadedBy = attachment.uploadedBy
        downloadURL = "/api/v1/incidents/\(incidentID)/attachments/\(id)"
    }
}
