/// Where an incident is in the First Line Service Desk process.
///
/// The path through the process: raised by the partner → received by the desk (severity assigned, the
/// resolution clock starts) → with DevOps → investigating → resolved (a fix or a workaround) or linked to a
/// problem → responded to the partner → closed. The desk may wait for information from the partner (the
/// clock pauses) and may reopen an incident that was resolved or answered.
public enum IncidentStatus: String, CaseIterable, Hashable, Sendable, Codable {
    case raised = "raised"
    case received = "received"
    case withDevOps = "with_devops"
    case investigating = "investigating"
    case awaitingPartner = "awaiting_partner"
    case resolved = "resolved"
    case linkedToProblem = "linked_to_problem"
    case respondedToPartner = "responded_to_partner"
    case closed = "closed"
    case reopened = "reopened"

    /// Words for people, as the process names each step.
    public var label: String {
        switch self {
        case .raised: "Raised by partner"
        case .received: "Received by the service desk"
        case .withDevOps: "With DevOps"
        case .investigating: "Investigating"
        case .awaitingPartner: "Awaiting information from partner"
        case .resolved: "Resolved"
        case .linkedToProblem: "Linked to a problem"
        case .respondedToPartner: "Responded to partner"
        case .closed: "Closed"
        case .reopened: "Reopened"
        }
    }

    /// Whether the desk is still working on it (the incident appears in the open queue).
    public var isOpen: Bool {
        switch self {
        case .resolved, .linkedToProblem, .respondedToPartner, .closed: false
        default: true
        }
    }
}
