import Foundation
import PartnerDeskDatabaseTestSupport
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing

/// Bank-holiday imports on every store: the newest reads back exactly, and a number is taken once.
@Suite struct BankHolidayStoreTests {
    @Test(arguments: ContractStore.available)
    func imports_readBackExactly_andANumberIsTakenOnce(_ backend: ContractStore) async throws {
        try await withStore(backend) { store in
            let holidays = store.repositories.bankHolidays
            #expect(try await holidays.latestImportNumber() == 0)
            #expect(try await holidays.latestImport() == nil)
            let extra = BankHoliday(date: LocalDate("2027-06-07")!, name: "A day off")
            let first = StoredHolidayImport(
                number: 1, importedAt: ISO8601Instant.date(from: "2026-12-07T10:00:00Z")!, importedBy: "Ada",
                holidays: [.englandAndWales: [extra], .scotland: []],
                changes: [.init(division: .englandAndWales, date: extra.date, kind: .added, name: extra.name)])
            var second = first
            second.number = 2
            second.importedBy = "Bea"
            let (one, two) = (first, second)
            try await store.transaction { repositories in
                try await repositories.bankHolidays.record(one)
                try await repositories.bankHolidays.record(two)
            }
            #expect(try await holidays.latestImportNumber() == 2)
            #expect(try await holidays.latestImport() == second)
            await #expect(throws: RepositoryError.conflict("Another bank-holiday import was taken in first.")) {
                try await store.transaction { try await $0.bankHolidays.record(one) }
            }
        }
    }
}
