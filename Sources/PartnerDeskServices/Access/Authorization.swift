import PartnerDeskDomain

/// The one way every use case checks access, so the API and the pages answer alike.
///
/// The role and scope are checked before anything is read, so a caller who may never perform an action learns
/// nothing from the answer. A record the caller may not know about (another partner's, or the platform's own
/// to a partner) then answers exactly like a missing one: ``ServiceError/notFound``.
enum Authorization {
    /// Refuses a caller whose role or credential never permits the action.
    static func require(_ principal: Principal, _ action: AccessAction) throws {
        guard AccessPolicy.decide(principal, action) == .allow else { throw ServiceError.forbidden }
    }

    /// The record, when the caller may perform the action on it; `nil` (not found) answers as missing, but
    /// only after the role and scope are checked.
    static func require<Record: OwnedRecord>(_ principal: Principal, _ action: AccessAction, on record: Record?)
        throws -> Record
    {
        try require(principal, action)
        guard let record else { throw ServiceError.notFound }
        try require(principal, action, owner: record.owner)
        return record
    }

    /// Checks an action on a record whose owner the caller already knows.
    static func require(_ principal: Principal, _ action: AccessAction, owner: RecordOwner) throws {
        switch AccessPolicy.decide(principal, action, on: owner) {
        case .allow: return
        case .denyAsMissing: throw ServiceError.notFound
        case .denyForbidden: throw ServiceError.forbidden
        }
    }
}
