import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Vapor

extension Request {
    /// The incident named in the path; a malformed id answers like a missing incident.
    func incidentID() throws -> Incident.ID {
        Incident.ID(try uuidParameter("incidentID"))
    }

    /// The identifier in the path parameter `name`; a malformed one answers like a missing record.
    func uuidParameter(_ name: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else { throw ServiceError.notFound }
        return id
    }
}
