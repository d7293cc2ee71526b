import Foundation
import PartnerDeskDomain
import Testing

/// The partner's 30 minutes to notify, counted within its hours of operation. London moves to BST on Sunday
/// 29 March 2026 and back to GMT on Sunday 25 October 2026, both at 01:00 UTC.
@Suite struct HSSINotificationTests {
    typealias F = HSSIFixture
    static let springChange = At.utc("2026-03-29T01:00:00Z")
    static let autumnChange = At.utc("2026-10-25T01:00:00Z")

    func deadline(_ occurred: String, _ calendar: BusinessCalendar) -> Date {
        HSSINotificationCompliance(
            occurredAt: At.utc(occurred), notifiedAt: nil, hours: calendar, now: At.utc(occurred)
        )
        .deadline
    }

    @Test(arguments: [springChange, autumnChange])
    func alwaysOpen_isThirtyWallClockMinutes_rightThroughAClockChange(change: Date) {
        for minutes in stride(from: -120, through: 120, by: 5) {
            let occurred = change.addingTimeInterval(Double(minutes * 60))
            let check = HSSINotificationCompliance(
                occurredAt: occurred, notifiedAt: nil, hours: F.alwaysOpen, now: occurred)
            #expect(check.deadline == occurred.addingTimeInterval(1800))
            #expect(check.countingFrom == occurred)
        }
        // 00:50 GMT becomes 02:20 BST; 01:45 BST becomes 01:15 GMT — still 30 minutes apart.
        #expect(deadline("2026-03-29T00:50:00Z", F.alwaysOpen) == At.utc("2026-03-29T01:20:00Z"))
        #expect(deadline("2026-10-25T00:45:00Z", F.alwaysOpen) == At.utc("2026-10-25T01:15:00Z"))
    }

    @Test(arguments: [
        // Friday 16:50 GMT: 10 minutes on Friday, 20 on Monday, which opens at 09:00 BST (08:00 UTC).
        ("2026-03-27T16:50:00Z", "2026-03-27T16:50:00Z", "2026-03-30T08:20:00Z"),
        // Friday 16:45 BST: 15 minutes on Friday, 15 on Monday, which opens at 09:00 GMT.
        ("2026-10-23T15:45:00Z", "2026-10-23T15:45:00Z", "2026-10-26T09:15:00Z"),
        // Saturday before the spring change: the whole 30 minutes from Monday's opening.
        ("2026-03-28T12:00:00Z", "2026-03-30T08:00:00Z", "2026-03-30T08:30:00Z"),
        // In the hour that happens twice in October.
        ("2026-10-25T01:30:00Z", "2026-10-26T09:00:00Z", "2026-10-26T09:30:00Z"),
        // Before opening on a weekday in summer: 08:59 BST.
        ("2026-06-10T07:59:00Z", "2026-06-10T08:00:00Z", "2026-06-10T08:30:00Z"),
        // Used up exactly at closing: due at 17:00, not at the next opening.
        ("2026-11-20T16:30:00Z", "2026-11-20T16:30:00Z", "2026-11-20T17:00:00Z"),
    ])
    func officeHours_countOnlyMondayToFridayNineToFive(occurred: String, counting: String, due: String) {
        let check = HSSINotificationCompliance(
            occurredAt: At.utc(occurred), notifiedAt: nil, hours: F.office, now: At.utc(occurred))
        #expect(check.countingFrom == At.utc(counting))
        #expect(check.deadline == At.utc(due))
        #expect(check.timeliness == .pending)
    }

    @Test(arguments: [
        // Christmas Eve 16:45: Christmas Day, the weekend and the Boxing Day substitute (Monday 28th) are closed.
        ("2026-12-24T16:45:00Z", "2026-12-29T09:15:00Z"),
        // Thursday before Easter, 16:40 BST: Good Friday and Easter Monday are closed.
        ("2026-04-02T15:40:00Z", "2026-04-07T08:10:00Z"),
        // On the Early May bank holiday itself.
        ("2026-05-04T10:00:00Z", "2026-05-05T08:30:00Z"),
    ])
    func bankHolidays_areClosed_forAPartnerThatDoesNotWorkThem(occurred: String, due: String) {
        #expect(deadline(occurred, F.office) == At.utc(due))
    }

    @Test func aPartnerOpenOnBankHolidays_countsThemAsOrdinaryWeekdays() throws {
        let hours = OperatingHours(weeklyHours: F.officeHours.weeklyHours, openOnBankHolidays: true)
        let calendar = try hours.makeCalendar(tableYears: 2026...2026)
        #expect(deadline("2026-12-24T16:45:00Z", calendar) == At.utc("2026-12-25T09:15:00Z"))
        #expect(deadline("2026-04-02T15:40:00Z", calendar) == At.utc("2026-04-03T08:10:00Z"))
        // Outside the precomputed years the answer is the same kind: Christmas 2030 is a Wednesday.
        #expect(deadline("2030-12-24T16:45:00Z", calendar) == At.utc("2030-12-25T09:15:00Z"))
    }

    @Test func thePartnersOwnZone_decidesItsHours() throws {
        let hours = OperatingHours(
            weeklyHours: F.officeHours.weeklyHours, timeZoneIdentifier: "Asia/Kolkata", openOnBankHolidays: true)
        // Monday 08:50 in India (UTC+05:30): the desk opens at 09:00, 03:30 UTC.
        #expect(
            deadline("2026-11-23T03:20:00Z", try hours.makeCalendar(tableYears: 2026...2026))
                == At.utc("2026-11-23T04:00:00Z"))
    }

    @Test func hoursThatCannotMakeACalendar_areReported() {
        let unknownZone = OperatingHours(
            weeklyHours: .always, timeZoneIdentifier: "Mars/Olympus", openOnBankHolidays: true)
        #expect(throws: BusinessCalendarError.unknownTimeZone("Mars/Olympus")) { try unknownZone.makeCalendar() }
        let closedOnHolidays = OperatingHours(
            weeklyHours: .always, timeZoneIdentifier: "Mars/Olympus", openOnBankHolidays: false)
        #expect(throws: BusinessCalendarError.unknownTimeZone("Mars/Olympus")) { try closedOnHolidays.makeCalendar() }
        let never = OperatingHours(weeklyHours: WeeklyHours([:]), openOnBankHolidays: true)
        #expect(throws: BusinessCalendarError.noOpeningHours) { try never.makeCalendar() }
    }

    @Test func notifyingAtTheDeadline_isInTime_andASecondLaterIsLate() {
        let occurred = At.utc("2026-11-20T16:30:00Z")
        let deadline = At.utc("2026-11-20T17:00:00Z")
        func judged(notified: Date?, now: Date) -> HSSINotificationCompliance {
            HSSINotificationCompliance(occurredAt: occurred, notifiedAt: notified, hours: F.office, now: now)
        }
        #expect(judged(notified: deadline.addingTimeInterval(-1), now: deadline).timeliness == .inTime)
        #expect(judged(notified: deadline, now: deadline).timeliness == .inTime)
        let late = judged(notified: deadline.addingTimeInterval(1), now: deadline.addingTimeInterval(1))
        #expect(late.timeliness == .late(bySeconds: 1))
        // Friday 17:00:01 is after closing, so no operating time has been lost yet.
        #expect(late.lateOperatingSeconds == 0)
        // Monday 09:10: 2 days 16 hours 10 minutes late on the wall clock, 10 minutes of the partner's hours.
        let monday = At.utc("2026-11-23T09:10:00Z")
        let notifiedMonday = judged(notified: monday, now: monday.addingTimeInterval(3600))
        #expect(notifiedMonday.timeliness == .late(bySeconds: 231_000))
        #expect(notifiedMonday.lateOperatingSeconds == 600)
        #expect(notifiedMonday.timeliness.isMissed && notifiedMonday.timeliness.isDone)
    }

    @Test func withoutANotification_itIsPendingUntilTheDeadline_thenOverdue() {
        let occurred = At.utc("2026-11-20T16:30:00Z")
        let deadline = At.utc("2026-11-20T17:00:00Z")
        func judged(_ now: Date) -> HSSINotificationCompliance {
            HSSINotificationCompliance(occurredAt: occurred, notifiedAt: nil, hours: F.office, now: now)
        }
        #expect(judged(deadline.addingTimeInterval(-1)).timeliness == .pending)
        #expect(judged(deadline).timeliness == .pending)
        #expect(judged(deadline.addingTimeInterval(1)).timeliness == .overdue(bySeconds: 1))
        let monday = judged(At.utc("2026-11-23T09:10:00Z"))
        #expect(monday.timeliness == .overdue(bySeconds: 231_000))
        #expect(monday.lateOperatingSeconds == 600)
        #expect(!monday.timeliness.isDone)
        #expect(judged(deadline).lateOperatingSeconds == 0)
    }

    @Test func theRecord_judgesItsOwnNotificationStep() throws {
        var hssi = F.declared(occurredAt: At.utc("2026-03-27T16:50:00Z"), now: At.utc("2026-03-27T16:55:00Z"))
        let weekend = At.utc("2026-03-28T10:00:00Z")
        #expect(hssi.notificationCompliance(hours: F.office, now: weekend).timeliness == .pending)
        try hssi.record(.identify, at: At.utc("2026-03-30T08:05:00Z"), by: F.dana, now: At.utc("2026-03-30T08:25:00Z"))
        try hssi.record(
            .notifyPlatform, at: At.utc("2026-03-30T08:25:00Z"), by: F.dana, now: At.utc("2026-03-30T08:25:00Z"))
        let judged = hssi.notificationCompliance(hours: F.office, now: At.utc("2026-03-30T09:00:00Z"))
        #expect(judged.deadline == At.utc("2026-03-30T08:20:00Z"))
        #expect(judged.notifiedAt == At.utc("2026-03-30T08:25:00Z"))
        #expect(judged.timeliness == .late(bySeconds: 300))
        #expect(judged.lateOperatingSeconds == 300)
    }
}
