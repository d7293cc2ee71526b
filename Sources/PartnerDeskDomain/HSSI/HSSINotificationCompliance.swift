import Foundation

/// Whether a partner told the platform about an HSSI in time.
///
/// The rule: the partner has 30 minutes from the moment the incident occurred, counted only within its hours of
/// operation. An incident that occurs while the partner is closed starts the 30 minutes at its next opening; time
/// while closed (nights, closed days, bank holidays it does not work) does not count. The calendar is the partner's
/// ``OperatingHours`` (see ``OperatingHours/makeCalendar(division:importedHolidays:tableYears:)``), so clock
/// changes are handled by its zone: with ``OperatingHours/alwaysOpen`` the deadline is 30 wall-clock minutes.
///
/// ```swift
/// let check = HSSINotificationCompliance(
///     occurredAt: hssi.occurredAt, notifiedAt: hssi.step(.notified)?.at, hours: calendar, now: now)
/// if case .overdue(let seconds) = check.timeliness { … }
/// ```
public struct HSSINotificationCompliance: Hashable, Sendable {
    /// The time allowed, in seconds of the partner's hours of operation.
    public static let allowedSeconds = 30 * 60

    /// When the incident occurred.
    public let occurredAt: Date
    /// When the 30 minutes began to count: the occurrence, or the next opening after it.
    public let countingFrom: Date
    /// The last instant at which notifying is still in time.
    public let deadline: Date
    /// When the partner notified the platform, if it has.
    public let notifiedAt: Date?
    /// In time, late (by how much), not yet due, or overdue at the instant judged.
    public let timeliness: HSSITimeliness
    /// How far past the deadline the notification came (or `now` is, when there is none yet), counting only the
    /// partner's hours of operation; 0 when not late.
    public let lateOperatingSeconds: Int

    /// Judges the notification at `now` against the partner's hours of operation.
    public init(occurredAt: Date, notifiedAt: Date?, hours: BusinessCalendar, now: Date) {
        self.occurredAt = occurredAt
        self.countingFrom = hours.nextOpening(atOrAfter: occurredAt)
        self.deadline = hours.due(from: occurredAt, businessSeconds: Self.allowedSeconds)
        self.notifiedAt = notifiedAt
        self.timeliness = HSSITimeliness(due: deadline, doneAt: notifiedAt, now: now)
        self.lateOperatingSeconds = hours.elapsed(from: deadline, to: notifiedAt ?? now)
    }
}

extension HigherSeverityIncident {
    /// How the primary partner's notification to the platform went, judged at `now` against its hours of
    /// operation.
    public func notificationCompliance(hours: BusinessCalendar, now: Date) -> HSSINotificationCompliance {
        HSSINotificationCompliance(occurredAt: occurredAt, notifiedAt: step(.notified)?.at, hours: hours, now: now)
    }
}
