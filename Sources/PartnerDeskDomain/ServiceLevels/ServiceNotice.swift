import Foundation

/// An e-mail (and, for partners, a webhook call) about the service's availability: an outage starting and
/// ending, maintenance announced, and, for service managers, a warning that the month's downtime allowance is
/// going. Partners' messages carry only the public summary: never internal notes or staff names.
public struct ServiceNotice: Sendable, Hashable {
    public enum Kind: String, CaseIterable, Sendable, Hashable {
        case outageStarted = "service.outage_started"
        case outageResolved = "service.outage_resolved"
        case maintenanceAnnounced = "service.maintenance_announced"
        case allowanceWarning = "service.allowance_warning"
        case reportIssued = "service.report_issued"

        public var label: String {
            switch self {
            case .outageStarted: "A component of the service is down or degraded"
            case .outageResolved: "A component of the service has recovered"
            case .maintenanceAnnounced: "Planned maintenance is announced"
            case .allowanceWarning: "A month's downtime allowance is going"
            case .reportIssued: "A monthly service report is issued or revised"
            }
        }
    }

    /// What partners' systems receive in a webhook call.
    public struct Data: Hashable, Sendable, Encodable {
        public struct OutageData: Hashable, Sendable, Encodable {
            public var reference: String
            public var component: String
            public var componentName: String
            /// `down` or `degraded`.
            public var impact: String
            public var startedAt: String
            public var endedAt: String?
            public var summary: String
            public var url: String
        }

        public struct MaintenanceData: Hashable, Sendable, Encodable {
            public var reference: String
            public var components: [String]
            public var startsAt: String
            public var endsAt: String
            public var summary: String
            public var url: String
        }

        public struct ReportData: Hashable, Sendable, Encodable {
            public var month: String
            public var edition: Int
            /// The figures that changed since the edition before (none for a first edition).
            public var changes: Int
            public var url: String
        }

        public var outage: OutageData?
        public var maintenance: MaintenanceData?
        public var report: ReportData?
    }

    public var kind: Kind
    public var subject: String
    public var content: EmailContent
    public var data: Data

    /// The webhook body for one delivery of the notice.
    public func webhookBody(deliveryID: UUID, occurredAt: Date) -> Foundation.Data {
        WebhookEnvelope.body(event: .service(kind), data: data, deliveryID: deliveryID, occurredAt: occurredAt)
    }

    /// An outage started (or monitoring opened one), or it recovered.
    public static func outage(_ outage: Outage, component: ServiceComponent, link: String) -> ServiceNotice {
        let ended = outage.endedAt
        let state = outage.impact == .down ? "down" : "degraded"
        var blocks: [EmailContent.Block] = [
            .paragraph(
                ended == nil
                    ? "\(component.name) has been \(state) since \(NotificationComposer.londonTime(outage.startedAt))."
                    : "\(component.name) has recovered: it was \(state) from "
                        + "\(NotificationComposer.londonTime(outage.startedAt)) to \(NotificationComposer.londonTime(ended!))."
            ),
            .section(heading: "What you may notice", text: outage.publicSummary),
            .facts([.init("Outage", outage.reference), .init("Component", component.name)]),
            .action(label: "See the service status", link: link),
        ]
        if ended == nil {
            blocks.insert(.paragraph("We will tell you when it has recovered."), at: 2)
        }
        return ServiceNotice(
            kind: ended == nil ? .outageStarted : .outageResolved,
            subject: ended == nil
                ? "\(outage.reference): \(component.name) is \(state)"
                : "\(outage.reference): \(component.name) has recovered",
            content: EmailContent(blocks),
            data: Data(
                outage: .init(
                    reference: outage.reference, component: component.code, componentName: component.name,
                    impact: outage.impact.rawValue, startedAt: ISO8601Instant.string(from: outage.startedAt),
                    endedAt: ended.map(ISO8601Instant.string(from:)), summary: outage.publicSummary, url: link)))
    }

    /// Maintenance planned on components, told ahead of time.
    public static func maintenance(_ window: MaintenanceWindow, components: [ServiceComponent], link: String)
        -> ServiceNotice
    {
        let names = components.map(\.name).joined(separator: ", ")
        return ServiceNotice(
            kind: .maintenanceAnnounced,
            subject:
                "\(window.reference): planned maintenance on \(names), \(NotificationComposer.londonTime(window.startsAt))",
            content: EmailContent([
                .paragraph(
                    "We will work on \(names) from \(NotificationComposer.londonTime(window.startsAt)) to "
                        + "\(NotificationComposer.londonTime(window.endsAt))."),
                .section(heading: "What you may notice", text: window.summary),
                .facts([.init("Maintenance", window.reference), .init("Components", names)]),
                .action(label: "See the service status", link: link),
            ]),
            data: Data(
                maintenance: .init(
                    reference: window.reference, components: window.components,
                    startsAt: ISO8601Instant.string(from: window.startsAt),
                    endsAt: ISO8601Instant.string(from: window.endsAt), summary: window.summary, url: link)))
    }

    /// For service managers: the allowance is going.
    public static func allowance(_ alert: DowntimeBudgetAlert, measure: AvailabilityMeasure, link: String)
        -> ServiceNotice
    {
        ServiceNotice(
            kind: .allowanceWarning, subject: alert.headline,
            content: EmailContent([
                .paragraph("\(alert.headline)."),
                .facts([
                    .init("Downtime so far", "\(measure.downtimeSeconds / 60) minutes (business support hours)"),
                    .init("Allowance", "\(measure.allowanceSeconds / 60) minutes"),
                    .init("Availability so far", String(format: "%.3f %%", measure.percent)),
                    .init("Target", String(format: "%.1f %%", measure.targetPercent)),
                ]),
                .action(label: "See availability", link: link),
            ]), data: Data())
    }

    /// A monthly report issued, or revised with what changed.
    public static func report(_ edition: ServiceReportEdition, link: String) -> ServiceNotice {
        let report = edition.report
        let total = report.incidents.total
        let name = edition.month.longName
        var blocks: [EmailContent.Block] = [
            .paragraph(
                edition.isRevision
                    ? "The service report for \(name) has been revised (edition \(edition.number)): figures behind "
                        + "it changed after it was sent. The earlier editions stay as they were."
                    : "The service report for \(name) is ready."),
            .facts([
                .init("Report", "\(report.scope.name), \(name)"),
                .init("Incidents raised", "\(total.raised)"),
                .init("Incidents resolved", "\(total.resolved)"),
                .init(
                    "Resolved within target",
                    total.attainmentPercent.map { String(format: "%.1f %%", $0) } ?? "none resolved"),
                .init("Targets missed", "\(report.breaches.count)"),
                .init(
                    "Availability",
                    String(
                        format: "%.3f %% (target %.1f %%)", report.availability.percent,
                        report.availability.targetPercent)),
            ]),
        ]
        if edition.isRevision {
            blocks.append(.paragraph("What changed:"))
            blocks.append(
                .list(
                    edition.changes.prefix(20).map { change in
                        "\(change.section), \(change.item), \(change.measure): \(change.before ?? "none") → "
                            + "\(change.after ?? "none")"
                    } + (edition.changes.count > 20 ? ["and \(edition.changes.count - 20) more on the report"] : [])))
        }
        blocks.append(.action(label: "Read the report", link: link))
        return ServiceNotice(
            kind: .reportIssued,
            subject: edition.isRevision
                ? "Revised service report for \(name): \(report.scope.name) (edition \(edition.number))"
                : "Service report for \(name): \(report.scope.name)",
            content: EmailContent(blocks),
            data: Data(
                report: .init(
                    month: edition.month.description, edition: edition.number, changes: edition.changes.count,
                    url: link)))
    }
}
