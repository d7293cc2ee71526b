/// What a person does in the service-management process; it decides what they may see and do.
///
/// Partner roles belong to one partner organisation and only ever see that organisation's records.
/// Staff roles belong to the identity platform's own teams.
public enum Role: String, CaseIterable, Hashable, Sendable, Codable {
    /// Raises incidents and follows them for their organisation.
    case partnerReporter = "partner_reporter"
    /// The partner's single point of contact for Higher Severity Service Incidents.
    case partnerHSSIManager = "partner_hssi_manager"
    /// Manages their own organisation's users and API tokens.
    case partnerAdministrator = "partner_administrator"
    /// Works on the First Line Service Desk: receives incidents and assigns severity.
    case firstLineAgent = "first_line_agent"
    /// Investigates and fixes what the service desk forwards.
    case devOpsEngineer = "devops_engineer"
    /// Runs the Service Bridge and Multi-Party Interventions.
    case serviceBridgeOperator = "service_bridge_operator"
    /// Owns problem records and the public problems-and-fixes page.
    case problemManager = "problem_manager"
    /// Plans sprints and publishes release notes.
    case releaseManager = "release_manager"
    /// Decides for an assurance level (clinical safety, information governance, …): approves a release or holds
    /// it as unsafe.
    case assuranceApprover = "assurance_approver"
    /// Looks after service levels, reports and service reviews.
    case serviceManager = "service_manager"
    /// Runs PartnerDesk itself.
    case administrator = "administrator"

    /// Whether the role belongs to a partner organisation rather than to the platform's staff.
    public var isPartnerRole: Bool {
        switch self {
        case .partnerReporter, .partnerHSSIManager, .partnerAdministrator: true
        default: false
        }
    }

    /// A short label for pages and listings.
    public var label: String {
        switch self {
        case .partnerReporter: "Partner reporter"
        case .partnerHSSIManager: "Partner HSSI manager"
        case .partnerAdministrator: "Partner administrator"
        case .firstLineAgent: "First Line agent"
        case .devOpsEngineer: "DevOps engineer"
        case .serviceBridgeOperator: "Service Bridge operator"
        case .problemManager: "Problem manager"
        case .releaseManager: "Release manager"
        case .assuranceApprover: "Assurance approver"
        case .serviceManager: "Service manager"
        case .administrator: "Administrator"
        }
    }
}
