import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import SQLKit

/// Service requests in SQL: the whole request as a JSON document, with its number, partner, state and next
/// warning instant beside it for lists and the warnings job.
struct SQLServiceRequestRepository: ServiceRequestRepository {
    let sql: any SQLDatabase
    private static let table = "service_requests"
    private var documents: SQLDocuments { SQLDocuments(sql: sql) }

    func nextReference() async throws -> ServiceRequestReference {
        guard let reference = ServiceRequestReference(number: try await documents.next("service_request")) else {
            throw StoredDataError.unreadable(table: "sequences", id: nil)
        }
        return reference
    }

    func create(_ request: ServiceRequest) async throws {
        try await translatingConstraintFailures("A service request with this reference already exists.") {
            try await sql.insert(into: Self.table, row: try Self.row(request))
        }
    }

    func update(_ request: ServiceRequest, expectedVersion: Int) async throws {
        try await documents.replace(
            Self.table, id: request.id.rawValue, row: try Self.row(request), expectedVersion: expectedVersion)
    }

    func find(id: ServiceRequest.ID) async throws -> ServiceRequest? {
        try await documents.document(Self.table, where: "id", id.rawValue)
    }

    func list(_ query: ServiceRequestQuery) async throws -> [ServiceRequest] {
        var select = sql.select().column("document").from(Self.table)
        if let partnerID = query.partnerID { select = select.where("partner_id", .equal, partnerID.rawValue) }
        if !query.statuses.isEmpty { select = select.where("status", .in, query.statuses.map(\.rawValue).sorted()) }
        return try await documents.documents(select.orderBy("number", .descending).limit(query.limit))
    }

    func dueForWarning(at instant: Date, limit: Int) async throws -> [ServiceRequest] {
        try await documents.documents(
            sql.select().column("document").from(Self.table)
                .where("next_warning_at", .lessThanOrEqual, instant.timeIntervalSince1970)
                .orderBy("next_warning_at").orderBy("number").limit(limit))
    }

    /// Every column, `id` first (``SQLDocuments/replace(_:id:row:expectedVersion:)`` writes the rest).
    private static func row(_ request: ServiceRequest) throws -> [ColumnValue] {
        [
            ("id", request.id.rawValue), ("number", Int64(request.reference.number)),
            ("partner_id", request.partnerID.rawValue), ("status", request.status.rawValue),
            ("next_warning_at", request.nextWarning?.at.timeIntervalSince1970), ("version", request.version),
            ("document", try SQLDocuments.json(request)),
        ]
    }
}
