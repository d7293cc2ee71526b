import Foundation
import Logging
import PartnerDeskDomain

/// Announces SLA warnings (half and three quarters of the target used) and breaches to the group working
/// on the incident and the service managers, once each.
///
/// Every incident stores the instant of its next threshold (``IncidentSchedule/nextEscalationAt``), so a tick
/// reads only the incidents whose moment has come, from the database: a server restarted one second before a
/// threshold still announces it. Each announcement is recorded under a unique key (incident, threshold,
/// target) in the same transaction as its messages, so two servers ticking together announce it once, and a
/// new target after a severity change is announced afresh.
public struct EscalationService: Sendable {
    let store: any UnitOfWork
    let catalog: ServiceLevelCatalog
    let planner: NotificationPlanner
    let logger: Logger
    /// Incidents per read.
    let batch = 100

    public init(store: any UnitOfWork, catalog: ServiceLevelCatalog, planner: NotificationPlanner, logger: Logger) {
        self.store = store
        self.catalog = catalog
        self.planner = planner
        self.logger = logger
    }

    /// Announces every threshold reached by `now`; returns how many announcements were made.
    public func tick(now: Date) async throws -> Int {
        var announced = 0
        var seen: Set<Incident.ID> = []
        while true {
            let due = try await store.repositories.incidents.dueForEscalation(at: now, limit: batch)
                .filter { !seen.contains($0.id) }
            if due.isEmpty { break }
            for incident in due {
                seen.insert(incident.id)
                announced += try await escalate(incident.id, now: now)
            }
        }
        return announced
    }

    /// Re-reads the incident in a transaction and announces what it has reached and nobody announced yet.
    private func escalate(_ id: Incident.ID, now: Date) async throws -> Int {
        let catalog = self.catalog
        let planner = self.planner
        return try await store.transaction { repositories in
            guard let incident = try await repositories.incidents.find(id: id),
                let partner = try await repositories.partners.find(id: incident.partnerID)
            else { return 0 }
            guard let status = incident.sla(at: now, calendar: catalog.calendar(partner.tierID)) else {
                try await repositories.incidents.setNextEscalation(id, at: nil)
                return 0
            }
            var announced = 0
            if incident.clock.phase == .running {
                let reached = status.crossedWarningThresholds + (status.state == .breached ? [1] : [])
                for threshold in reached {
                    guard let event = IncidentNotice.Event.sla(threshold: threshold) else { continue }
                    let recorded = try await repositories.outbox.recordEscalation(
                        incidentID: id, percent: Int((threshold * 100).rounded()), targetSeconds: status.targetSeconds,
                        at: now)
                    guard recorded else { continue }
                    try await planner.plan(
                        event, incident: incident, partner: partner, note: nil, at: now, due: status.due,
                        repositories: repositories)
                    announced += 1
                }
            }
            let upcoming = Self.thresholdInstants(status, running: incident.clock.phase == .running).filter { $0 > now }
            try await repositories.incidents.setNextEscalation(id, at: upcoming.min())
            return announced
        }
    }

    /// The earliest threshold instant (a warning or the breach) of a running clock, passed or not: the
    /// tick that reaches it announces what is new and moves on to the next one.
    static func next(_ status: SLAStatus, running: Bool) -> Date? {
        thresholdInstants(status, running: running).min()
    }

    /// Warnings are reached at their instant; a breach one second after the due instant, since a clock that
    /// stops exactly at its due instant has met its target.
    private static func thresholdInstants(_ status: SLAStatus, running: Bool) -> [Date] {
        guard running else { return [] }
        return status.warnings.compactMap(\.reachedAt) + [status.due?.addingTimeInterval(1)].compactMap { $0 }
    }
}
