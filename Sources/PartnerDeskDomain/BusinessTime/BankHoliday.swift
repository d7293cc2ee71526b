/// One bank holiday: the date the offices are closed and the name it is published under.
///
/// Holidays order by date, then by name. A substitute day carries the name of the holiday it replaces, as GOV.UK does.
public struct BankHoliday: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The date of the day off.
    public let date: LocalDate
    /// The published title, for example `Christmas Day` or `Early May bank holiday (VE day)`.
    public let name: String

    /// Creates a holiday.
    public init(date: LocalDate, name: String) {
        self.date = date
        self.name = name
    }

    /// The holiday as `YYYY-MM-DD name`.
    public var description: String { "\(date) \(name)" }

    /// Orders by date, then by name.
    public static func < (lhs: BankHoliday, rhs: BankHoliday) -> Bool {
        lhs.date != rhs.date ? lhs.date < rhs.date : lhs.name < rhs.name
    }
}
