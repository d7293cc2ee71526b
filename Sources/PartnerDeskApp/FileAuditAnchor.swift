import Foundation
import Logging
import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// Keeps audit checkpoints in an append-only file beside the data and writes each one to the log, signed with a
/// key read from a file that is not in the database. When the key file does not exist yet, it is created with
/// 32 random bytes, readable by the service's user only.
struct FileAuditAnchor: AuditAnchor {
    let checkpointFile: URL
    let logger: Logger
    private let key: SymmetricKey

    init(keyFile: URL, checkpointFile: URL, logger: Logger) throws {
        self.checkpointFile = checkpointFile
        self.logger = logger
        let manager = FileManager.default
        if !manager.fileExists(atPath: keyFile.path) {
            try manager.createDirectory(at: keyFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            let created = manager.createFile(
                atPath: keyFile.path, contents: Data([UInt8].random(count: 32).hex.utf8),
                attributes: [.posixPermissions: 0o600])
            guard created else { throw AuditKeyUnreadable(path: keyFile.path) }
            logger.notice("Created the audit checkpoint key", metadata: ["file": .string(keyFile.path)])
        }
        guard let text = try? String(contentsOf: keyFile, encoding: .utf8),
            case let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines), trimmed.count >= 32
        else { throw AuditKeyUnreadable(path: keyFile.path) }
        self.key = SymmetricKey(data: Data(trimmed.utf8))
    }

    func sign(_ text: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key)).hex
    }

    func keep(_ checkpoint: AuditCheckpoint) throws {
        let line = Data((checkpoint.line + "\n").utf8)
        if !FileManager.default.fileExists(atPath: checkpointFile.path) {
            FileManager.default.createFile(
                atPath: checkpointFile.path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        let handle = try FileHandle(forWritingTo: checkpointFile)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: line)
        try handle.synchronize()
        logger.notice("Audit checkpoint", metadata: ["checkpoint": .string(checkpoint.line)])
    }

    func kept() throws -> [AuditCheckpoint] {
        guard let data = FileManager.default.contents(atPath: checkpointFile.path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap {
            AuditCheckpoint(line: String($0))
        }
    }

    func latest() throws -> AuditCheckpoint? {
        guard let handle = FileHandle(forReadingAtPath: checkpointFile.path) else { return nil }
        defer { try? handle.close() }
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size > 1_024 ? size - 1_024 : 0)
        let tail = String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
        return tail.split(separator: "\n").reversed().lazy.compactMap { AuditCheckpoint(line: String($0)) }.first
    }
}

/// The audit checkpoint key file exists but cannot be read, or holds too short a key.
struct AuditKeyUnreadable: Error, CustomStringConvertible {
    let path: String
    var description: String {
        "The audit checkpoint key \(path) cannot be read or is shorter than 32 characters."
    }
}
