import Foundation
import PartnerDeskDomain

/// What to write to the audit log about one attempt.
public struct AuditRecord: Sendable {
    public var principal: Principal?
    public var action: String
    public var outcome: AuditEntry.Outcome
    public var target: String?
    public var detail: String?
    public var requestID: String?
    /// The record changed, what changed in it, and why (see ``change(_:by:from:to:reason:)``).
    public var subject: AuditSubject?
    public var changes: [FieldChange] = []
    public var reason: String?

    public init(
        principal: Principal?, action: String, outcome: AuditEntry.Outcome, target: String? = nil,
        detail: String? = nil, requestID: String? = nil
    ) {
        self.principal = principal
        self.action = action
        self.outcome = outcome
        self.target = target
        self.detail = detail
        self.requestID = requestID
    }

    /// A change to a record: who made it, the fields that differ between the record before and after (no
    /// `before` for a creation, no `after` for a removal), and the reason when one was given.
    public static func change<Record: AuditedRecord>(
        _ action: String, by principal: Principal?, from before: Record?, to after: Record?, reason: String? = nil,
        target: String? = nil
    ) -> AuditRecord {
        AuditRecord(principal: principal, action: action, outcome: .succeeded, target: target)
            .about(before, after, reason: reason)
    }

    /// Sensitive text masked before a record was stored: which fields, what kind and how many, never the text.
    public static func masked(
        _ maskings: [TextMasking], by principal: Principal?, in subject: AuditSubject, target: String? = nil
    ) -> AuditRecord {
        AuditRecord(principal: principal, action: "text.masked", outcome: .succeeded, target: target)
            .about(
                subject,
                changes: maskings.map {
                    FieldChange(field: $0.field, before: nil, after: "\($0.count) × \($0.kind.name) masked")
                })
    }

    /// The same entry, naming the record and the fields that differ between `before` and `after`.
    public func about<Record: AuditedRecord>(_ before: Record?, _ after: Record?, reason: String? = nil)
        -> AuditRecord
    {
        guard let subject = (after ?? before)?.auditSubject else { return self }
        return about(subject, changes: FieldChange.between(before?.auditFields, after?.auditFields), reason: reason)
    }

    /// The same entry, naming the record and what changed in it (for a change that is not a field of the
    /// record itself: a comment or a screenshot added, a password set).
    public func about(_ subject: AuditSubject, changes: [FieldChange], reason: String? = nil) -> AuditRecord {
        var record = self
        record.subject = subject
        record.changes = changes
        record.reason = reason.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        return record
    }
}

/// Appends to the hash-chained audit log, reads it, anchors its head outside the database, and proves it
/// intact.
public struct AuditService: Sendable {
    let store: any UnitOfWork
    let clock: any Clock
    let hasher: any SecretKeeper
    /// Where checkpoints of the chain's head are kept; without one, truncation cannot be detected.
    public let anchor: (any AuditAnchor)?
    /// The least time between two checkpoints written by ``anchorHead()``.
    public static let checkpointInterval: TimeInterval = 60

    public init(store: any UnitOfWork, clock: any Clock, hasher: any SecretKeeper, anchor: (any AuditAnchor)? = nil) {
        self.store = store
        self.clock = clock
        self.hasher = hasher
        self.anchor = anchor
    }

    /// Appends one entry in its own transaction.
    @discardableResult
    public func record(_ record: AuditRecord) async throws -> AuditEntry {
        try await store.transaction { try await append(record, in: $0) }
    }

    /// Appends one entry inside the caller's transaction, so it lands exactly when the change does.
    @discardableResult
    public func append(_ record: AuditRecord, in repositories: any Repositories) async throws -> AuditEntry {
        let (sequence, previousHash) = try await repositories.audit.reserveNext()
        let previous = sequence == 1 ? AuditChain.genesis : previousHash ?? AuditChain.genesis
        var entry = AuditEntry(
            sequence: sequence, at: clock.now(), actor: record.principal?.credential.key ?? "anonymous",
            actorName: record.principal?.displayName ?? "anonymous", partnerID: record.principal?.partnerID,
            action: record.action, outcome: record.outcome, target: record.target, detail: record.detail,
            requestID: record.requestID, subject: record.subject, changes: record.changes, reason: record.reason,
            previousHash: previous, hash: ""
        )
        entry.hash = hasher.hash(AuditChain.canonicalText(of: entry))
        try await repositories.audit.append(entry)
        return entry
    }

    /// A page of the log, newest first.
    public func list(_ query: AuditQuery) async throws -> [AuditEntry] {
        try await store.repositories.audit.list(query)
    }

    /// A page of the log for someone allowed to read it (administrators), optionally one partner's by its code
    /// (looked up only once the caller may read the log, so the answer never says which codes exist).
    public func list(_ query: AuditQuery, partnerCode: String? = nil, as principal: Principal) async throws
        -> [AuditEntry]
    {
        try Authorization.require(principal, .readAuditLog)
        var query = query
        if let text = partnerCode, !text.isEmpty {
            guard let code = PartnerCode(text), let partner = try await store.repositories.partners.find(code: code)
            else {
                throw ValidationFailure([
                    ValidationIssue(
                        field: "partner", code: "unknown_value", message: "No partner has the code \(text).")
                ])
            }
            query.partnerID = partner.id
        }
        return try await list(query)
    }

    /// The result of checking the whole chain.
    public struct Verification: Sendable, Equatable {
        public var entriesChecked: Int
        public var firstBreak: AuditChain.Break?
        /// Each checkpoint compared with the chain, oldest first, with what it found.
        public var checkpoints: [(checkpoint: AuditCheckpoint, finding: AuditCheckpoint.Finding)] = []

        /// Whether the chain is intact and every checkpoint holds.
        public var isIntact: Bool { firstBreak == nil && checkpoints.allSatisfy { $0.finding == .holds } }

        public static func == (lhs: Verification, rhs: Verification) -> Bool {
            lhs.entriesChecked == rhs.entriesChecked && lhs.firstBreak == rhs.firstBreak
                && lhs.checkpoints.map(\.checkpoint) == rhs.checkpoints.map(\.checkpoint)
                && lhs.checkpoints.map(\.finding) == rhs.checkpoints.map(\.finding)
        }
    }

    /// A signed checkpoint of the chain's head now.
    public func checkpoint() async throws -> AuditCheckpoint {
        guard let anchor else { throw AuditAnchorMissing() }
        let head = try await store.repositories.audit.head()
        return AuditCheckpoint(
            sequence: head?.sequence ?? 0, hash: head?.hash ?? AuditChain.genesis, at: clock.now(), sign: anchor.sign)
    }

    /// Keeps a checkpoint when the chain has grown since the last one and at least ``checkpointInterval`` has
    /// passed (the background jobs call this); returns the checkpoint kept, if any. A chain that now ends before
    /// the last checkpoint throws ``AuditLogShortened`` on every run until an operator looks: entries were cut
    /// off, or an older backup was restored.
    @discardableResult
    public func anchorHead() async throws -> AuditCheckpoint? {
        guard let anchor else { return nil }
        let checkpoint = try await checkpoint()
        if let last = try anchor.latest() {
            if last.sequence > checkpoint.sequence {
                throw AuditLogShortened(lastSequence: checkpoint.sequence, checkpointSequence: last.sequence)
            }
            if last.sequence == checkpoint.sequence
                || checkpoint.at.timeIntervalSince(last.at) < Self.checkpointInterval
            {
                return nil
            }
        }
        try anchor.keep(checkpoint)
        return checkpoint
    }

    /// Walks the whole chain in pages and reports the first break, if any, then compares it with every
    /// checkpoint the anchor kept and with `checkpoints` (given by an operator from the log or a backup).
    public func verify(checkpoints given: [AuditCheckpoint] = [], pageSize: Int = 5_000) async throws
        -> Verification
    {
        var verification = try await verifyChain(pageSize: pageSize)
        let checkpoints = (try anchor?.kept() ?? []) + given
        guard !checkpoints.isEmpty else { return verification }
        guard let anchor else { throw AuditAnchorMissing() }
        let last = try await store.repositories.audit.head()?.sequence ?? 0
        for checkpoint in checkpoints {
            let hash = try await store.repositories.audit.hash(of: checkpoint.sequence)
            verification.checkpoints.append(
                (checkpoint, checkpoint.check(lastSequence: last, hashAtSequence: hash, sign: anchor.sign)))
        }
        return verification
    }

    private func verifyChain(pageSize: Int) async throws -> Verification {
        var checked = 0
        var previous = AuditChain.genesis
        var next = 1
        while true {
            let page = try await store.repositories.audit.chain(from: next, limit: pageSize)
            guard let last = page.last else { break }
            if page[0].sequence != next {
                return Verification(entriesChecked: checked, firstBreak: .gap(expected: next, found: page[0].sequence))
            }
            if let failure = AuditChain.verify(page, after: previous, hash: hasher.hash) {
                return Verification(entriesChecked: checked, firstBreak: failure)
            }
            checked += page.count
            previous = last.hash
            next = last.sequence + 1
            if page.count < pageSize { break }
        }
        return Verification(entriesChecked: checked, firstBreak: nil)
    }
}

/// Checkpoints need an anchor (a key kept outside the database), and none is configured.
public struct AuditAnchorMissing: Error, Sendable {}

/// The audit log now ends before the newest checkpoint: entries were cut off the end, or an older backup was
/// restored. Run `partnerdesk audit verify`.
public struct AuditLogShortened: Error, Sendable, CustomStringConvertible {
    public let lastSequence: Int
    public let checkpointSequence: Int

    public var description: String {
        "The audit log ends at entry \(lastSequence), but a checkpoint vouches for \(checkpointSequence) entries: "
            + "entries were removed, or an older backup was restored. Run partnerdesk audit verify."
    }
}
