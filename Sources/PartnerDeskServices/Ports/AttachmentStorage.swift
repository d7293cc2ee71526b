import Foundation
import PartnerDeskDomain

/// Keeps attachment bytes in the database (never in a web-served folder), addressed by the SHA-256 of their
/// content: the same image attached twice is stored once, every instance sees it, and backups include it.
public protocol BlobRepository: Sendable {
    /// Stores the bytes under their content hash unless they are already stored.
    func put(_ data: Data, contentHash: String) async throws
    /// The bytes stored under a content hash, if any.
    func get(_ contentHash: String) async throws -> Data?
}

/// Stores the records describing attachments.
public protocol AttachmentRepository: Sendable {
    func create(_ attachment: Attachment) async throws
    func list(incidentID: Incident.ID) async throws -> [Attachment]
    func find(id: Attachment.ID) async throws -> Attachment?
}

/// Computes content hashes (SHA-256, hexadecimal, in production) and the HMAC-SHA1 that TOTP codes use.
public protocol ContentDigester: Sendable {
    func sha256(_ data: Data) -> String
    func hmacSHA1(key: [UInt8], message: [UInt8]) -> [UInt8]
}
