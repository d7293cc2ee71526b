/// Where a service request stands.
///
/// submitted → accepted (its due date is set) → in progress ⇄ waiting for the partner → fulfilled. The desk
/// may decline an open request with a reason; the partner may withdraw one at any time before it is finished.
public enum ServiceRequestStatus: String, CaseIterable, Hashable, Sendable, Codable {
    case submitted = "submitted"
    case accepted = "accepted"
    case inProgress = "in_progress"
    case waitingForPartner = "waiting_for_partner"
    case fulfilled = "fulfilled"
    case declined = "declined"
    case withdrawn = "withdrawn"

    public var label: String {
        switch self {
        case .submitted: "Submitted"
        case .accepted: "Accepted"
        case .inProgress: "In progress"
        case .waitingForPartner: "Waiting for the partner"
        case .fulfilled: "Fulfilled"
        case .declined: "Declined"
        case .withdrawn: "Withdrawn"
        }
    }

    /// Whether the request is finished (nothing more happens to it).
    public var isFinished: Bool { self == .fulfilled || self == .declined || self == .withdrawn }
}

/// What someone does to a service request, and who may.
public enum ServiceRequestAction: String, CaseIterable, Hashable, Sendable, Codable {
    /// The desk takes the request on; its due date is set.
    case accept
    /// Work begins.
    case start
    /// The desk needs something from the partner (the note asks for it).
    case askPartner = "ask_partner"
    /// The partner answers what was asked (the note), or the desk carries on without waiting.
    case resume
    /// Done; the note says what was done.
    case fulfil
    /// The desk will not do it; the note says why.
    case decline
    /// The partner no longer wants it.
    case withdraw

    public var label: String {
        switch self {
        case .accept: "Accept"
        case .start: "Start work"
        case .askPartner: "Ask the partner"
        case .resume: "Resume"
        case .fulfil: "Fulfil"
        case .decline: "Decline"
        case .withdraw: "Withdraw"
        }
    }

    /// The states the action applies in.
    public var from: Set<ServiceRequestStatus> {
        switch self {
        case .accept: [.submitted]
        case .start: [.accepted]
        case .askPartner: [.accepted, .inProgress]
        case .resume: [.waitingForPartner]
        case .fulfil: [.accepted, .inProgress]
        case .decline: [.submitted, .accepted, .inProgress, .waitingForPartner]
        case .withdraw: [.submitted, .accepted, .inProgress, .waitingForPartner]
        }
    }

    /// Where the request ends up.
    public var to: ServiceRequestStatus {
        switch self {
        case .accept: .accepted
        case .start, .resume: .inProgress
        case .askPartner: .waitingForPartner
        case .fulfil: .fulfilled
        case .decline: .declined
        case .withdraw: .withdrawn
        }
    }

    /// Whether the partner's people take this action (the others are the desk's); both may resume.
    public var isPartners: Bool { self == .withdraw || self == .resume }

    /// Whether the desk takes this action.
    public var isDesks: Bool { self != .withdraw }

    /// The access a person of `role` needs to change a request at all: the partner's side or the desk's.
    public static func permission(for role: Role) -> AccessAction {
        role.isPartnerRole ? .raiseServiceRequests : .workServiceRequests
    }

    /// Whether the action must say something (a question, what was done, why not).
    public var needsNote: Bool { self == .askPartner || self == .fulfil || self == .decline || self == .resume }
}
