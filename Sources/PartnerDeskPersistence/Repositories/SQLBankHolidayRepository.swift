import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import SQLKit

/// Bank-holiday imports in SQL: one row each, the holidays keyed by the GOV.UK feed's division names.
struct SQLBankHolidayRepository: BankHolidayRepository {
    let sql: any SQLDatabase

    func latestImportNumber() async throws -> Int {
        let row = try await sql.select().column(SQLFunction("max", args: SQLColumn("number")), as: "latest")
            .from("bank_holiday_imports").first()
        return try row?.decode(column: "latest", as: Int?.self) ?? 0
    }

    func latestImport() async throws -> StoredHolidayImport? {
        guard
            let row = try await sql.selectAll(from: "bank_holiday_imports").orderBy("number", .descending).limit(1)
                .first()
        else { return nil }
        let number = try row.decode(column: "number", as: Int.self)
        do {
            let byName = try JSONDecoder().decode(
                [String: [BankHoliday]].self, from: Data(try row.decode(column: "holidays", as: String.self).utf8))
            var holidays: [Division: [BankHoliday]] = [:]
            for (name, list) in byName {
                guard let division = Division(rawValue: name) else {
                    throw StoredDataError.unreadable(table: "bank_holiday_imports", id: nil)
                }
                holidays[division] = list
            }
            return StoredHolidayImport(
                number: number, importedAt: try row.decode(column: "imported_at", as: Date.self),
                importedBy: try row.decode(column: "imported_by", as: String.self), holidays: holidays,
                changes: try JSONDecoder().decode(
                    [BankHolidayImport.Change].self, from: Data(try row.decode(column: "changes", as: String.self).utf8)
                ))
        } catch {
            throw StoredDataError.unreadable(table: "bank_holiday_imports", id: nil)
        }
    }

    func record(_ entry: StoredHolidayImport) async throws {
        let byName = Dictionary(uniqueKeysWithValues: entry.holidays.map { ($0.key.rawValue, $0.value) })
        try await translatingConstraintFailures("Another bank-holiday import was taken in first.") {
            try await sql.insert(
                into: "bank_holiday_imports",
                row: [
                    ("number", entry.number), ("imported_at", entry.importedAt), ("imported_by", entry.importedBy),
                    ("holidays", try SQLDocuments.json(byName)), ("changes", try SQLDocuments.json(entry.changes)),
                ])
        }
    }
}
