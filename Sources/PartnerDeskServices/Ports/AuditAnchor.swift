import PartnerDeskDomain

/// Where audit checkpoints are kept outside the database, and the key that signs them, which is never stored in
/// the database (see ``AuditCheckpoint``).
public protocol AuditAnchor: Sendable {
    /// The HMAC-SHA-256 of `text` under the anchor's key, hexadecimal.
    func sign(_ text: String) -> String
    /// Keeps a checkpoint (appends it to the checkpoint file and writes it to the log).
    func keep(_ checkpoint: AuditCheckpoint) throws
    /// Every checkpoint kept so far, oldest first; lines that are not checkpoints are skipped.
    func kept() throws -> [AuditCheckpoint]
    /// The newest checkpoint kept, read cheaply (the jobs ask on every run).
    func latest() throws -> AuditCheckpoint?
}
