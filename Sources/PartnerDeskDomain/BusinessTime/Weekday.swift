/// A day of the week, Monday first as in ISO 8601.
///
/// Encoded as its lower-case English name (`"monday"`), which is how calendar configuration files spell it.
public enum Weekday: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    /// Monday, ISO day 1.
    case monday
    /// Tuesday, ISO day 2.
    case tuesday
    /// Wednesday, ISO day 3.
    case wednesday
    /// Thursday, ISO day 4.
    case thursday
    /// Friday, ISO day 5.
    case friday
    /// Saturday, ISO day 6.
    case saturday
    /// Sunday, ISO day 7.
    case sunday

    /// The ISO 8601 number of the day: 1 for Monday to 7 for Sunday.
    public var isoNumber: Int {
        switch self {
        case .monday: 1
        case .tuesday: 2
        case .wednesday: 3
        case .thursday: 4
        case .friday: 5
        case .saturday: 6
        case .sunday: 7
        }
    }

    /// Whether the day is Saturday or Sunday.
    public var isWeekend: Bool { self == .saturday || self == .sunday }

    /// The weekday of a day counted from 1970-01-01, which was a Thursday.
    public init(daysSince1970: Int) {
        switch ((daysSince1970 % 7) + 7 + 3) % 7 {
        case 0: self = .monday
        case 1: self = .tuesday
        case 2: self = .wednesday
        case 3: self = .thursday
        case 4: self = .friday
        case 5: self = .saturday
        default: self = .sunday
        }
    }

    /// Orders weekdays from Monday to Sunday.
    public static func < (lhs: Weekday, rhs: Weekday) -> Bool {
        lhs.isoNumber < rhs.isoNumber
    }
}
