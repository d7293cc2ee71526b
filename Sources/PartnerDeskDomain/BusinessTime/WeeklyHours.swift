import Foundation

/// The regular opening hours of each day of the week; a day without hours is closed.
///
/// Encoded as an object keyed by lower-case weekday name, for example
/// `{"monday": {"opens": "08:00", "closes": "18:00"}}`; a missing or `null` day is closed.
public struct WeeklyHours: Sendable, Hashable, Codable {
    private var hoursByDay: [DailyHours?]

    /// Creates a week from the hours of the days that open; every other day is closed.
    public init(_ hours: [Weekday: DailyHours]) {
        hoursByDay = Weekday.allCases.map { hours[$0] }
    }

    /// Creates a week with the same hours on each of the given days.
    public init(days: Set<Weekday>, hours: DailyHours) {
        hoursByDay = Weekday.allCases.map { days.contains($0) ? hours : nil }
    }

    /// Monday to Friday, 08:00 to 18:00: the business support hours of the Silver tier.
    public static let mondayToFridayEightToSix = WeeklyHours(
        days: [.monday, .tuesday, .wednesday, .thursday, .friday], hours: .eightToSix)

    /// Every day, all day.
    public static let always = WeeklyHours(days: Set(Weekday.allCases), hours: .allDay)

    /// The hours of one weekday, or `nil` when it is closed.
    public subscript(_ weekday: Weekday) -> DailyHours? {
        get { hoursByDay[weekday.isoNumber - 1] }
        set { hoursByDay[weekday.isoNumber - 1] = newValue }
    }

    /// Whether no day of the week opens at all.
    public var isAlwaysClosed: Bool { hoursByDay.allSatisfy { $0 == nil } }

    /// The open days in order, Monday first.
    public var openDays: [Weekday] { Weekday.allCases.filter { self[$0] != nil } }

    /// Decodes the weekday-keyed object; unknown keys are an error so that typos are caught.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        var hours: [Weekday: DailyHours] = [:]
        for key in container.allKeys {
            guard let weekday = Weekday(rawValue: key.stringValue) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: container,
                    debugDescription: "'\(key.stringValue)' is not a weekday (use monday ... sunday).")
            }
            hours[weekday] = try container.decodeIfPresent(DailyHours.self, forKey: key)
        }
        self.init(hours)
    }

    /// Encodes the open days only, keyed by weekday name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        for weekday in Weekday.allCases {
            if let hours = self[weekday] {
                try container.encode(hours, forKey: AnyKey(weekday.rawValue))
            }
        }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
