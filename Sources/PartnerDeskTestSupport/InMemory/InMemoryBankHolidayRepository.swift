import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// Bank-holiday imports in memory.
struct InMemoryBankHolidayRepository: BankHolidayRepository {
    let box: StateBox

    func latestImportNumber() async throws -> Int { box.read().holidayImports.last?.number ?? 0 }

    func latestImport() async throws -> StoredHolidayImport? { box.read().holidayImports.last }

    func record(_ entry: StoredHolidayImport) async throws {
        try box.write { state in
            guard !state.holidayImports.contains(where: { $0.number == entry.number }) else {
                throw RepositoryError.conflict("Another bank-holiday import was taken in first.")
            }
            state.holidayImports.append(entry)
        }
    }
}
