import Foundation

/// An extra closure of the business on one date: the whole day, or part of it (closing early, opening late).
///
/// The rule: business hours on `date` lose the local time range `[closedFrom, closedUntil)` (seconds after local
/// midnight). A closure may cut the start or the end of the day's hours, or all of them, but not a piece out of the
/// middle, because a business day has a single opening period; ``BusinessCalendar`` refuses such a closure.
/// Encoded as `{"date": "2026-12-24", "from": "12:00", "reason": "Christmas Eve"}`, where `from` defaults to `00:00`
/// and `until` to `24:00`.
public struct BusinessClosure: Sendable, Hashable, Codable {
    /// The local date of the closure.
    public let date: LocalDate
    /// Seconds after local midnight at which the closure begins.
    public let closedFrom: Int
    /// Seconds after local midnight at which the closure ends (exclusive).
    public let closedUntil: Int
    /// Why the business is closed, for explanations (for example "Christmas Eve").
    public let reason: String

    /// Creates a closure; `nil` unless `0 <= closedFrom < closedUntil <= 86400`.
    public init?(date: LocalDate, closedFrom: Int = 0, closedUntil: Int = 86_400, reason: String) {
        guard closedFrom >= 0, closedFrom < closedUntil, closedUntil <= CivilCalendar.secondsPerDay else { return nil }
        self.date = date
        self.closedFrom = closedFrom
        self.closedUntil = closedUntil
        self.reason = reason
    }

    /// A closure for the whole of a date.
    public static func wholeDay(_ date: LocalDate, reason: String) -> BusinessClosure {
        BusinessClosure(date: date, reason: reason)!
    }

    /// A closure from `secondsOfDay` to the end of the day, for example Christmas Eve closing at 12:00.
    public static func closingEarly(on date: LocalDate, at secondsOfDay: Int, reason: String) -> BusinessClosure? {
        BusinessClosure(date: date, closedFrom: secondsOfDay, reason: reason)
    }

    /// A closure from midnight to `secondsOfDay`, for example a late opening after a staff event.
    public static func openingLate(on date: LocalDate, at secondsOfDay: Int, reason: String) -> BusinessClosure? {
        BusinessClosure(date: date, closedUntil: secondsOfDay, reason: reason)
    }

    /// Whether the closure covers the whole date.
    public var isWholeDay: Bool { closedFrom == 0 && closedUntil == CivilCalendar.secondsPerDay }

    /// What is left of `hours` after this closure: the remaining hours, `.closed`, or `.split` when the closure
    /// would cut a piece out of the middle.
    func remaining(of hours: DailyHours) -> Remaining {
        if closedUntil <= hours.opens || closedFrom >= hours.closes { return .open(hours) }
        if closedFrom <= hours.opens && closedUntil >= hours.closes { return .closed }
        if closedFrom <= hours.opens { return .open(DailyHours(opens: closedUntil, closes: hours.closes)!) }
        if closedUntil >= hours.closes { return .open(DailyHours(opens: hours.opens, closes: closedFrom)!) }
        return .split
    }

    /// The effect of a closure on one day's hours.
    enum Remaining: Equatable {
        case open(DailyHours)
        case closed
        case split
    }

    private enum CodingKeys: String, CodingKey {
        case date
        case from
        case until
        case reason
    }

    /// Decodes `{"date", "from"?, "until"?, "reason"}` with `HH:MM` times.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let date = try container.decode(LocalDate.self, forKey: .date)
        let fromText = try container.decodeIfPresent(String.self, forKey: .from) ?? "00:00"
        let untilText = try container.decodeIfPresent(String.self, forKey: .until) ?? "24:00"
        let reason = try container.decodeIfPresent(String.self, forKey: .reason) ?? ""
        guard let from = DailyHours.secondsOfDay(fromText), let until = DailyHours.secondsOfDay(untilText),
            let closure = BusinessClosure(date: date, closedFrom: from, closedUntil: until, reason: reason)
        else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "Closure times '\(fromText)'–'\(untilText)' must be HH:MM with from before until."
                ))
        }
        self = closure
    }

    /// Encodes the closure, leaving out `from` and `until` when they are the ends of the day.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(date, forKey: .date)
        if closedFrom != 0 { try container.encode(DailyHours.text(secondsOfDay: closedFrom), forKey: .from) }
        if closedUntil != CivilCalendar.secondsPerDay {
            try container.encode(DailyHours.text(secondsOfDay: closedUntil), forKey: .until)
        }
        try container.encode(reason, forKey: .reason)
    }
}
