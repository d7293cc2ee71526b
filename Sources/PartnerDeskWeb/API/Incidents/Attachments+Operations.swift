import Foundation
import OpenAPIRuntime
import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// `/api/v1/incidents/{id}/attachments`: upload screenshots, list them, download one.
extension APIOperations {
    func attachScreenshot(_ input: Operations.AttachScreenshot.Input) async throws
        -> Operations.AttachScreenshot.Output
    {
        let principal = try APIRequest.request.principal
        let id = try Incident.ID.inPath(input.path.incidentID)
        // Another partner's incident answers 404 before anything of the body is read.
        try await services.incidents.authorizeAttachment(to: id, by: principal)
        let form =
            switch input.body {
            case .multipartForm(let form): form
            }
        var file: (bytes: Data, name: String?)?
        var confirmation: String?
        do {
            for try await part in form {
                switch part {
                case .file(let part):
                    file = (try await Data(collecting: part.payload.body, upTo: .max), part.filename)
                case .confirmNoPatientData(let part):
                    confirmation = try await String(collecting: part.payload.body, upTo: 100)
                case .undocumented: break
                }
            }
        } catch {
            throw Abort(
                .badRequest,
                reason: "Send the screenshot as multipart/form-data with a 'file' part and 'confirmNoPatientData'.")
        }
        guard let file else {
            throw Abort(.badRequest, reason: "Send the screenshot as multipart/form-data with a 'file' part.")
        }
        let attachment = try await services.incidents.attach(
            id, bytes: file.bytes, fileName: file.name,
            confirmedNoPatientData: confirmation?.lowercased() == "true", by: principal)
        let record = try Components.Schemas.Attachment(attachment)
        return .created(.init(headers: .init(location: record.downloadURL), body: .json(record)))
    }

    func listAttachments(_ input: Operations.ListAttachments.Input) async throws -> Operations.ListAttachments.Output {
        let attachments = try await services.incidents.attachments(
            of: try Incident.ID.inPath(input.path.incidentID), as: try APIRequest.request.principal)
        return .ok(.init(body: .json(try attachments.map { try Components.Schemas.Attachment($0) })))
    }

    /// The cleaned bytes, always as a download: never rendered inline, never sniffed, never kept by shared
    /// caches.
    func downloadAttachment(_ input: Operations.DownloadAttachment.Input) async throws
        -> Operations.DownloadAttachment.Output
    {
        let (attachment, bytes) = try await services.incidents.download(
            try Attachment.ID.inPath(input.path.attachmentID), of: try Incident.ID.inPath(input.path.incidentID),
            as: try APIRequest.request.principal)
        let body = OpenAPIRuntime.HTTPBody(bytes)
        let image: Operations.DownloadAttachment.Output.Ok.Body =
            switch attachment.format {
            case .png: .png(body)
            case .jpeg: .jpeg(body)
            case .webp: .imageWebp(body)
            }
        return .ok(
            .init(
                headers: .init(
                    contentDisposition: ContentDisposition.attachment(fileName: attachment.fileName),
                    xContentTypeOptions: "nosniff", cacheControl: "private, no-store"),
                body: image))
    }
}

extension Components.Schemas.Attachment {
    /// A screenshot's record as the API shows it.
    init(_ attachment: Attachment) throws {
        let id = attachment.id.description
        let incident = attachment.incidentID.description
        self.init(
            id: id, incidentID: incident, fileName: attachment.fileName,
            mediaType: try .documented(attachment.format.mediaType), byteCount: attachment.byteCount,
            width: attachment.width, height: attachment.height, sha256: attachment.contentHash,
            removedMetadata: attachment.removedMetadata, uploadedAt: attachment.uploadedAt,
            uploadedBy: attachment.uploadedBy, downloadURL: "/api/v1/incidents/\(incident)/attachments/\(id)")
    }
}
