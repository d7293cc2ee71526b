import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// `GET /api/v1/audit`: the audit log for administrators, newest first, filtered and paged.
struct AuditController {
    let services: AppServices

    func register(on api: any RoutesBuilder) {
        api.get("audit", use: list).declaring(.readAuditLog)
    }

    struct Parameters: Decodable {
        var action: String?
        var outcome: String?
        var partner: String?
        var recordType: String?
        var recordId: String?
        var before: Int?
        var limit: Int?
    }

    @Sendable func list(_ request: Request) async throws -> AuditPageDTO {
        let principal = try request.principal
        let parameters = try request.query.decode(Parameters.self)
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
        let entries = try await services.audit.list(query, partnerCode: parameters.partner, as: principal)
        let next = entries.count == query.limit ? entries.last?.sequence : nil
        return AuditPageDTO(items: entries.map(AuditEntryDTO.init), nextBefore: next)
    }
}

struct AuditEntryDTO: Content {
    var sequence: Int
    var at: String
    var actor: String
    var actorName: String
    var partnerID: String?
    var action: String
    var outcome: String
    var target: String?
    var detail: String?
    var requestID: String?
    var record: Record?
    var changes: [FieldChange]?
    var reason: String?
    var hash: String

    struct Record: Content {
        var type: String
        var id: String
    }

    init(_ entry: AuditEntry) {
        sequence = entry.sequence
        at = ISO8601Instant.string(from: entry.at)
        actor = entry.actor
        actorName = entry.actorName
        partnerID = entry.partnerID?.description
        action = entry.action
        outcome = entry.outcome.rawValue
        target = entry.target
        detail = entry.detail
        requestID = entry.requestID
        record = entry.subject.map { Record(type: $0.kind, id: $0.id) }
        changes = entry.changes.isEmpty ? nil : entry.changes
        reason = entry.reason
        hash = entry.hash
    }
}

struct AuditPageDTO: Content {
    var items: [AuditEntryDTO]
    /// Pass as `before` for the next (older) page; absent on the last page.
    var nextBefore: Int?
}
