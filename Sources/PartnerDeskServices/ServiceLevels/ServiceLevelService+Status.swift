import Foundation
import PartnerDeskDomain

/// The public service status: what everyone may know, with no sign-in.
public struct PublicStatus: Sendable, Hashable {
    public struct Component: Sendable, Hashable {
        public var component: ServiceComponent
        public var state: ComponentState
        /// The last 90 days, oldest first.
        public var days: [ComponentStatus.Day]
        /// This month's availability in business support hours so far.
        public var month: AvailabilityMeasure
    }

    public var components: [Component]
    /// Outages still open, and those that ended in the last 7 days, newest first: public summaries only.
    public var outages: [Outage]
    /// Announced maintenance under way or to come, soonest first.
    public var maintenance: [MaintenanceWindow]
    /// Announced maintenance of the last 90 days and to come, for feeds.
    public var allMaintenance: [MaintenanceWindow]
    public var asOf: Date
}

extension ServiceLevelService {
    /// The days the status page shows per component.
    public static let statusDays = 90

    /// The service's status now, as everyone may read it: no internal notes, no partner named, no links to
    /// records, no maintenance before it is announced.
    public func publicStatus() async throws -> PublicStatus {
        let now = clock.now()
        let repositories = store.repositories
        let today = calendar.localDate(of: now)
        let month = ReportingMonth(containing: today)
        let since = min(calendar.startOfDay(today.adding(days: -Self.statusDays)), calendar.interval(of: month).start)
        let period = DateInterval(start: since, end: now.addingTimeInterval(366 * 86_400))
        let outages = try await repositories.serviceLevels.outages(overlapping: DateInterval(start: since, end: now))
        let windows = try await repositories.serviceLevels.maintenance(overlapping: period)
            .filter { $0.announcedAt != nil }
        let components = try await Self.components(in: repositories).map { component in
            let mine = outages.filter { $0.component == component.code }
            return PublicStatus.Component(
                component: component,
                state: ComponentStatus.state(of: component.code, outages: mine, maintenance: windows, at: now),
                days: ComponentStatus.days(
                    Self.statusDays, of: component.code, outages: mine, maintenance: windows, calendar: calendar,
                    now: now),
                month: Availability.measure(
                    month: month, tier: platformTier, calendar: calendar, outages: mine, maintenance: windows,
                    partner: nil, now: now))
        }
        let recent = outages.filter { ($0.endedAt ?? now) >= now.addingTimeInterval(-7 * 86_400) }
            .sorted { $0.startedAt > $1.startedAt }.map(\.publicView)
        return PublicStatus(
            components: components, outages: recent, maintenance: windows.filter { $0.endsAt > now },
            allMaintenance: windows, asOf: now)
    }
}

extension Outage {
    /// The outage as everyone may read it: its component, times, impact and public summary.
    var publicView: Outage {
        var outage = self
        outage.affectedPartners = []
        outage.internalNotes = nil
        outage.incidents = []
        outage.hssis = []
        outage.alertKey = nil
        return outage
    }
}
