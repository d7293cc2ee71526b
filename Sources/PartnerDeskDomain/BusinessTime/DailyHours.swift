import Foundation

/// The opening hours of one day, as seconds after local midnight, open from `opens` up to but not including `closes`.
///
/// The rule: `0 <= opens < closes <= 86400`, so a day can close at `24:00`. Encoded as
/// `{"opens": "08:00", "closes": "18:00"}` (seconds are written only when they are not zero).
public struct DailyHours: Sendable, Hashable, Codable {
    /// Seconds after local midnight at which the day opens.
    public let opens: Int
    /// Seconds after local midnight at which the day closes; the closing instant itself is outside hours.
    public let closes: Int

    /// Creates hours from seconds after midnight; `nil` unless `0 <= opens < closes <= 86400`.
    public init?(opens: Int, closes: Int) {
        guard opens >= 0, opens < closes, closes <= CivilCalendar.secondsPerDay else { return nil }
        self.opens = opens
        self.closes = closes
    }

    /// Creates hours from `HH:MM` or `HH:MM:SS` texts; `nil` when either is malformed or they are out of order.
    public init?(opens: String, closes: String) {
        guard let open = DailyHours.secondsOfDay(opens), let close = DailyHours.secondsOfDay(closes) else { return nil }
        self.init(opens: open, closes: close)
    }

    /// The usual office day: 08:00 to 18:00.
    public static let eightToSix = DailyHours(opens: 8 * 3600, closes: 18 * 3600)!

    /// The whole day, 00:00 to 24:00.
    public static let allDay = DailyHours(opens: 0, closes: CivilCalendar.secondsPerDay)!

    /// The number of seconds the day is open on a day without a clock change.
    public var length: Int { closes - opens }

    /// Parses a time of day written `HH:MM` or `HH:MM:SS` (`24:00` allowed) into seconds after midnight.
    public static func secondsOfDay(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
            parts.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return nil }
        let second = parts.count == 3 ? Int(parts[2]) ?? 60 : 0
        guard hour <= 24, minute < 60, second < 60 else { return nil }
        let total = hour * 3600 + minute * 60 + second
        return total <= CivilCalendar.secondsPerDay ? total : nil
    }

    /// Writes seconds after midnight as `HH:MM`, or `HH:MM:SS` when the seconds are not zero.
    public static func text(secondsOfDay value: Int) -> String {
        func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
        let base = two(value / 3600) + ":" + two(value % 3600 / 60)
        return value % 60 == 0 ? base : base + ":" + two(value % 60)
    }

    private enum CodingKeys: String, CodingKey {
        case opens
        case closes
    }

    /// Decodes `{"opens": "HH:MM", "closes": "HH:MM"}` and checks the order of the two times.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let opensText = try container.decode(String.self, forKey: .opens)
        let closesText = try container.decode(String.self, forKey: .closes)
        guard let hours = DailyHours(opens: opensText, closes: closesText) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription:
                        "Hours '\(opensText)'–'\(closesText)' must be HH:MM times with opens before closes."
                )
            )
        }
        self = hours
    }

    /// Encodes the hours as two `HH:MM` texts.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(DailyHours.text(secondsOfDay: opens), forKey: .opens)
        try container.encode(DailyHours.text(secondsOfDay: closes), forKey: .closes)
    }
}
