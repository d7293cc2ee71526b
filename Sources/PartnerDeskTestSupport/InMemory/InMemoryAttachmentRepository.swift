import Foundation
import PartnerDeskDomain
import PartnerDeskServices

struct InMemoryAttachmentRepository: AttachmentRepository {
    let box: StateBox

    func create(_ attachment: Attachment) async throws { try box.write { $0.attachments.append(attachment) } }

    func list(incidentID: Incident.ID) async throws -> [Attachment] {
        box.read().attachments.filter { $0.incidentID == incidentID }
    }

    func find(id: Attachment.ID) async throws -> Attachment? { box.read().attachments.first { $0.id == id } }
}
