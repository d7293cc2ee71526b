import Foundation
import PartnerDeskDomain

/// A screenshot as sent: its bytes, the sender's file name, and whether they confirmed that it shows no
/// patient-identifiable data.
public struct ScreenshotUpload: Sendable {
    public var bytes: Data
    public var fileName: String?
    public var confirmedNoPatientData: Bool

    public init(bytes: Data, fileName: String?, confirmedNoPatientData: Bool) {
        self.bytes = bytes
        self.fileName = fileName
        self.confirmedNoPatientData = confirmedNoPatientData
    }
}

/// A screenshot that passed every check: its cleaned bytes, safe file name and content hash.
struct PreparedScreenshot: Sendable {
    var inspected: InspectedScreenshot
    var fileName: String
    var contentHash: String
}

extension IncidentService {
    /// Attaches a screenshot. The uploader must confirm it shows no patient data; the file name passes the
    /// patient-data guard; the bytes pass the ``ScreenshotInspector`` (format by content, size and pixel
    /// limits before decoding, metadata removed) and only the cleaned bytes are kept.
    public func attach(
        _ id: Incident.ID, bytes: Data, fileName: String?, confirmedNoPatientData: Bool, by principal: Principal
    ) async throws -> Attachment {
        let upload = ScreenshotUpload(bytes: bytes, fileName: fileName, confirmedNoPatientData: confirmedNoPatientData)
        let prepared = try prepare(upload, field: "file").get()
        let now = clock.now()
        return try await store.transaction { repositories in
            let incident = try await visibleIncident(
                id, principal: principal, action: .attachScreenshot, repositories: repositories)
            return try await keep(
                prepared, for: incident.id, by: principal, at: now, field: "file", repositories: repositories)
        }
    }

    /// Checks an upload without storing anything: the confirmation, the image (reported on `field`) and the
    /// file name.
    func prepare(_ upload: ScreenshotUpload, field: String) -> Result<PreparedScreenshot, ValidationFailure> {
        var check = ValidationCollector()
        if !upload.confirmedNoPatientData {
            check.add(
                "confirmNoPatientData", "required",
                "Confirm that the screenshot shows no patient-identifiable data, such as an NHS number or a name."
            )
        }
        let inspected: InspectedScreenshot
        do {
            inspected = try inspector.inspect(upload.bytes)
        } catch {
            check.add(field, error.code, error.message)
            return .failure(ValidationFailure(check.issues))
        }
        let issues = check.issues + PatientDataGuard().refusals(for: [("fileName", upload.fileName ?? "")])
        if !issues.isEmpty { return .failure(ValidationFailure(issues)) }
        return .success(
            PreparedScreenshot(
                inspected: inspected,
                fileName: AttachmentFileName(sanitizing: upload.fileName, format: inspected.format).value,
                contentHash: digester.sha256(inspected.cleanedBytes)
            )
        )
    }

    /// Stores a checked screenshot with its timeline event, inside the caller's transaction, unless it would
    /// pass the incident's quota (refused on `field`).
    func keep(
        _ prepared: PreparedScreenshot, for incidentID: Incident.ID, by principal: Principal, at now: Date,
        field: String, repositories: any Repositories
    ) async throws -> Attachment {
        let inspected = prepared.inspected
        try inspector.limits.checkQuota(
            existing: try await repositories.attachments.list(incidentID: incidentID),
            adding: inspected.cleanedBytes.count, field: field)
        let attachment = Attachment(
            id: .init(ids.make()), incidentID: incidentID, fileName: prepared.fileName, format: inspected.format,
            byteCount: inspected.cleanedBytes.count, width: inspected.width, height: inspected.height,
            contentHash: prepared.contentHash, removedMetadata: inspected.removedMetadata, uploadedAt: now,
            uploadedBy: principal.displayName, confirmedNoPatientData: true
        )
        try await repositories.blobs.put(inspected.cleanedBytes, contentHash: prepared.contentHash)
        try await repositories.attachments.create(attachment)
        try await repositories.incidents.append([
            IncidentEvent(
                id: .init(ids.make()), incidentID: incidentID, at: now, kind: .attachment(fileName: prepared.fileName),
                visibility: .public, actorName: principal.displayName, actorRole: principal.role, note: nil
            )
        ])
        let removed = inspected.removedMetadata.isEmpty ? "none" : inspected.removedMetadata.joined(separator: ", ")
        let added = FieldChange(
            field: "screenshot", before: nil,
            after: "\(prepared.fileName), \(attachment.byteCount) bytes, metadata removed: \(removed)")
        try await audit.append(
            AuditRecord(
                principal: principal, action: "incident.attach", outcome: .succeeded, target: attachment.id.description
            ).about(AuditSubject(kind: "incident", id: incidentID.description), changes: [added]),
            in: repositories)
        return attachment
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
