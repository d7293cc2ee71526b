/// Who a stored record belongs to, which decides who may know it exists.
///
/// A partner organisation owns its incidents (with their comments and screenshots), its people, its API
/// tokens, its webhook endpoints and its HSSI manager rota. An HSSI belongs to every partner it affects. The
/// platform owns everything else: staff people and staff tokens, problem records, the outbox and the audit
/// log. A partner's caller who reaches for a record it does not own is told the record does not exist.
public enum RecordOwner: Hashable, Sendable {
    /// One partner organisation's record.
    case partner(Partner.ID)
    /// A record shared by the partners it concerns (an HSSI affecting several of them).
    case partners(Set<Partner.ID>)
    /// The platform's own record.
    case platform

    /// The owner of a record that names a partner when it has one: no partner means the platform's.
    public init(partnerID: Partner.ID?) {
        self = partnerID.map(RecordOwner.partner) ?? .platform
    }

    /// Whether the record is the given partner's, alone or with others.
    public func includes(_ partnerID: Partner.ID) -> Bool {
        switch self {
        case .partner(let owner): owner == partnerID
        case .partners(let owners): owners.contains(partnerID)
        case .platform: false
        }
    }
}

/// A stored record with an owner; ``AccessPolicy`` uses the owner to decide who may act on it.
public protocol OwnedRecord {
    /// Who the record belongs to.
    var owner: RecordOwner { get }
}

extension User: OwnedRecord {
    /// A partner user is their organisation's; staff belong to the platform.
    public var owner: RecordOwner { RecordOwner(partnerID: partnerID) }
}

extension APIToken: OwnedRecord {
    /// A partner system's token is its organisation's; staff tokens belong to the platform.
    public var owner: RecordOwner { RecordOwner(partnerID: partnerID) }
}

extension Incident: OwnedRecord {
    /// An incident is the raising partner's.
    public var owner: RecordOwner { .partner(partnerID) }
}

extension HigherSeverityIncident: OwnedRecord {
    /// An HSSI is shared by every partner it affects.
    public var owner: RecordOwner { .partners(Set(affectedPartnerIDs)) }
}

extension ServiceRequest: OwnedRecord {
    /// A service request is the requesting partner's.
    public var owner: RecordOwner { .partner(partnerID) }
}

extension Partner: OwnedRecord {
    /// A partner's own details, contacts and journey are its own.
    public var owner: RecordOwner { .partner(id) }
}
