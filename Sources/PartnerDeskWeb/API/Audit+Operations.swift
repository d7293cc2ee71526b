import PartnerDeskDomain
import PartnerDeskServices

/// `GET /api/v1/audit`: the audit log for administrators, newest first, filtered and paged.
extension APIOperations {
    func auditLog(_ input: Operations.AuditLog.Input) async throws -> Operations.AuditLog.Output {
        let parameters = input.query
        var query = AuditQuery()
        var check = ValidationCollector()
        query.action = parameters.action.flatMap { $0.isEmpty ? nil : $0 }
        if let text = parameters.outcome, !text.isEmpty {
            query.outcome = AuditEntry.Outcome(rawValue: text)
            if query.outcome == nil {
                check.add("outcome", "unknown_value", "Outcomes are succeeded, denied, refused or failed.")
            }
        }
        switch (
            parameters.recordType.flatMap { $0.isEmpty ? nil : $0 },
            parameters.recordId.flatMap { $0.isEmpty ? nil : $0 }
        ) {
        case (let kind?, let id?): query.subject = AuditSubject(kind: kind, id: id)
        case (nil, nil): break
        default: check.add("recordType", "required", "Give recordType and recordId together.")
        }
        query.before = parameters.before
        if let limit = parameters.limit {
            if (1...500).contains(limit) {
                query.limit = limit
            } else {
                check.add("limit", "out_of_range", "The limit is 1 to 500.")
            }
        }
        try check.finish()
        let entries = try await services.audit.list(
            query, partnerCode: parameters.partner, as: try APIRequest.request.principal)
        let next = entries.count == query.limit ? entries.last?.sequence : nil
        return .ok(
            .init(body: .json(.init(items: entries.map { Components.Schemas.AuditEntry($0) }, nextBefore: next))))
    }
}

extension Components.Schemas.AuditEntry {
    init(_ entry: AuditEntry) {
        self.init(
            sequence: entry.sequence, at: entry.at, actor: entry.actor, actorName: entry.actorName,
            partnerID: entry.partnerID?.description, action: entry.action, outcome: entry.outcome.rawValue,
            target: entry.target, detail: entry.detail, requestID: entry.requestID, hash: entry.hash,
            record: entry.subject.map { .init(_type: $0.kind, id: $0.id) },
            changes: entry.changes.isEmpty
                ? nil : entry.changes.map { .init(field: $0.field, before: $0.before, after: $0.after) },
            reason: entry.reason)
    }
}
