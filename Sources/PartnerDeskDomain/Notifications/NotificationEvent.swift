import Foundation

/// The moments in an incident's life that someone is told about.
///
/// Partner events go to the partner (its incident contact, its people who want them, its webhooks);
/// SLA events go to the staff group working on the incident and the service managers.
public enum NotificationEvent: String, CaseIterable, Codable, Hashable, Sendable {
    case incidentReceived = "incident.received"
    case severityAssigned = "incident.severity_assigned"
    case informationAwaited = "incident.information_awaited"
    case incidentResolved = "incident.resolved"
    case incidentResponded = "incident.responded"
    case fixReleased = "problem.fix_released"
    case slaHalfUsed = "incident.sla_50"
    case slaThreeQuartersUsed = "incident.sla_75"
    case slaBreached = "incident.sla_breached"

    /// Who an event is for.
    public enum Audience: String, Sendable {
        case partner
        case staff
    }

    public var audience: Audience {
        switch self {
        case .incidentReceived, .severityAssigned, .informationAwaited, .incidentResolved, .incidentResponded,
            .fixReleased:
            .partner
        case .slaHalfUsed, .slaThreeQuartersUsed, .slaBreached: .staff
        }
    }

    /// The event in words, for preference pages and dead-letter lists.
    public var label: String {
        switch self {
        case .incidentReceived: "The service desk received an incident"
        case .severityAssigned: "An incident's severity changed"
        case .informationAwaited: "The service desk needs information"
        case .incidentResolved: "An incident was resolved"
        case .incidentResponded: "The service desk responded"
        case .fixReleased: "A fix was released for a problem behind an incident"
        case .slaHalfUsed: "Half of a resolution target used"
        case .slaThreeQuartersUsed: "Three quarters of a resolution target used"
        case .slaBreached: "A resolution target missed"
        }
    }

    /// The partner event a desk action causes, if any.
    public static func caused(by action: IncidentAction) -> NotificationEvent? {
        switch action {
        case .receive: .incidentReceived
        case .changeSeverity: .severityAssigned
        case .awaitPartner: .informationAwaited
        case .resolve: .incidentResolved
        case .respond: .incidentResponded
        case .forwardToDevOps, .startInvestigating, .provideInformation, .linkToProblem, .close, .reopen: nil
        }
    }

    /// The SLA event for a share of the target: 0.5, 0.75, or 1 (the target itself).
    public static func sla(threshold: Double) -> NotificationEvent? {
        switch threshold {
        case 0.5: .slaHalfUsed
        case 0.75: .slaThreeQuartersUsed
        case 1: .slaBreached
        default: nil
        }
    }
}
