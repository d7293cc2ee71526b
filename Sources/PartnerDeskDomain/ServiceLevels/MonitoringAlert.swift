import Foundation

/// One alert as monitoring (Prometheus Alertmanager) reports it: firing or resolved, its labels, and when it
/// started and ended. An alert is known by its fingerprint and start, so a repeat changes nothing.
public struct MonitoringAlert: Hashable, Sendable {
    public enum Status: String, Sendable, Hashable {
        case firing
        case resolved
    }

    public var status: Status
    /// Alertmanager's fingerprint of the alert's labels.
    public var fingerprint: String
    public var labels: [String: String]
    public var annotations: [String: String]
    public var startsAt: Date
    /// When it resolved (Alertmanager sends a zero or future time while firing).
    public var endsAt: Date?

    public init(
        status: Status, fingerprint: String, labels: [String: String], annotations: [String: String], startsAt: Date,
        endsAt: Date?
    ) {
        self.status = status
        self.fingerprint = fingerprint
        self.labels = labels
        self.annotations = annotations
        self.startsAt = startsAt
        self.endsAt = endsAt
    }

    /// The key an outage opened by this alert keeps: the fingerprint and the start, so the same alert firing
    /// again later opens a new outage but a repeated delivery does not.
    public var key: String { "\(fingerprint)@\(ISO8601Instant.string(from: startsAt))" }

    /// The first component the alert is about, by its labels.
    public func component(in components: [ServiceComponent]) -> ServiceComponent? {
        components.first { $0.matches(labels: labels) }
    }

    /// `degraded` when the alert's `impact` label says so, or its `severity` is `warning`; otherwise `down`.
    public var impact: OutageImpact {
        if let impact = labels["impact"].flatMap(OutageImpact.init(rawValue:)) { return impact }
        return labels["severity"] == "warning" ? .degraded : .down
    }

    /// What partners read about an outage monitoring opened, until someone writes better words.
    public func publicSummary(for component: ServiceComponent) -> String {
        impact == .down
            ? "\(component.name) is not available. We are working on it."
            : "\(component.name) is slower than usual or failing for some people. We are working on it."
    }

    /// For staff: the alert's name and its own words.
    public var internalNotes: String {
        let name = labels["alertname"] ?? "An alert"
        let words = annotations["summary"] ?? annotations["description"]
        return "Opened by monitoring: \(name)" + (words.map { ": \($0)" } ?? "") + "."
    }
}
