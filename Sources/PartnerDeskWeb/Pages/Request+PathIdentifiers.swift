import Foundation
import PartnerDeskDomain
import Vapor

extension Request {
    /// The incident a page's path names; a malformed id answers like a missing incident.
    func incidentID() throws -> Incident.ID {
        Incident.ID(try uuidParameter("incidentID"))
    }

    /// The identifier in the path parameter `name`; a malformed one answers like a missing record.
    func uuidParameter(_ name: String) throws -> UUID {
        try UUID.inPath(parameters.get(name) ?? "")
    }
}
