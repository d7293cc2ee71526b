import Foundation

@testable import PartnerDeskDomain

/// The GOV.UK bank-holidays fixture (2012–2028), read independently of the code under test.
enum Fixture {
    static let data: Data = {
        let url = Bundle.module.url(forResource: "bank-holidays", withExtension: "json", subdirectory: "Fixtures")!
        return try! Data(contentsOf: url)
    }()

    /// `(date, title)` pairs per division key, parsed with `JSONSerialization` rather than the importer.
    static let events: [String: [(date: String, title: String)]] = {
        let root = try! JSONSerialization.jsonObject(with: data) as! [String: Any]
        var result: [String: [(date: String, title: String)]] = [:]
        for (key, value) in root {
            let events = (value as! [String: Any])["events"] as! [[String: Any]]
            result[key] = events.map { ($0["date"] as! String, $0["title"] as! String) }
        }
        return result
    }()

    static let years = 2012...2028

    /// Holiday dates (`YYYY-MM-DD`) of a division: the fixture inside its years, the rules outside them.
    static func holidayDates(_ division: Division, years: ClosedRange<Int>) -> Set<String> {
        var dates = Set(events[division.rawValue]!.map(\.date))
        for year in years where !Fixture.years.contains(year) {
            dates.formUnion(BankHolidayRules.holidays(in: year, for: division).map(\.date.description))
        }
        return dates
    }
}
