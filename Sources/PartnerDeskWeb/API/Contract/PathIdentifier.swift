import Foundation
import PartnerDeskDomain
import PartnerDeskServices

extension EntityID {
    /// The record an operation's path names; a malformed id answers like a missing record.
    static func inPath(_ text: String) throws -> EntityID {
        guard let id = EntityID(uuidString: text) else { throw ServiceError.notFound }
        return id
    }
}

extension UUID {
    /// The record an operation's path names; a malformed id answers like a missing record.
    static func inPath(_ text: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else { throw ServiceError.notFound }
        return id
    }
}
