import Foundation
import PartnerDeskDomain
import PartnerDeskServices

struct InMemoryAuditRepository: AuditRepository {
    let box: StateBox

    func reserveNext() async throws -> (sequence: Int, previousHash: String?) {
        var next = 0
        var previous: String?
        try box.write { state in
            state.auditSequence += 1
            next = state.auditSequence
            previous = state.audit.first { $0.sequence == next - 1 }?.hash
        }
        return (next, previous)
    }

    func hash(of sequence: Int) async throws -> String? {
        box.read().audit.first { $0.sequence == sequence }?.hash
    }

    func head() async throws -> (sequence: Int, hash: String)? {
        box.read().audit.max { $0.sequence < $1.sequence }.map { ($0.sequence, $0.hash) }
    }

    func append(_ entry: AuditEntry) async throws {
        try box.write { $0.audit.append(entry) }
    }

    func list(_ query: AuditQuery) async throws -> [AuditEntry] {
        box.read().audit.filter { entry in
            (query.partnerID == nil || entry.partnerID == query.partnerID)
                && (query.action.map { $0 == entry.action } ?? true)
                && (query.outcome.map { $0 == entry.outcome } ?? true)
                && (query.subject.map { $0 == entry.subject } ?? true)
                && (query.before.map { entry.sequence < $0 } ?? true)
        }.sorted { $0.sequence > $1.sequence }.prefix(query.limit).map { $0 }
    }

    func chain(from sequence: Int, limit: Int) async throws -> [AuditEntry] {
        Array(box.read().audit.filter { $0.sequence >= sequence }.sorted { $0.sequence < $1.sequence }.prefix(limit))
    }
}
