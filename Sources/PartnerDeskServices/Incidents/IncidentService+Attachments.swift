import Foundation
import PartnerDeskDomain

extension IncidentService {
    /// Attaches a screenshot. The uploader must confirm it shows no patient data; the file name passes the
    /// patient-data guard; the bytes pass the ``ScreenshotInspector`` (format by content, size and pixel
    /// limits before decoding, metadata removed) and only the cleaned bytes are kept.
    public func attach(
        _ id: Incident.ID, bytes: Data, fileName: String?, confirmedNoPatientData: Bool, by principal: Principal
    ) async throws -> Attachment {
        var check = ValidationCollector()
        if !confirmedNoPatientData {
            check.add(
                "confirmNoPatientData", "required",
                "Confirm that the screenshot shows no patient-identifiable data, such as an NHS number or a name."
            )
        }
        let inspected: InspectedScreenshot
        do {
            inspected = try inspector.inspect(bytes)
        } catch {
            check.add("file", error.code, error.message)
            throw ValidationFailure(check.issues)
        }
        let name = AttachmentFileName(sanitizing: fileName, format: inspected.format).value
        let issues = check.issues + PatientDataGuard().refusals(for: [("fileName", fileName ?? "")])
        if !issues.isEmpty { throw ValidationFailure(issues) }
        let hash = digester.sha256(inspected.cleanedBytes)
        let now = clock.now()
        let ids = self.ids
        return try await store.transaction { repositories in
            let incident = try await visibleIncident(
                id, principal: principal, action: .attachScreenshot, repositories: repositories)
            let attachment = Attachment(
                id: .init(ids.make()), incidentID: incident.id, fileName: name, format: inspected.format,
                byteCount: inspected.cleanedBytes.count, width: inspected.width, height: inspected.height,
                contentHash: hash,
                removedMetadata: inspected.removedMetadata, uploadedAt: now, uploadedBy: principal.displayName,
                confirmedNoPatientData: true
            )
            try await repositories.blobs.put(inspected.cleanedBytes, contentHash: hash)
            try await repositories.attachments.create(attachment)
            try await repositories.incidents.append([
                IncidentEvent(
                    id: .init(ids.make()), incidentID: incident.id, at: now, kind: .attachment(fileName: name),
                    visibility: .public, actorName: principal.displayName, actorRole: principal.role, note: nil
                )
            ])
            return attachment
        }
    }

    /// Checks, before any upload is read, that the caller may attach to this incident.
    public func authorizeAttachment(to id: Incident.ID, by principal: Principal) async throws {
        _ = try await visibleIncident(
            id, principal: principal, action: .attachScreenshot, repositories: store.repositories)
    }

    /// The screenshots of an incident the caller may see.
    public func attachments(of id: Incident.ID, as principal: Principal) async throws -> [Attachment] {
        let repositories = store.repositories
        _ = try await visibleIncident(id, principal: principal, action: .readIncident, repositories: repositories)
        return try await repositories.attachments.list(incidentID: id)
    }

    /// One screenshot's record and bytes, for someone who may see its incident.
    public func download(
        _ attachmentID: Attachment.ID, of id: Incident.ID, as principal: Principal
    ) async throws -> (attachment: Attachment, bytes: Data) {
        let repositories = store.repositories
        _ = try await visibleIncident(id, principal: principal, action: .readIncident, repositories: repositories)
        guard let attachment = try await repositories.attachments.find(id: attachmentID), attachment.incidentID == id,
            let bytes = try await repositories.blobs.get(attachment.contentHash)
        else { throw ServiceError.notFound }
        return (attachment, bytes)
    }
}
