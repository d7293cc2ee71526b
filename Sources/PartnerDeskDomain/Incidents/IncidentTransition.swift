/// A step the service desk (or, for ``provideInformation``, the partner) takes on an incident.
public enum IncidentTransition: Hashable, Sendable {
    /// The First Line Service Desk takes the incident on and assigns its severity; the clock starts.
    case receive(severity: Severity)
    /// Passes the incident to DevOps.
    case forwardToDevOps
    /// Investigation begins.
    case startInvestigating
    /// The desk needs information from the partner; the clock pauses.
    case awaitPartner
    /// The partner supplied what was asked for; the clock resumes.
    case provideInformation
    /// Fixed, or a workaround given; the clock stops.
    case resolve(IncidentResolution)
    /// The incident is explained by a problem record; the clock stops.
    case linkToProblem(reference: String)
    /// The answer has gone back to the partner.
    case respond
    /// Nothing more to do.
    case close
    /// The answer did not hold; work starts again and the clock carries on from where it stopped.
    case reopen
    /// The desk re-assesses the severity; the target changes and no elapsed time is lost.
    case changeSeverity(Severity)

    /// The action's name in the API (`receive`, `forward_to_devops`, …).
    public var action: IncidentAction {
        switch self {
        case .receive: .receive
        case .forwardToDevOps: .forwardToDevOps
        case .startInvestigating: .startInvestigating
        case .awaitPartner: .awaitPartner
        case .provideInformation: .provideInformation
        case .resolve: .resolve
        case .linkToProblem: .linkToProblem
        case .respond: .respond
        case .close: .close
        case .reopen: .reopen
        case .changeSeverity: .changeSeverity
        }
    }
}

/// The names of the transitions, as the API and the timeline spell them.
public enum IncidentAction: String, CaseIterable, Hashable, Sendable, Codable {
    case receive = "receive"
    case forwardToDevOps = "forward_to_devops"
    case startInvestigating = "start_investigating"
    case awaitPartner = "await_partner"
    case provideInformation = "provide_information"
    case resolve = "resolve"
    case linkToProblem = "link_to_problem"
    case respond = "respond"
    case close = "close"
    case reopen = "reopen"
    case changeSeverity = "change_severity"

    /// The statuses the action may start from.
    public var allowedFrom: Set<IncidentStatus> {
        let working: Set<IncidentStatus> = [.received, .withDevOps, .investigating, .reopened]
        switch self {
        case .receive: return [.raised]
        case .forwardToDevOps: return [.received, .investigating, .reopened]
        case .startInvestigating: return [.received, .withDevOps, .reopened]
        case .awaitPartner: return working
        case .provideInformation: return [.awaitingPartner]
        // An incident linked to a problem is resolved when the problem's fix is released.
        case .resolve: return working.union([.awaitingPartner, .linkedToProblem])
        case .linkToProblem: return working.union([.awaitingPartner])
        case .respond: return [.resolved, .linkedToProblem]
        case .close: return [.respondedToPartner]
        case .reopen: return [.resolved, .linkedToProblem, .respondedToPartner]
        case .changeSeverity: return working.union([.awaitingPartner])
        }
    }

    /// Words for people.
    public var label: String {
        switch self {
        case .receive: "Receive and assign severity"
        case .forwardToDevOps: "Forward to DevOps"
        case .startInvestigating: "Start investigating"
        case .awaitPartner: "Ask the partner for information"
        case .provideInformation: "Provide the information asked for"
        case .resolve: "Resolve"
        case .linkToProblem: "Link to a problem"
        case .respond: "Respond to the partner"
        case .close: "Close"
        case .reopen: "Reopen"
        case .changeSeverity: "Change severity"
        }
    }
}

/// How an incident was resolved.
public struct IncidentResolution: Hashable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        case fix = "fix"
        case workaround = "workaround"
    }

    public var kind: Kind
    /// What was done, in words the partner can pass on to the user.
    public var summary: String

    public init(kind: Kind, summary: String) {
        self.kind = kind
        self.summary = summary
    }
}

/// Why a transition was refused.
public enum IncidentTransitionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The action does not apply to an incident in this status.
    case notAllowed(action: IncidentAction, from: IncidentStatus)
    /// The clock refused the change (for example two events out of time order).
    case clock(SLAClockError)

    public var description: String {
        switch self {
        case .notAllowed(let action, let status):
            let allowed = action.allowedFrom.map(\.label).sorted().joined(separator: ", ")
            return "\(action.label) is not possible while the incident is \(status.label.lowercased()); "
                + "it is possible from: \(allowed)."
        case .clock(let error):
            return "The resolution clock refused the change: \(error)"
        }
    }
}
