import Foundation

/// What importing a bank-holiday list would change, before anything is changed.
///
/// The rule: an import replaces, division by division, exactly the years it lists (as
/// ``BankHolidayCalendar/importing(_:)`` does); years it does not list keep what they had. A change is a date
/// that becomes a holiday, stops being one, or keeps being one under another name, in a year the import lists.
public struct BankHolidayImport: Sendable, Hashable {
    public struct Change: Sendable, Hashable, Codable {
        public enum Kind: String, Sendable, Hashable, Codable {
            case added, removed, renamed
        }

        public var division: Division
        public var date: LocalDate
        public var kind: Kind
        public var name: String
        /// The name before, for a renamed holiday.
        public var previousName: String?

        public init(division: Division, date: LocalDate, kind: Kind, name: String, previousName: String? = nil) {
            self.division = division
            self.date = date
            self.kind = kind
            self.name = name
            self.previousName = previousName
        }

        /// `England and Wales: 2027-05-03 Early May bank holiday added`.
        public var sentence: String {
            let what =
                switch kind {
                case .added: "\(name) added"
                case .removed: "\(name) removed"
                case .renamed: "renamed from \(previousName ?? "") to \(name)"
                }
            return "\(division.label): \(date) \(what)"
        }
    }

    /// The imported holidays once this import is taken in, by division.
    public var holidays: [Division: [BankHoliday]]
    /// What it changes, by division, then date.
    public var changes: [Change]

    /// Compares an incoming list (a decoded GOV.UK feed) with the holidays imported so far.
    public init(current: [Division: [BankHoliday]], incoming: [Division: [BankHoliday]]) {
        var holidays = current
        var changes: [Change] = []
        for division in Division.allCases {
            guard let listed = incoming[division] else { continue }
            let before = BankHolidayCalendar(division: division, imported: current[division] ?? [])
            let after = before.importing(listed)
            holidays[division] = after.importedYears.values.flatMap { $0 }.sorted()
            for year in Set(listed.map(\.date.year)).sorted() {
                let old = Dictionary(
                    before.holidays(in: year).map { ($0.date, $0.name) }, uniquingKeysWith: { a, _ in a })
                let new = Dictionary(
                    after.holidays(in: year).map { ($0.date, $0.name) }, uniquingKeysWith: { a, _ in a })
                for date in Set(old.keys).union(new.keys).sorted() {
                    switch (old[date], new[date]) {
                    case (nil, let name?):
                        changes.append(Change(division: division, date: date, kind: .added, name: name))
                    case (let name?, nil):
                        changes.append(Change(division: division, date: date, kind: .removed, name: name))
                    case (let was?, let name?) where was != name:
                        changes.append(
                            Change(division: division, date: date, kind: .renamed, name: name, previousName: was))
                    default: break
                    }
                }
            }
        }
        self.holidays = holidays
        self.changes = changes
    }

    /// Whether taking it in changes nothing.
    public var changesNothing: Bool { changes.isEmpty }
}
