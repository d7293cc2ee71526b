import Foundation

/// A record changed whole under optimistic concurrency: each change bumps its version and stamps the time.
public protocol VersionedRecord: AuditedRecord, Sendable {
    var version: Int { get set }
    var updatedAt: Date { get set }
}

extension Sprint: VersionedRecord {}
extension Release: VersionedRecord {}
extension IntegrationNotice: VersionedRecord {}
