import Foundation

/// Reads the GOV.UK bank-holidays JSON format (`https://www.gov.uk/bank-holidays.json`) from bytes.
///
/// The document is an object keyed by division (`england-and-wales`, `scotland`, `northern-ireland`), each with an
/// `events` array of `{"title", "date", "notes", "bunting"}`. Only `title` and `date` are used. Divisions this
/// system does not know are skipped, so a feed that grows a new division still imports. The domain never reads
/// files: the caller passes the bytes.
public enum GovUKBankHolidayFeed {
    /// Decodes a feed into holidays per division, each list in date order.
    public static func decode(_ data: Data) throws(BankHolidayImportError) -> [Division: [BankHoliday]] {
        let raw: [String: RawDivision]
        do {
            raw = try JSONDecoder().decode([String: RawDivision].self, from: data)
        } catch {
            throw BankHolidayImportError.notAFeed(String(describing: error))
        }
        var result: [Division: [BankHoliday]] = [:]
        for (key, value) in raw {
            guard let division = Division(rawValue: key) else { continue }
            var holidays: [BankHoliday] = []
            for event in value.events {
                guard let date = LocalDate(event.date) else {
                    throw BankHolidayImportError.invalidDate(division: key, text: event.date)
                }
                holidays.append(BankHoliday(date: date, name: event.title))
            }
            result[division] = holidays.sorted()
        }
        return result
    }

    private struct RawDivision: Decodable {
        var events: [RawEvent]
    }

    private struct RawEvent: Decodable {
        var title: String
        var date: String
    }
}
