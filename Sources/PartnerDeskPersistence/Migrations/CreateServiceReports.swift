import FluentKit
import Foundation
import PartnerDeskDomain
import SQLKit

/// The monthly service reports: each edition as it was issued (a JSON document, never updated), the months
/// whose first editions are all out, and the reports waiting to be checked for a revision. Incidents gain the
/// key a month's report finds them by (see ``IncidentListing/activeUntilKey(_:)``), filled in for those already
/// stored; partners gain the instant they were registered, taken for those already stored from their first
/// incident (left empty when they have none).
struct CreateServiceReports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("incidents")
            .field("active_until", .int64, .required, .sql(.default(IncidentListing.noDue))).update()
        let sql = database.sql
        var after = Int64(0)
        while true {
            let rows = try await sql.select().column("number").column("clock_events").from("incidents")
                .where("number", .greaterThan, after).orderBy("number").limit(1000).all()
            guard let last = rows.last else { break }
            for row in rows {
                let events = try row.decode(column: "clock_events", as: String.self)
                let clock = try JSONDecoder().decode(SLAClock.self, from: Data(events.utf8))
                guard let stopped = clock.stoppedAt else { continue }
                try await sql.update("incidents")
                    .set("active_until", to: SQLBind(Int64(stopped.timeIntervalSince1970.rounded(.down))))
                    .where("number", .equal, try row.decode(column: "number", as: Int64.self)).run()
            }
            after = try last.decode(column: "number", as: Int64.self)
        }
        try await sql.create(index: "incidents_partner_active").on("incidents").column("partner_id")
            .column("active_until").run()
        try await sql.create(index: "incidents_active").on("incidents").column("active_until").run()

        try await database.schema("partners").field("registered_at", .datetime).update()
        try await sql.raw(
            """
            UPDATE partners SET registered_at = \
            (SELECT MIN(incidents.raised_at) FROM incidents WHERE incidents.partner_id = partners.id)
            """
        ).run()

        try await database.schema("service_report_editions")
            .id()
            .field("scope", .string, .required)
            .field("partner_id", .uuid, .references("partners", "id", onDelete: .restrict))
            .field("month", .string, .required)
            .field("number", .int, .required)
            .field("issued_at", .datetime, .required)
            .field("report", .string, .required)
            .field("changes", .string, .required)
            .unique(on: "scope", "month", "number")
            .create()
        try await database.schema("service_report_months")
            .field("month", .string, .identifier(auto: false))
            .field("issued_at", .datetime, .required)
            .create()
        try await database.schema("service_report_reviews")
            .field("scope", .string, .required)
            .field("month", .string, .required)
            .field("requested_at", .datetime, .required)
            .unique(on: "scope", "month")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("service_report_reviews").delete()
        try await database.schema("service_report_months").delete()
        try await database.schema("service_report_editions").delete()
        try await database.schema("partners").deleteField("registered_at").update()
        let sql = database.sql
        try await sql.drop(index: "incidents_active").run()
        try await sql.drop(index: "incidents_partner_active").run()
        try await database.schema("incidents").deleteField("active_until").update()
    }
}
