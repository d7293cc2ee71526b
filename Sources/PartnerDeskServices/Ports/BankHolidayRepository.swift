import Foundation
import PartnerDeskDomain

/// A bank-holiday list as it was taken in: what the calendars use from then on (on top of the configured
/// file's), who imported it and what it changed.
public struct StoredHolidayImport: Sendable, Hashable {
    /// 1 for the first import, then 2, 3, …
    public var number: Int
    public var importedAt: Date
    public var importedBy: String
    public var holidays: [Division: [BankHoliday]]
    public var changes: [BankHolidayImport.Change]

    public init(
        number: Int, importedAt: Date, importedBy: String, holidays: [Division: [BankHoliday]],
        changes: [BankHolidayImport.Change]
    ) {
        self.number = number
        self.importedAt = importedAt
        self.importedBy = importedBy
        self.holidays = holidays
        self.changes = changes
    }
}

/// Stores the bank-holiday imports, newest in force; every server takes in the newest on its next round of
/// background jobs.
public protocol BankHolidayRepository: Sendable {
    /// The number of the import in force; 0 when there has been none.
    func latestImportNumber() async throws -> Int
    /// The import in force, if any.
    func latestImport() async throws -> StoredHolidayImport?
    /// Stores an import; fails with ``RepositoryError/conflict(_:)`` when its number is taken (another import
    /// came first).
    func record(_ entry: StoredHolidayImport) async throws
}
