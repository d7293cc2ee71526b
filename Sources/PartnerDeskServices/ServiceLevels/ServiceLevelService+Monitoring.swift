import Foundation
import PartnerDeskDomain

/// What one delivery of monitoring alerts did.
public struct MonitoringReport: Sendable, Hashable {
    /// Outages opened by firing alerts.
    public var opened: [String] = []
    /// Outages closed by resolved alerts.
    public var closed: [String] = []
    /// Alerts already acted on (a repeat, or resolving an outage someone had closed).
    public var unchanged = 0
    /// Alerts about no known component, by name: they change nothing.
    public var unmatched: [String] = []
}

/// Outages opened and closed by monitoring (Prometheus Alertmanager's webhook): a firing alert opens an outage on
/// the component its labels name, the same alert resolved closes it, and a repeat changes nothing.
extension ServiceLevelService {
    public func receive(_ alerts: [MonitoringAlert], by principal: Principal) async throws -> MonitoringReport {
        try Authorization.require(principal, .manageOutages)
        let now = clock.now()
        let service = self
        return try await store.transaction { repositories in
            var report = MonitoringReport()
            let components = try await Self.components(in: repositories)
            for alert in alerts {
                guard let component = alert.component(in: components) else {
                    report.unmatched.append(alert.labels["alertname"] ?? alert.fingerprint)
                    continue
                }
                let existing = try await repositories.serviceLevels.find(alertKey: alert.key)
                switch (alert.status, existing) {
                case (.firing, nil), (.resolved, nil):
                    var outage = Outage(
                        id: .init(service.ids.make()), number: try await repositories.serviceLevels.nextOutageNumber(),
                        alert: alert, component: component, createdAt: now)
                    // A resolved alert nobody saw firing still records the downtime it reports.
                    if alert.status == .resolved, let end = alert.endsAt, end > outage.startedAt {
                        try outage.close(at: min(end, now))
                    }
                    try await repositories.serviceLevels.create(outage)
                    try await service.audit.append(
                        .change(
                            "outage.monitoring_open", by: principal, from: nil, to: outage, target: outage.reference),
                        in: repositories)
                    try await service.announce(outage, at: now, in: repositories)
                    report.opened.append(outage.reference)
                case (.resolved, .some(let before)) where before.endedAt == nil:
                    var outage = before
                    try outage.close(at: max(min(alert.endsAt ?? now, now), before.startedAt.addingTimeInterval(1)))
                    outage.updatedAt = now
                    outage.version += 1
                    try await repositories.serviceLevels.update(outage, expectedVersion: before.version)
                    try await service.audit.append(
                        .change(
                            "outage.monitoring_close", by: principal, from: before, to: outage, target: outage.reference
                        ),
                        in: repositories)
                    try await service.announce(outage, at: now, in: repositories)
                    report.closed.append(outage.reference)
                case (.firing, .some), (.resolved, .some):
                    report.unchanged += 1
                }
            }
            return report
        }
    }
}
