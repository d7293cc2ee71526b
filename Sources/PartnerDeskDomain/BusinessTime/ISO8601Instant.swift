import Foundation

/// Reads and writes UTC instants in the ISO 8601 form used on the command line, without a formatter per call.
///
/// Accepted: `YYYY-MM-DDTHH:MM:SS`, then optionally a fraction (`.` or `,` and digits), then `Z` or an offset
/// `±HH:MM` (`T` and `Z` may be lower case). The rule for fractions: they are accepted and dropped, so the instant is
/// rounded down to its whole second, as everywhere in the calendar. Written form: `2026-11-26T14:00:00Z`.
///
/// ```swift
/// ISO8601Instant.epochSeconds(from: "2026-11-26T14:00:00+01:00")   // 1795698000 (13:00 UTC)
/// ISO8601Instant.string(fromEpochSeconds: 1795698000)               // "2026-11-26T13:00:00Z"
/// ```
public enum ISO8601Instant {
    /// Parses an instant into whole UTC seconds since 1970, or throws with the reason it is not one.
    public static func parse(_ text: Substring) throws(ISO8601InstantError) -> Int {
        let result =
            text.utf8.withContiguousStorageIfAvailable { parse(bytes: $0) }
            ?? Array(text.utf8).withUnsafeBufferPointer { parse(bytes: $0) }
        switch result {
        case .success(let seconds): return seconds
        case .failure(let error): throw error
        }
    }

    /// Parses an instant into whole UTC seconds since 1970; `nil` when it is not one.
    public static func epochSeconds(from text: String) -> Int? {
        try? parse(text[...])
    }

    /// Parses an instant into a `Date` (whole seconds); `nil` when it is not one.
    public static func date(from text: String) -> Date? {
        epochSeconds(from: text).map(EpochSeconds.date)
    }

    /// Writes whole UTC seconds since 1970 as `YYYY-MM-DDTHH:MM:SSZ`.
    public static func string(fromEpochSeconds seconds: Int) -> String {
        let day = CivilCalendar.floorDivide(seconds, CivilCalendar.secondsPerDay)
        let secondOfDay = seconds - day * CivilCalendar.secondsPerDay
        let (year, month, dayOfMonth) = CivilCalendar.civil(fromDays: day)
        guard (0...9999).contains(year) else {
            return "\(year)-\(two(month))-\(two(dayOfMonth))T\(two(secondOfDay / 3600)):"
                + "\(two(secondOfDay % 3600 / 60)):\(two(secondOfDay % 60))Z"
        }
        return String(unsafeUninitializedCapacity: 20) { buffer in
            func put(_ value: Int, _ width: Int, at offset: Int) {
                var value = value
                for index in stride(from: offset + width - 1, through: offset, by: -1) {
                    buffer[index] = UInt8(truncatingIfNeeded: 48 + value % 10)
                    value /= 10
                }
            }
            put(year, 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            put(month, 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            put(dayOfMonth, 2, at: 8)
            buffer[10] = UInt8(ascii: "T")
            put(secondOfDay / 3600, 2, at: 11)
            buffer[13] = UInt8(ascii: ":")
            put(secondOfDay % 3600 / 60, 2, at: 14)
            buffer[16] = UInt8(ascii: ":")
            put(secondOfDay % 60, 2, at: 17)
            buffer[19] = UInt8(ascii: "Z")
            return 20
        }
    }

    /// Writes a `Date` (rounded down to its whole second) as `YYYY-MM-DDTHH:MM:SSZ`.
    public static func string(from date: Date) -> String {
        string(fromEpochSeconds: EpochSeconds.of(date))
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Result<Int, ISO8601InstantError> {
        func fail(_ reason: String) -> Result<Int, ISO8601InstantError> {
            .failure(ISO8601InstantError(text: String(decoding: bytes, as: UTF8.self), reason: reason))
        }
        func digits(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for index in start..<(start + count) {
                let digit = Int(bytes[index]) - 48
                guard digit >= 0, digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        func byte(_ index: Int) -> UInt8 { index < bytes.count ? bytes[index] : 0 }

        let shape = "expected a date and time such as 2026-11-26T14:00:00Z"
        guard let year = digits(0, 4), byte(4) == UInt8(ascii: "-"), let month = digits(5, 2),
            byte(7) == UInt8(ascii: "-"), let day = digits(8, 2),
            byte(10) == UInt8(ascii: "T") || byte(10) == UInt8(ascii: "t"),
            let hour = digits(11, 2), byte(13) == UInt8(ascii: ":"), let minute = digits(14, 2),
            byte(16) == UInt8(ascii: ":"), let second = digits(17, 2)
        else { return fail(shape) }
        guard year >= 1 else { return fail("year 0000 is not supported") }
        guard (1...12).contains(month) else { return fail("month \(month) is out of range 01-12") }
        guard day >= 1, day <= LocalDate.daysInMonth(year: year, month: month) else {
            return fail("day \(day) does not exist in \(year)-\(two(month))")
        }
        guard hour <= 23 else { return fail("hour \(hour) is out of range 00-23") }
        guard minute <= 59 else { return fail("minute \(minute) is out of range 00-59") }
        guard second <= 59 else { return fail("second \(second) is out of range 00-59") }
        var index = 19
        if byte(index) == UInt8(ascii: ".") || byte(index) == UInt8(ascii: ",") {
            index += 1
            let first = index
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
            guard index > first else { return fail("a fraction of a second needs at least one digit") }
        }
        var offset = 0
        switch byte(index) {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard let offsetHours = digits(index + 1, 2), byte(index + 3) == UInt8(ascii: ":"),
                let offsetMinutes = digits(index + 4, 2)
            else { return fail("the offset must be written ±HH:MM") }
            guard offsetHours <= 23, offsetMinutes <= 59 else { return fail("the offset is out of range") }
            offset = (offsetHours * 3600 + offsetMinutes * 60) * (byte(index) == UInt8(ascii: "-") ? -1 : 1)
            index += 6
        case 0:
            return fail("the zone is missing: end with Z or an offset such as +01:00")
        default:
            return fail(shape)
        }
        guard index == bytes.count else { return fail("unexpected text after the zone") }
        let days = CivilCalendar.days(year: year, month: month, day: day)
        return .success(days * CivilCalendar.secondsPerDay + hour * 3600 + minute * 60 + second - offset)
    }
}
