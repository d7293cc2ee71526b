/// The record an audit entry is about: its kind (`incident`, `problem`, `hssi`, `partner`, `user`, `token`,
/// `webhook`, `rota_entry`, `preferences`) and its id.
public struct AuditSubject: Hashable, Sendable, Codable {
    public var kind: String
    public var id: String

    public init(kind: String, id: String) {
        self.kind = kind
        self.id = id
    }
}

/// One field of a record, before and after a change (`nil` when it had, or has, no value).
public struct FieldChange: Hashable, Sendable, Codable {
    public var field: String
    public var before: String?
    public var after: String?

    public init(field: String, before: String?, after: String?) {
        self.field = field
        self.before = before
        self.after = after
    }

    /// The fields that differ between two snapshots of a record, in field order. A missing snapshot (before a
    /// creation, after a removal) counts as a record with no fields.
    public static func between(_ before: [String: String]?, _ after: [String: String]?) -> [FieldChange] {
        let (old, new) = (before ?? [:], after ?? [:])
        return Set(old.keys).union(new.keys).sorted().compactMap { field in
            old[field] == new[field] ? nil : FieldChange(field: field, before: old[field], after: new[field])
        }
    }

    /// How free text appears in the audit log: its size, never its words. The record keeps the text; the log
    /// keeps, tamper-evidently, that it changed, which keeps personal data out of a log that can never be edited.
    public static func textSummary(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return "\(text.count) characters"
    }
}

/// A record whose changes the audit log describes field by field.
public protocol AuditedRecord {
    /// The record as the audit log names it.
    var auditSubject: AuditSubject { get }
    /// The fields the audit log compares, as text; free text by ``FieldChange/textSummary(_:)`` only, secrets
    /// never.
    var auditFields: [String: String] { get }
}
