import Foundation
import PartnerDeskDomain

/// What to read from the audit log, newest first.
public struct AuditQuery: Hashable, Sendable {
    public var partnerID: Partner.ID?
    public var action: String?
    public var outcome: AuditEntry.Outcome?
    /// Only entries about this record (its history).
    public var subject: AuditSubject?
    /// Only entries older than this sequence number (the next page).
    public var before: Int?
    public var limit: Int = 100

    public init() {}
}

/// The append-only audit log. There is deliberately no way to change or delete an entry.
public protocol AuditRepository: Sendable {
    /// Reserves the next sequence number and reads the hash of the entry before it (`nil` for the first, or
    /// when that entry is missing); holding the reservation serialises appends until the transaction ends.
    func reserveNext() async throws -> (sequence: Int, previousHash: String?)
    /// The hash of the entry with this sequence number, if any.
    func hash(of sequence: Int) async throws -> String?
    /// The newest entry's sequence number and hash; `nil` for an empty log.
    func head() async throws -> (sequence: Int, hash: String)?
    func append(_ entry: AuditEntry) async throws
    func list(_ query: AuditQuery) async throws -> [AuditEntry]
    /// Entries in sequence order from `sequence` on, at most `limit` of them (for verification in pages).
    func chain(from sequence: Int, limit: Int) async throws -> [AuditEntry]
}
