import Foundation

/// What a partner shows, while it integrates, to prove it can look after its own users' incidents and its
/// problem records: the platform's service management reviews each piece before the partner goes live.
public enum EvidenceRequirement: String, CaseIterable, Hashable, Sendable, Codable {
    case incidentProcess = "incident_process"
    case problemRecords = "problem_records"
    case hssiManager = "hssi_manager"
    case registrationContacts = "registration_contacts"
    case rehearsal = "rehearsal"

    /// A short name for lists.
    public var title: String {
        switch self {
        case .incidentProcess: "Incident process for your own users"
        case .problemRecords: "Problem records"
        case .hssiManager: "HSSI manager and rota"
        case .registrationContacts: "National Service Desk registration"
        case .rehearsal: "Service incident rehearsal"
        }
    }

    /// What the partner is asked to show.
    public var asks: String {
        switch self {
        case .incidentProcess:
            "How your own desk takes, logs, prioritises and resolves your users' incidents, and when it passes "
                + "one to the platform."
        case .problemRecords:
            "How you keep problem records for repeated or underlying faults, and who owns them."
        case .hssiManager:
            "The person who manages Higher Severity Service Incidents for you, and the rota that covers them "
                + "outside office hours."
        case .registrationContacts:
            "The contact details you gave on the National Service Desk registration form (primary, secondary "
                + "and escalation contacts)."
        case .rehearsal:
            "A service incident rehearsal run with the platform's service management, if you asked for one."
        }
    }

    /// Whether it must be accepted before the partner goes live. A rehearsal is offered on request, so it
    /// counts only when given.
    public var isRequired: Bool { self != .rehearsal }
}

/// Where one piece of evidence stands.
public enum EvidenceState: String, CaseIterable, Hashable, Sendable, Codable {
    case notGiven = "not_given"
    case submitted = "submitted"
    case accepted = "accepted"
    case returned = "returned"

    public var label: String {
        switch self {
        case .notGiven: "Not given yet"
        case .submitted: "Waiting for review"
        case .accepted: "Accepted"
        case .returned: "Returned with comments"
        }
    }
}

/// Service management's decision on a piece of evidence.
public enum EvidenceDecision: String, CaseIterable, Hashable, Sendable, Codable {
    case accept = "accept"
    case `return` = "return"
}

/// One piece of evidence and its history.
public struct Evidence: Hashable, Sendable, Codable {
    public var requirement: EvidenceRequirement
    public var state: EvidenceState
    /// What the partner wrote when it last gave this evidence.
    public var description: String?
    /// Where the documents are (https addresses).
    public var links: [String]
    /// Every submission and review, oldest first.
    public var history: [EvidenceStep]

    public init(requirement: EvidenceRequirement) {
        self.requirement = requirement
        state = .notGiven
        links = []
        history = []
    }
}

/// A submission or a review of one piece of evidence.
public struct EvidenceStep: Hashable, Sendable, Codable {
    public var at: Date
    public var by: ActedBy
    /// The state it led to.
    public var state: EvidenceState
    /// The description given, or the reviewer's comment.
    public var text: String?
    public var links: [String]

    public init(at: Date, by: ActedBy, state: EvidenceState, text: String?, links: [String] = []) {
        self.at = at
        self.by = by
        self.state = state
        self.text = text
        self.links = links
    }
}
