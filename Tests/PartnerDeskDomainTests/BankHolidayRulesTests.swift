import Foundation
import Testing

@testable import PartnerDeskDomain

@Suite struct BankHolidayRulesTests {
    @Test(arguments: Division.allCases)
    func rules_reproduceTheFixtureExactly_forEveryYear2012To2028(division: Division) {
        let expected = Fixture.events[division.rawValue]!
        var computed: [(date: String, title: String)] = []
        for year in Fixture.years {
            computed += BankHolidayRules.holidays(in: year, for: division).map { ($0.date.description, $0.name) }
        }
        #expect(computed.count == expected.count)
        for (index, pair) in zip(computed, expected).enumerated() {
            #expect(
                pair.0.date == pair.1.date && pair.0.title == pair.1.title, "event \(index): \(pair.0) vs \(pair.1)")
        }
    }

    @Test func easterSunday_matchesKnownDates() {
        let known = [
            1990: "1990-04-15", 2000: "2000-04-23", 2008: "2008-03-23", 2011: "2011-04-24", 2019: "2019-04-21",
            2024: "2024-03-31", 2025: "2025-04-20", 2038: "2038-04-25", 2285: "2285-03-22",
        ]
        for (year, date) in known {
            #expect(BankHolidayRules.easterSunday(in: year).description == date, "\(year)")
        }
    }

    @Test func oneOffHolidays_beforeTheFixture_areBuiltIn() {
        func names(_ year: Int, _ division: Division = .englandAndWales) -> [String] {
            BankHolidayRules.holidays(in: year, for: division).map(\.description)
        }
        #expect(names(1995).contains("1995-05-08 Early May bank holiday (VE day)"))
        #expect(!names(1995).contains { $0.hasPrefix("1995-05-01") })
        #expect(names(2002).contains("2002-06-03 Queen’s Golden Jubilee"))
        #expect(names(2002).contains("2002-06-04 Spring bank holiday"))
        #expect(names(2011, .scotland).contains("2011-04-29 Royal wedding"))
        #expect(names(1999).contains("1999-12-31 Millennium celebrations"))
    }

    @Test func substitutes_skipWeekendsAndDaysAlreadyTaken() {
        // 2033: Christmas Day is a Sunday, so Boxing Day stays on Monday and Christmas moves to Tuesday.
        let christmas2033 = BankHolidayRules.holidays(in: 2033, for: .englandAndWales).suffix(2).map(\.description)
        #expect(christmas2033 == ["2033-12-26 Boxing Day", "2033-12-27 Christmas Day"])
        // Scotland, 1 January on a Sunday: up to 2017 2 January kept the Monday; from 2023 New Year's Day takes it.
        let scotland2017 = BankHolidayRules.holidays(in: 2017, for: .scotland).prefix(2).map(\.description)
        #expect(scotland2017 == ["2017-01-02 2nd January", "2017-01-03 New Year’s Day"])
        let scotland2034 = BankHolidayRules.holidays(in: 2034, for: .scotland).prefix(2).map(\.description)
        #expect(scotland2034 == ["2034-01-02 New Year’s Day", "2034-01-03 2nd January"])
        // 2029 Northern Ireland: St Patrick's Day is a Saturday and moves to Monday 19 March.
        #expect(
            BankHolidayRules.holidays(in: 2029, for: .northernIreland).contains {
                $0.description == "2029-03-19 St Patrick’s Day"
            })
    }

    @Test func stAndrewsDay_startsIn2007() {
        #expect(!BankHolidayRules.holidays(in: 2006, for: .scotland).contains { $0.name == "St Andrew’s Day" })
        #expect(BankHolidayRules.holidays(in: 2007, for: .scotland).contains { $0.name == "St Andrew’s Day" })
    }

    @Test func everyYear_hasNoDuplicateOrWeekendDates() {
        for division in Division.allCases {
            for year in 1978...2100 {
                let dates = BankHolidayRules.holidays(in: year, for: division).map(\.date)
                #expect(Set(dates).count == dates.count, "\(division) \(year)")
                #expect(dates.allSatisfy { !$0.weekday.isWeekend }, "\(division) \(year)")
                #expect(dates == dates.sorted())
            }
        }
    }
}
