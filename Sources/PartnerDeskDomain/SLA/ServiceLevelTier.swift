import Foundation

/// A service level that partners buy: availability, data protection and resolution targets, as data.
///
/// The rules: incident resolution targets are business seconds on the tier's business support calendar (the Silver
/// tier's are 4, 8, 20, 80 and 200 business hours for severities 1 to 5); problem fix targets are working days after
/// the day the problem was raised (30, 60, 120, 240 and 360), due at the close of that day. ``silver`` is built in and
/// is the default; other tiers come from a configuration document (see ``ServiceLevelTierConfiguration``).
///
/// ```swift
/// let tier = ServiceLevelTier.silver
/// let calendar = try tier.makeCalendar()
/// tier.incidentDue(openedAt: opened, severity: .two, calendar: calendar)    // 8 business hours later
/// tier.problemFixDue(raisedAt: raised, severity: .one, calendar: calendar)  // 30 working days later, 18:00
/// ```
public struct ServiceLevelTier: Sendable, Hashable, Identifiable {
    /// A short stable identifier, for example `silver`.
    public let id: String
    /// The name shown to people, for example `Silver`.
    public let name: String
    /// When the service itself runs, as words (for example `24x365`).
    public let operationalHours: String
    /// The calendar incident and problem targets are counted on.
    public let businessCalendar: BusinessCalendarSpec
    /// The availability target per reporting period, in percent (for example 99.5).
    public let availabilityTargetPercent: Double
    /// The downtime allowed per month, in minutes.
    public let monthlyDowntimeAllowanceMinutes: Int
    /// How often service levels are reported.
    public let reportingPeriod: ReportingPeriod
    /// The oldest a service request may get, in months.
    public let serviceRequestMaximumAgeMonths: Int
    /// The most data that may be lost in a recovery, in hours.
    public let recoveryPointObjectiveHours: Int
    /// Whether disaster recovery comes with the tier.
    public let disasterRecovery: DisasterRecoveryOption
    /// Incident resolution targets per severity, in business seconds.
    public let incidentResolutionSeconds: PerSeverity<Int>
    /// Problem fix targets per severity, in working days.
    public let problemFixWorkingDays: PerSeverity<Int>

    /// Creates a tier; ``ServiceLevelTierConfiguration`` validates tiers that come from outside.
    public init(
        id: String,
        name: String,
        operationalHours: String,
        businessCalendar: BusinessCalendarSpec,
        availabilityTargetPercent: Double,
        monthlyDowntimeAllowanceMinutes: Int,
        reportingPeriod: ReportingPeriod,
        serviceRequestMaximumAgeMonths: Int,
        recoveryPointObjectiveHours: Int,
        disasterRecovery: DisasterRecoveryOption,
        incidentResolutionSeconds: PerSeverity<Int>,
        problemFixWorkingDays: PerSeverity<Int>
    ) {
        self.id = id
        self.name = name
        self.operationalHours = operationalHours
        self.businessCalendar = businessCalendar
        self.availabilityTargetPercent = availabilityTargetPercent
        self.monthlyDowntimeAllowanceMinutes = monthlyDowntimeAllowanceMinutes
        self.reportingPeriod = reportingPeriod
        self.serviceRequestMaximumAgeMonths = serviceRequestMaximumAgeMonths
        self.recoveryPointObjectiveHours = recoveryPointObjectiveHours
        self.disasterRecovery = disasterRecovery
        self.incidentResolutionSeconds = incidentResolutionSeconds
        self.problemFixWorkingDays = problemFixWorkingDays
    }

    /// The Silver tier: 24x365 operation, 99.5 % monthly availability (58 minutes' downtime), service requests
    /// at most 3 months old, a 24-hour recovery point, disaster recovery as a bolt-on, and UK office-hours targets.
    public static let silver = ServiceLevelTier(
        id: "silver",
        name: "Silver",
        operationalHours: "24x365",
        businessCalendar: .ukOfficeHours,
        availabilityTargetPercent: 99.5,
        monthlyDowntimeAllowanceMinutes: 58,
        reportingPeriod: .monthly,
        serviceRequestMaximumAgeMonths: 3,
        recoveryPointObjectiveHours: 24,
        disasterRecovery: .optionalBoltOn,
        incidentResolutionSeconds: PerSeverity(4 * 3600, 8 * 3600, 20 * 3600, 80 * 3600, 200 * 3600),
        problemFixWorkingDays: PerSeverity(30, 60, 120, 240, 360))

    /// The tier used when nothing else is configured: Silver.
    public static let `default` = silver

    /// Builds the tier's business support calendar, with the given holidays imported for its division.
    public func makeCalendar(importedHolidays: [BankHoliday] = []) throws(BusinessCalendarError) -> BusinessCalendar {
        if businessCalendar == .ukOfficeHours && importedHolidays.isEmpty { return .ukOfficeHours }
        return try BusinessCalendar(spec: businessCalendar, importedHolidays: importedHolidays)
    }

    /// When an incident of a severity opened at an instant must be resolved.
    public func incidentDue(openedAt instant: Date, severity: Severity, calendar: BusinessCalendar) -> Date {
        calendar.due(from: instant, businessSeconds: incidentResolutionSeconds[severity])
    }

    /// The working day (and its closing instant) by which a problem of a severity raised at an instant must be fixed.
    public func problemFixDue(raisedAt instant: Date, severity: Severity, calendar: BusinessCalendar) -> WorkingDayDue {
        calendar.addWorkingDays(problemFixWorkingDays[severity], to: instant)
    }
}
