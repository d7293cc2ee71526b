import Foundation

@testable import PartnerDeskDomain

/// Shared calendars, built once for the whole test run.
enum Calendars {
    static let london = TimeZone(identifier: "Europe/London")!
    static let englandAndWales = BusinessCalendar.ukOfficeHours
    static let scotland = try! BusinessCalendar(spec: BusinessCalendarSpec(division: .scotland))
    /// England and Wales rules but with tables only for 2020–2022, so most instants take the slow path.
    static let narrowTable = try! BusinessCalendar(spec: .ukOfficeHours, tableYears: 2020...2022)
}
