import Foundation
import PartnerDeskDomain

/// An outage as sent, the document's `OutageReport`; the Domain's draft checks it.
struct OutageReportBody: Codable, Hashable, Sendable {
    var component: String?
    var startedAt: String?
    var endedAt: String?
    var impact: String?
    var maintenance: String?
    var partners: [String]?
    var incidents: [String]?
    var hssis: [String]?
    var publicSummary: String?
    var internalNotes: String?

    var draft: OutageDraft {
        OutageDraft(
            component: component, startedAt: startedAt, endedAt: endedAt, impact: impact, maintenance: maintenance,
            partners: partners, incidents: incidents, hssis: hssis, publicSummary: publicSummary,
            internalNotes: internalNotes)
    }
}

/// When an outage ended, the document's `OutageEnd`.
struct OutageEndBody: Codable, Hashable, Sendable {
    var endedAt: String?
}

/// A maintenance window as sent, the document's `MaintenancePlan`.
struct MaintenancePlanBody: Codable, Hashable, Sendable {
    var components: [String]?
    var startsAt: String?
    var endsAt: String?
    var partners: [String]?
    var summary: String?

    var draft: MaintenanceDraft {
        MaintenanceDraft(
            components: components, startsAt: startsAt, endsAt: endsAt, partners: partners, summary: summary)
    }
}

/// Alertmanager's webhook payload, the document's `AlertmanagerNotification`. Only the alerts are read; keys a
/// later version adds are ignored.
struct AlertmanagerBody: Codable, Hashable, Sendable {
    var version: String?
    var status: String?
    var receiver: String?
    var groupKey: String?
    var truncatedAlerts: Int?
    var groupLabels: [String: String]?
    var commonLabels: [String: String]?
    var commonAnnotations: [String: String]?
    var externalURL: String?
    var alerts: [AlertmanagerAlertBody]?

    /// The alerts, each checked; every bad one is named at once.
    func monitoringAlerts() throws(ValidationFailure) -> [MonitoringAlert] {
        var issues: [ValidationIssue] = []
        var alerts: [MonitoringAlert] = []
        for (index, alert) in (self.alerts ?? []).enumerated() {
            let field = "alerts[\(index)]"
            let status = alert.status.flatMap(MonitoringAlert.Status.init(rawValue:))
            if status == nil {
                issues.append(
                    .init(field: "\(field).status", code: "invalid_value", message: "Give firing or resolved."))
            }
            let start = alert.startsAt.flatMap(ISO8601Instant.date(from:))
            if start == nil {
                issues.append(
                    .init(
                        field: "\(field).startsAt", code: "invalid_format",
                        message: "Give the start as an RFC 3339 time."))
            }
            let fingerprint = alert.fingerprint?.trimmingCharacters(in: .whitespaces) ?? ""
            if fingerprint.isEmpty || fingerprint.count > 128 || fingerprint.contains(where: \.isWhitespace) {
                issues.append(
                    .init(
                        field: "\(field).fingerprint", code: "invalid_value",
                        message: "Give Alertmanager's fingerprint."))
            }
            guard let status, let start, issues.isEmpty else { continue }
            // While an alert fires Alertmanager sends a zero time or one ahead: only an end after the start counts.
            let end = alert.endsAt.flatMap(ISO8601Instant.date(from:)).flatMap { $0 > start ? $0 : nil }
            alerts.append(
                MonitoringAlert(
                    status: status, fingerprint: fingerprint, labels: alert.labels ?? [:],
                    annotations: alert.annotations ?? [:], startsAt: start, endsAt: end))
        }
        if self.alerts == nil { issues.append(.init(field: "alerts", code: "required", message: "Send the alerts.")) }
        guard issues.isEmpty else { throw ValidationFailure(issues) }
        return alerts
    }
}

/// One alert of Alertmanager's payload, the document's `AlertmanagerAlert`.
struct AlertmanagerAlertBody: Codable, Hashable, Sendable {
    var status: String?
    var labels: [String: String]?
    var annotations: [String: String]?
    var startsAt: String?
    var endsAt: String?
    var generatorURL: String?
    var fingerprint: String?
}

/// The components as an administrator sends them, the document's `ComponentList`.
struct ComponentListBody: Codable, Hashable, Sendable {
    var components: [ComponentPlanBody]?
}

/// One component as sent, the document's `ComponentPlan`.
struct ComponentPlanBody: Codable, Hashable, Sendable {
    var code: String?
    var name: String?
    var description: String?
    var alertLabels: [String: String]?

    var draft: ServiceComponentDraft {
        ServiceComponentDraft(code: code, name: name, description: description, alertLabels: alertLabels)
    }
}
