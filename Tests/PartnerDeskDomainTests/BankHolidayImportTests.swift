import Foundation
import PartnerDeskTestSupport
import Testing

@testable import PartnerDeskDomain

@Suite struct BankHolidayImportTests {
    @Test func decode_readsEveryDivisionOfTheFixture() throws {
        let feed = try GovUKBankHolidayFeed.decode(Fixture.data)
        #expect(Set(feed.keys) == Set(Division.allCases))
        for division in Division.allCases {
            let expected = Fixture.events[division.rawValue]!
            #expect(feed[division]!.map(\.date.description) == expected.map(\.date))
            #expect(feed[division]!.map(\.name) == expected.map(\.title))
        }
    }

    @Test func importedYear_overridesTheRulesForThatYearOnly() throws {
        let feed = Data(
            """
            {"england-and-wales": {"division": "england-and-wales", "events": [
              {"title": "New Year’s Day", "date": "2031-01-01", "notes": "", "bunting": true},
              {"title": "Extra day for a test", "date": "2031-06-13", "notes": "", "bunting": true}
            ]}, "wales-only": {"events": []}}
            """.utf8)
        let holidays = try BankHolidayCalendar(division: .englandAndWales).importing(govUKFeed: feed)
        #expect(
            holidays.holidays(in: 2031).map(\.description) == [
                "2031-01-01 New Year’s Day", "2031-06-13 Extra day for a test",
            ])
        #expect(holidays.holidays(in: 2032) == BankHolidayRules.holidays(in: 2032, for: .englandAndWales))
        #expect(holidays.holiday(on: LocalDate("2031-12-25")!) == nil)
        let calendar = try BusinessCalendar(
            timeZone: Calendars.london, weeklyHours: .mondayToFridayEightToSix, holidays: holidays,
            tableYears: 2030...2032)
        #expect(!calendar.isOpen(At.london(2031, 6, 13, 12)))
        #expect(calendar.isOpen(At.london(2031, 12, 25, 12)))
    }

    @Test func importing_aFeedForAnotherDivision_changesNothing() throws {
        let feed = Data(#"{"scotland": {"events": [{"title": "X", "date": "2031-06-13"}]}}"#.utf8)
        let holidays = try BankHolidayCalendar(division: .englandAndWales).importing(govUKFeed: feed)
        #expect(holidays == BankHolidayCalendar(division: .englandAndWales))
    }

    @Test func decode_refusesDocumentsThatAreNotAFeed() {
        #expect(throws: BankHolidayImportError.self) { try GovUKBankHolidayFeed.decode(Data("not json".utf8)) }
        #expect(throws: BankHolidayImportError.self) { try GovUKBankHolidayFeed.decode(Data(#"{"scotland": 3}"#.utf8)) }
        let badDate = Data(#"{"scotland": {"events": [{"title": "X", "date": "2031-02-30"}]}}"#.utf8)
        #expect(throws: BankHolidayImportError.invalidDate(division: "scotland", text: "2031-02-30")) {
            try GovUKBankHolidayFeed.decode(badDate)
        }
        #expect(
            BankHolidayImportError.invalidDate(division: "scotland", text: "x").description
                == "Division 'scotland' has an event dated 'x', which is not a YYYY-MM-DD date.")
    }

    @Test func calendarBuiltFromTheFixture_matchesTheRuleBasedCalendar() throws {
        let imported = try GovUKBankHolidayFeed.decode(Fixture.data)[.englandAndWales]!
        let calendar = try BusinessCalendar(spec: .ukOfficeHours, importedHolidays: imported, tableYears: 2012...2028)
        var random = SeededRandom(seed: 7)
        let low = At.seconds(At.utc("2012-01-01T00:00:00Z"))
        let high = At.seconds(At.utc("2028-12-31T00:00:00Z"))
        for _ in 0..<2000 {
            let start = Int.random(in: low..<high, using: &random)
            #expect(
                calendar.due(fromEpochSeconds: start, businessSeconds: 72_000)
                    == Calendars.englandAndWales.due(fromEpochSeconds: start, businessSeconds: 72_000))
        }
    }

    @Test func anImportSaysWhatItWouldChange_yearByYear_andKeepsYearsItDoesNotList() throws {
        func holiday(_ date: String, _ name: String) -> BankHoliday { BankHoliday(date: LocalDate(date)!, name: name) }
        let current: [Division: [BankHoliday]] = [
            .englandAndWales: [holiday("2026-12-25", "Christmas Day"), holiday("2027-01-01", "New Year’s Day")]
        ]
        // 2027 listed again with an extra day and a new name; 2026 not listed, so it stays.
        let incoming: [Division: [BankHoliday]] = [
            .englandAndWales: [holiday("2027-01-01", "New Year's Day"), holiday("2027-06-07", "Coronation")]
        ]
        let preview = BankHolidayImport(current: current, incoming: incoming)
        #expect(
            preview.changes.map(\.sentence) == [
                "England and Wales: 2027-01-01 renamed from New Year’s Day to New Year's Day",
                "England and Wales: 2027-06-07 Coronation added",
            ])
        #expect(
            preview.holidays[.englandAndWales]?.map(\.date.description) == ["2026-12-25", "2027-01-01", "2027-06-07"])
        #expect(BankHolidayImport(current: preview.holidays, incoming: incoming).changesNothing)
        #expect(BankHolidayImport(current: current, incoming: [:]).changesNothing)
    }
}
