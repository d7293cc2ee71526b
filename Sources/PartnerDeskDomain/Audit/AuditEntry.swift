import Foundation

/// One line of the audit log: who did what, to what, with what outcome, and when.
///
/// Entries form a chain: each carries the hash of the entry before it and its own hash over its content
/// and that link, so an entry that is edited, removed or inserted later breaks the chain at that point.
public struct AuditEntry: Hashable, Sendable {
    /// What became of the attempt.
    public enum Outcome: String, CaseIterable, Hashable, Sendable, Codable {
        case succeeded = "succeeded"
        /// Refused because the caller may not do it.
        case denied = "denied"
        /// Refused because of what was sent (for example patient-identifiable data).
        case refused = "refused"
        case failed = "failed"
    }

    /// Position in the chain, from 1.
    public var sequence: Int
    public var at: Date
    /// The caller's credential key (`token:…`, `user:…`), or `anonymous`.
    public var actor: String
    public var actorName: String
    public var partnerID: Partner.ID?
    /// What was attempted, such as `incident.raise` or `token.create`.
    public var action: String
    public var outcome: Outcome
    /// What it was done to (a reference or id), if anything.
    public var target: String?
    /// Extra words; never an identifier or a secret.
    public var detail: String?
    public var requestID: String?
    /// The record the entry is about, when it records a change to one.
    public var subject: AuditSubject?
    /// What changed in the record, field by field, before and after.
    public var changes: [FieldChange]
    /// Why, when the person gave a reason (a note, a resolution, a re-grading).
    public var reason: String?
    /// The hash of the previous entry (64 zeros for the first).
    public var previousHash: String
    /// The hash of this entry's content and ``previousHash``.
    public var hash: String

    public init(
        sequence: Int, at: Date, actor: String, actorName: String, partnerID: Partner.ID?, action: String,
        outcome: Outcome, target: String?, detail: String?, requestID: String?, subject: AuditSubject? = nil,
        changes: [FieldChange] = [], reason: String? = nil, previousHash: String, hash: String
    ) {
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.actorName = actorName
        self.partnerID = partnerID
        self.action = action
        self.outcome = outcome
        self.target = target
        self.detail = detail
        self.requestID = requestID
        self.subject = subject
        self.changes = changes
        self.reason = reason
        self.previousHash = previousHash
        self.hash = hash
    }
}

/// The rules of the audit chain: what is hashed, and how a chain is checked.
public enum AuditChain {
    /// The link of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// The exact text an entry's hash covers: every field, in a fixed order, with unambiguous separators.
    ///
    /// Entries that record a change to a record add its subject, the changes and the reason after the first
    /// fields; entries without any of them hash exactly as entries did before changes were recorded, so older
    /// logs still verify. Stripping a change from an entry changes its text, so the hash no longer matches.
    public static func canonicalText(of entry: AuditEntry) -> String {
        let fields: [String] = [
            String(entry.sequence), String(Int64((entry.at.timeIntervalSince1970 * 1_000).rounded())), entry.actor,
            entry.actorName, entry.partnerID?.description ?? "", entry.action, entry.outcome.rawValue,
            entry.target ?? "",
            entry.detail ?? "", entry.requestID ?? "", entry.previousHash,
        ]
        let text = fields.map(Self.field).joined(separator: "|")
        guard entry.subject != nil || !entry.changes.isEmpty || entry.reason != nil else { return text }
        let changes = entry.changes.map { [$0.field, $0.before, $0.after].map(Self.field).joined(separator: ",") }
        let extra = [
            Self.field(entry.subject?.kind), Self.field(entry.subject?.id), Self.field(changes.joined(separator: ";")),
            Self.field(entry.reason),
        ]
        return text + "|changes|" + extra.joined(separator: "|")
    }

    /// A value with its length, so no value can be mistaken for a separator; `~` for none.
    private static func field(_ value: String?) -> String {
        value.map { "\($0.utf8.count):\($0)" } ?? "~"
    }

    /// Where a chain breaks.
    public enum Break: Hashable, Sendable {
        /// The entry's content no longer matches its hash.
        case alteredEntry(sequence: Int)
        /// The entry does not point at the hash of the one before it.
        case brokenLink(sequence: Int)
        /// A sequence number is missing or repeated before this entry.
        case gap(expected: Int, found: Int)
    }

    /// Checks a run of the chain in sequence order, continuing from the hash of the entry before the run
    /// (``genesis`` when it starts at the first entry); returns the first break, or `nil` when every link holds.
    public static func verify(_ entries: [AuditEntry], after previousHash: String = genesis, hash: (String) -> String)
        -> Break?
    {
        var previous = previousHash
        var expected = entries.first?.sequence ?? 1
        for entry in entries {
            if entry.sequence != expected { return .gap(expected: expected, found: entry.sequence) }
            if entry.previousHash != previous { return .brokenLink(sequence: entry.sequence) }
            if hash(canonicalText(of: entry)) != entry.hash { return .alteredEntry(sequence: entry.sequence) }
            previous = entry.hash
            expected += 1
        }
        return nil
    }
}
