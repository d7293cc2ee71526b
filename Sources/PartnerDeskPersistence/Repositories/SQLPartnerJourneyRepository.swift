import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import SQLKit

/// Partners' journeys in SQL: each whole as a JSON document under its partner's id.
struct SQLPartnerJourneyRepository: PartnerJourneyRepository {
    let sql: any SQLDatabase
    private static let table = "partner_journeys"
    private var documents: SQLDocuments { SQLDocuments(sql: sql) }

    func find(partnerID: Partner.ID) async throws -> PartnerJourney? {
        try await documents.document(Self.table, where: "id", partnerID.rawValue)
    }

    func list() async throws -> [PartnerJourney] {
        try await documents.documents(sql.select().column("document").from(Self.table))
    }

    func save(_ journey: PartnerJourney, expectedVersion: Int?) async throws {
        let row: [ColumnValue] = [
            ("id", journey.partnerID.rawValue), ("version", journey.version),
            ("document", try SQLDocuments.json(journey)),
        ]
        guard let expectedVersion else {
            try await translatingConstraintFailures("This partner's journey is already recorded.") {
                try await sql.insert(into: Self.table, row: row)
            }
            return
        }
        try await documents.replace(
            Self.table, id: journey.partnerID.rawValue, row: row, expectedVersion: expectedVersion)
    }
}
