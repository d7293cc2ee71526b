import Foundation
import PartnerDeskDomain

/// One entry of a partner's HSSI manager rota as stored: the checked entry with who added it.
public struct StoredRotaEntry: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var partnerID: Partner.ID
    public var entry: HSSIRotaEntry
    public var addedBy: String
    public var addedAt: Date

    public init(id: UUID, partnerID: Partner.ID, entry: HSSIRotaEntry, addedBy: String, addedAt: Date) {
        self.id = id
        self.partnerID = partnerID
        self.entry = entry
        self.addedBy = addedBy
        self.addedAt = addedAt
    }
}

/// A message an HSSI sent through the outbox, kept so its delivery state can be shown beside the HSSI.
public struct HSSIMessageLink: Sendable, Hashable {
    /// Why the message was sent (`hssi.declared`, `hssi.invitation`, `hssi.communication`, …).
    public var kind: String
    public var messageID: UUID
    public var partnerID: Partner.ID?

    public init(kind: String, messageID: UUID, partnerID: Partner.ID?) {
        self.kind = kind
        self.messageID = messageID
        self.partnerID = partnerID
    }
}

/// Stores Higher Severity Service Incidents as whole records with the instant of their next deadline, the
/// partners' HSSI manager rotas, the alerts already sent for missed deadlines, and the messages each HSSI
/// sent.
public protocol HSSIRepository: Sendable {
    /// The next reference number, never handed out twice.
    func nextReference() async throws -> HSSIReference
    func create(_ hssi: HigherSeverityIncident, nextDeadlineAt: Date?) async throws
    /// Replaces a stored HSSI when its stored version is still `expectedVersion`; otherwise throws
    /// ``RepositoryError/staleVersion``.
    func update(_ hssi: HigherSeverityIncident, expectedVersion: Int, nextDeadlineAt: Date?) async throws
    func find(id: HigherSeverityIncident.ID) async throws -> HigherSeverityIncident?
    func find(reference: HSSIReference) async throws -> HigherSeverityIncident?
    /// Every HSSI, newest first.
    func list() async throws -> [HigherSeverityIncident]
    /// HSSIs whose next deadline is at or before `instant`, earliest first.
    func due(at instant: Date, limit: Int) async throws -> [HigherSeverityIncident]
    /// Moves an HSSI's next deadline (nil: none left) without changing the record.
    func setNextDeadline(_ id: HigherSeverityIncident.ID, at instant: Date?) async throws
    /// Records that the alert named `key` went out for an HSSI; false when it already had (on any server).
    func recordAlert(_ id: HigherSeverityIncident.ID, key: String, at instant: Date) async throws -> Bool
    func linkMessages(_ id: HigherSeverityIncident.ID, _ links: [HSSIMessageLink]) async throws
    /// The messages an HSSI sent, oldest first.
    func messages(of id: HigherSeverityIncident.ID) async throws -> [HSSIMessageLink]
    /// A partner's rota entries, earliest start first (every partner's when nil).
    func rotaEntries(partnerID: Partner.ID?) async throws -> [StoredRotaEntry]
    func addRotaEntry(_ entry: StoredRotaEntry) async throws
    /// Removes an entry of the partner's rota; false when there was none.
    func removeRotaEntry(_ id: UUID, partnerID: Partner.ID) async throws -> Bool
    /// Records that a partner's rota was checked for gaps on `day` (a London date such as `2026-11-26`); false
    /// when it already had been that day (on any server).
    func recordRotaCheck(partnerID: Partner.ID, day: String, at instant: Date) async throws -> Bool
}

extension StoredRotaEntry: OwnedRecord {
    /// A rota entry is its partner's.
    public var owner: RecordOwner { .partner(partnerID) }
}

extension StoredRotaEntry: AuditedRecord {
    public var auditSubject: AuditSubject { AuditSubject(kind: "rota_entry", id: id.uuidString) }

    public var auditFields: [String: String] {
        var fields = [
            "partner": partnerID.description, "manager": entry.managerName, "email": entry.email.value,
            "startsAt": ISO8601Instant.string(from: entry.startsAt),
            "endsAt": ISO8601Instant.string(from: entry.endsAt),
        ]
        fields["phone"] = entry.phone
        return fields
    }
}
