import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import SQLKit

/// Report editions in SQL: one row per edition with the report and its changes as JSON, never updated; the
/// months whose first editions are out; the reviews waiting. A report's scope is its partner's id, `all` for
/// the whole service, or `*` (reviews only) for every report of the month.
struct SQLServiceReportRepository: ServiceReportRepository {
    let sql: any SQLDatabase

    func create(_ edition: ServiceReportEdition) async throws -> Bool {
        // ON CONFLICT DO NOTHING: a second server issuing the same edition learns it was issued without
        // aborting its transaction.
        let rows = try await sql.raw(
            """
            INSERT INTO service_report_editions (id, scope, partner_id, month, number, issued_at, report, changes)
            VALUES (\(bind: edition.id.rawValue), \(bind: Self.scope(edition.partnerID)), \
            \(bind: edition.partnerID?.rawValue), \(bind: edition.month.description), \(bind: edition.number), \
            \(bind: edition.issuedAt), \(bind: try SQLDocuments.json(edition.report)), \
            \(bind: try SQLDocuments.json(edition.changes)))
            ON CONFLICT (scope, month, number) DO NOTHING RETURNING id
            """
        ).all()
        return !rows.isEmpty
    }

    func editions(partnerID: Partner.ID?, month: ReportingMonth) async throws -> [ServiceReportEdition] {
        try await editions(
            sql.selectAll(from: "service_report_editions").where("scope", .equal, Self.scope(partnerID))
                .where("month", .equal, month.description).orderBy("number"))
    }

    func latestEditions(month: ReportingMonth) async throws -> [ServiceReportEdition] {
        let all = try await editions(
            sql.selectAll(from: "service_report_editions").where("month", .equal, month.description)
                .orderBy("number"))
        return Array(Dictionary(all.map { ($0.partnerID, $0) }, uniquingKeysWith: { _, later in later }).values)
    }

    func isIssued(_ month: ReportingMonth) async throws -> Bool {
        try await sql.select().column("month").from("service_report_months")
            .where("month", .equal, month.description).first() != nil
    }

    func markIssued(_ month: ReportingMonth, at instant: Date) async throws {
        try await sql.raw(
            """
            INSERT INTO service_report_months (month, issued_at) VALUES (\(bind: month.description), \(bind: instant))
            ON CONFLICT (month) DO NOTHING
            """
        ).run()
    }

    func requestReview(_ scope: ServiceReportReviewScope, month: ReportingMonth, at instant: Date) async throws {
        try await sql.raw(
            """
            INSERT INTO service_report_reviews (scope, month, requested_at) \
            VALUES (\(bind: Self.scope(scope)), \(bind: month.description), \(bind: instant))
            ON CONFLICT (scope, month) DO UPDATE SET requested_at = excluded.requested_at
            """
        ).run()
    }

    func reviews(limit: Int) async throws -> [(scope: ServiceReportReviewScope, month: ReportingMonth)] {
        let rows = try await sql.select().column("scope").column("month").from("service_report_reviews")
            .orderBy("requested_at").orderBy("scope").limit(limit).all()
        return try rows.map { row in
            let text = try row.decode(column: "scope", as: String.self)
            guard let month = ReportingMonth(try row.decode(column: "month", as: String.self)) else {
                throw StoredDataError.unreadable(table: "service_report_reviews", id: nil)
            }
            let scope: ServiceReportReviewScope
            switch text {
            case "all": scope = .wholeService
            case "*": scope = .everyReport
            default:
                guard let id = UUID(uuidString: text) else {
                    throw StoredDataError.unreadable(table: "service_report_reviews", id: nil)
                }
                scope = .partner(.init(id))
            }
            return (scope, month)
        }
    }

    func finishReview(_ scope: ServiceReportReviewScope, month: ReportingMonth, requestedBy instant: Date)
        async throws -> Bool
    {
        let rows = try await sql.delete(from: "service_report_reviews").where("scope", .equal, Self.scope(scope))
            .where("month", .equal, month.description).where("requested_at", .lessThanOrEqual, instant)
            .returning("scope").all()
        return !rows.isEmpty
    }

    private func editions(_ select: SQLSelectBuilder) async throws -> [ServiceReportEdition] {
        try await select.all().map { row in
            let id = try row.decode(column: "id", as: UUID.self)
            guard let month = ReportingMonth(try row.decode(column: "month", as: String.self)) else {
                throw StoredDataError.unreadable(table: "service_report_editions", id: id)
            }
            do {
                return ServiceReportEdition(
                    id: .init(id), partnerID: try row.decode(column: "partner_id", as: UUID?.self).map { .init($0) },
                    month: month, number: try row.decode(column: "number", as: Int.self),
                    issuedAt: try row.decode(column: "issued_at", as: Date.self),
                    report: try JSONDecoder().decode(
                        ServiceReport.self, from: Data(try row.decode(column: "report", as: String.self).utf8)),
                    changes: try JSONDecoder().decode(
                        [ReportChange].self, from: Data(try row.decode(column: "changes", as: String.self).utf8)))
            } catch {
                throw StoredDataError.unreadable(table: "service_report_editions", id: id)
            }
        }
    }

    private static func scope(_ partnerID: Partner.ID?) -> String {
        partnerID.map { $0.rawValue.uuidString.lowercased() } ?? "all"
    }

    private static func scope(_ scope: ServiceReportReviewScope) -> String {
        switch scope {
        case .partner(let id): Self.scope(id)
        case .wholeService: "all"
        case .everyReport: "*"
        }
    }
}
