import FluentKit

/// Bank-holiday lists imported through PartnerDesk, one row per import (the holidays and what they changed as
/// JSON); the newest is in force.
struct CreateBankHolidayImports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("bank_holiday_imports")
            .field("number", .int, .identifier(auto: false))
            .field("imported_at", .datetime, .required)
            .field("imported_by", .string, .required)
            .field("holidays", .string, .required)
            .field("changes", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("bank_holiday_imports").delete()
    }
}
