import Foundation

/// What a notification about an incident may say: its reference and state, never the user's e-mail
/// address, the description, the reporter, or anything about another partner.
public struct IncidentNotice: Sendable, Hashable {
    /// The moments in an incident's life that someone is told about.
    ///
    /// Partner events go to the partner (its incident contact, its people who want them, its webhooks);
    /// SLA events go to the staff group working on the incident and the service managers.
    public enum Event: String, CaseIterable, Hashable, Sendable {
        case incidentReceived = "incident.received"
        case severityAssigned = "incident.severity_assigned"
        case informationAwaited = "incident.information_awaited"
        case incidentResolved = "incident.resolved"
        case incidentResponded = "incident.responded"
        case fixReleased = "problem.fix_released"
        case slaHalfUsed = "incident.sla_50"
        case slaThreeQuartersUsed = "incident.sla_75"
        case slaBreached = "incident.sla_breached"

        public var audience: NotificationEvent.Audience {
            switch self {
            case .incidentReceived, .severityAssigned, .informationAwaited, .incidentResolved, .incidentResponded,
                .fixReleased:
                .partner
            case .slaHalfUsed, .slaThreeQuartersUsed, .slaBreached: .staff
            }
        }

        /// The event in words.
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
        public static func caused(by action: IncidentAction) -> Event? {
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
        public static func sla(threshold: Double) -> Event? {
            switch threshold {
            case 0.5: .slaHalfUsed
            case 0.75: .slaThreeQuartersUsed
            case 1: .slaBreached
            default: nil
            }
        }
    }

    public var event: Event
    public var incidentID: Incident.ID
    public var reference: IncidentReference
    /// The partner's own reference for the incident, if they gave one.
    public var partnerReference: String?
    public var partnerName: String
    public var errorType: String
    public var status: IncidentStatus
    public var severity: Severity?
    /// When the resolution target falls due, if the clock is running.
    public var due: Date?
    /// The desk's public note with the change (the question when information is awaited, the fix or
    /// workaround when resolved); staff-only notes never appear.
    public var note: String?
    /// The incident's page.
    public var link: String

    public init(
        event: Event, incidentID: Incident.ID, reference: IncidentReference, partnerReference: String?,
        partnerName: String, errorType: String, status: IncidentStatus, severity: Severity?, due: Date?,
        note: String?, link: String
    ) {
        self.event = event
        self.incidentID = incidentID
        self.reference = reference
        self.partnerReference = partnerReference
        self.partnerName = partnerName
        self.errorType = errorType
        self.status = status
        self.severity = severity
        self.due = due
        self.note = note
        self.link = link
    }
}
