import Foundation

extension OperatingHours {
    /// The partner's hours of operation as a business calendar, for the HSSI deadlines that count only while the
    /// partner is at work.
    ///
    /// The calendar has the partner's weekly hours in its own zone. A partner closed on bank holidays is closed on
    /// those of `division` (England and Wales unless told otherwise), with `importedHolidays` replacing the rules
    /// for the years they cover, as in ``BusinessCalendar/init(spec:importedHolidays:tableYears:)``; a partner open
    /// on bank holidays keeps its weekly hours on every date. With ``alwaysOpen`` every second counts, so business
    /// time equals wall-clock time, clock changes included. Throws when the zone is unknown or no day has hours.
    ///
    /// ```swift
    /// let hours = try partner.hoursOfOperation.makeCalendar()
    /// HSSINotificationCompliance(occurredAt: occurred, notifiedAt: nil, hours: hours, now: now).deadline
    /// ```
    public func makeCalendar(
        division: Division = .englandAndWales, importedHolidays: [BankHoliday] = [],
        tableYears: ClosedRange<Int> = BusinessCalendar.defaultTableYears
    ) throws(BusinessCalendarError) -> BusinessCalendar {
        let spec = BusinessCalendarSpec(
            timeZoneIdentifier: timeZoneIdentifier, division: division, weeklyHours: weeklyHours)
        guard openOnBankHolidays else {
            return try BusinessCalendar(spec: spec, importedHolidays: importedHolidays, tableYears: tableYears)
        }
        guard let zone = TimeZone(identifier: timeZoneIdentifier) else {
            throw .unknownTimeZone(timeZoneIdentifier)
        }
        // Every year a date can have (LocalDate's range), so that instants outside the tables agree with them.
        let noHolidays = BankHolidayCalendar(division: division).withoutHolidays(in: 1...9999)
        return try BusinessCalendar(
            timeZone: zone, weeklyHours: weeklyHours, holidays: noHolidays, tableYears: tableYears)
    }
}
