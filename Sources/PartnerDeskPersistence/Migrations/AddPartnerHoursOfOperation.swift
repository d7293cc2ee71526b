import FluentKit
import Foundation
import PartnerDeskDomain

/// Partners' hours of operation, as JSON; existing partners are taken to work around the clock.
struct AddPartnerHoursOfOperation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let always = String(decoding: try JSONEncoder().encode(OperatingHours.alwaysOpen), as: UTF8.self)
        try await database.schema("partners")
            .field("hours_of_operation", .string, .required, .sql(.default(always)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("partners").deleteField("hours_of_operation").update()
    }
}
