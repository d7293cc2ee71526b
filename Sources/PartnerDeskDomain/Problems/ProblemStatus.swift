/// Where a problem record stands.
///
/// new → investigating → known error (root cause known, often with a workaround) → fix in progress →
/// fix released → closed. A problem can be closed from any state (a duplicate merged away, or one that
/// turned out not to be a problem), and a released fix that did not work goes back to fix in progress.
public enum ProblemStatus: String, CaseIterable, Hashable, Sendable, Codable {
    case new = "new"
    case investigating = "investigating"
    case knownError = "known_error"
    case fixInProgress = "fix_in_progress"
    case fixReleased = "fix_released"
    case closed = "closed"

    public var label: String {
        switch self {
        case .new: "New"
        case .investigating: "Investigating"
        case .knownError: "Known error"
        case .fixInProgress: "Fix in progress"
        case .fixReleased: "Fix released"
        case .closed: "Closed"
        }
    }

    /// Whether the problem still needs a fix (its fix target still counts).
    public var isOpen: Bool { self != .fixReleased && self != .closed }

    /// The states a problem in this one may move to.
    public var next: [ProblemStatus] {
        switch self {
        case .new: [.investigating, .knownError, .closed]
        case .investigating: [.knownError, .fixInProgress, .closed]
        case .knownError: [.fixInProgress, .closed]
        case .fixInProgress: [.knownError, .fixReleased, .closed]
        case .fixReleased: [.fixInProgress, .closed]
        case .closed: []
        }
    }
}

/// How a problem came to be recorded.
public enum ProblemOrigin: String, CaseIterable, Hashable, Sendable, Codable {
    /// Raised from one incident, or several with the same root cause.
    case incidents = "incidents"
    /// A bug found by the team itself.
    case internalBug = "internal_bug"
    /// Feedback from outside (partners, users, assurance).
    case externalFeedback = "external_feedback"

    public var label: String {
        switch self {
        case .incidents: "Incidents"
        case .internalBug: "A bug found internally"
        case .externalFeedback: "Outside feedback"
        }
    }
}
