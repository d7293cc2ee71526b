import Foundation

/// The bank holidays of one division: computed by ``BankHolidayRules`` for any year, with imported years taking over.
///
/// The rule: when holidays have been imported for a year (for example from the GOV.UK feed), that year's list is
/// exactly the imported one; every other year comes from the rules. This lets a published change (a new one-off
/// holiday) be applied without a code change, while years nobody has published yet still work.
///
/// ```swift
/// let holidays = try BankHolidayCalendar(division: .englandAndWales).importing(govUKFeed: data)
/// holidays.holiday(on: LocalDate("2026-12-28")!)?.name   // "Boxing Day"
/// ```
public struct BankHolidayCalendar: Sendable, Hashable {
    /// The division whose holidays these are.
    public let division: Division
    /// Imported holidays by year; each present year overrides the rules for that year.
    public private(set) var importedYears: [Int: [BankHoliday]]

    /// Creates a calendar from the rules, with the given holidays imported (grouped by the year of their date).
    public init(division: Division, imported: [BankHoliday] = []) {
        self.division = division
        self.importedYears = BankHolidayCalendar.byYear(imported)
    }

    /// The holidays of a year, in date order.
    public func holidays(in year: Int) -> [BankHoliday] {
        importedYears[year] ?? BankHolidayRules.holidays(in: year, for: division)
    }

    /// The holidays of every year in a range, in date order.
    public func holidays(in years: ClosedRange<Int>) -> [BankHoliday] {
        years.flatMap { holidays(in: $0) }
    }

    /// The holiday on a date, or `nil` when the date is not a bank holiday.
    public func holiday(on date: LocalDate) -> BankHoliday? {
        holidays(in: date.year).first { $0.date == date }
    }

    /// A copy in which every year that appears in `holidays` is replaced by exactly those holidays.
    public func importing(_ holidays: [BankHoliday]) -> BankHolidayCalendar {
        var copy = self
        copy.importedYears.merge(BankHolidayCalendar.byYear(holidays)) { _, new in new }
        return copy
    }

    /// A copy in which every year of `years` has no holidays at all, for a business that works through them.
    ///
    /// Each year is imported as an empty list, so the rule above applies unchanged: an imported year is exactly
    /// its list.
    public func withoutHolidays(in years: ClosedRange<Int>) -> BankHolidayCalendar {
        var copy = self
        for year in years { copy.importedYears[year] = [] }
        return copy
    }

    private static func byYear(_ holidays: [BankHoliday]) -> [Int: [BankHoliday]] {
        Dictionary(grouping: holidays, by: \.date.year).mapValues { $0.sorted() }
    }

    /// A copy with this division's years from a GOV.UK bank-holidays JSON document imported.
    ///
    /// Throws when the document is not in the feed's format; a feed without this division changes nothing.
    public func importing(govUKFeed data: Data) throws(BankHolidayImportError) -> BankHolidayCalendar {
        let feed = try GovUKBankHolidayFeed.decode(data)
        return importing(feed[division] ?? [])
    }
}
