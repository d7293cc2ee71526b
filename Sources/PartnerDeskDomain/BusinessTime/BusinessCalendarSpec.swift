import Foundation

/// The settings of a business calendar as plain data: zone, holiday division, weekly hours and extra closures.
///
/// This is what a service-level tier or a configuration file stores; ``BusinessCalendar/init(spec:importedHolidays:tableYears:)``
/// turns it into a working calendar. Encoded as
/// `{"timeZone": "Europe/London", "division": "england-and-wales", "hours": {...}, "closures": [...]}`.
public struct BusinessCalendarSpec: Sendable, Hashable, Codable {
    /// The IANA identifier of the calendar's zone, for example `Europe/London`.
    public var timeZoneIdentifier: String
    /// Whose bank holidays close the business.
    public var division: Division
    /// The regular hours of each weekday.
    public var weeklyHours: WeeklyHours
    /// Extra whole-day or part-day closures.
    public var closures: [BusinessClosure]

    /// Creates settings; the defaults are the UK office calendar of the Silver tier.
    public init(
        timeZoneIdentifier: String = "Europe/London",
        division: Division = .englandAndWales,
        weeklyHours: WeeklyHours = .mondayToFridayEightToSix,
        closures: [BusinessClosure] = []
    ) {
        self.timeZoneIdentifier = timeZoneIdentifier
        self.division = division
        self.weeklyHours = weeklyHours
        self.closures = closures
    }

    /// Monday to Friday 08:00–18:00 in Europe/London, closed on England and Wales bank holidays.
    public static let ukOfficeHours = BusinessCalendarSpec()

    /// Everything that would stop a calendar being built from these settings, all at once; empty when it can be.
    public var problems: [BusinessCalendarError] {
        var result: [BusinessCalendarError] = []
        if TimeZone(identifier: timeZoneIdentifier) == nil { result.append(.unknownTimeZone(timeZoneIdentifier)) }
        if weeklyHours.isAlwaysClosed { result.append(.noOpeningHours) }
        result += BusinessCalendarSpec.splittingClosures(closures, weeklyHours: weeklyHours).map {
            .closureSplitsDay($0)
        }
        return result
    }

    /// The closures that would cut a piece out of the middle of their day's regular hours.
    static func splittingClosures(_ closures: [BusinessClosure], weeklyHours: WeeklyHours) -> [BusinessClosure] {
        closures.filter { closure in
            guard let hours = weeklyHours[closure.date.weekday] else { return false }
            return closure.remaining(of: hours) == .split
        }
    }

    private enum CodingKeys: String, CodingKey {
        case timeZoneIdentifier = "timeZone"
        case division
        case weeklyHours = "hours"
        case closures
    }

    /// Decodes the settings; `closures` may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        timeZoneIdentifier = try container.decode(String.self, forKey: .timeZoneIdentifier)
        division = try container.decode(Division.self, forKey: .division)
        weeklyHours = try container.decode(WeeklyHours.self, forKey: .weeklyHours)
        closures = try container.decodeIfPresent([BusinessClosure].self, forKey: .closures) ?? []
    }
}
