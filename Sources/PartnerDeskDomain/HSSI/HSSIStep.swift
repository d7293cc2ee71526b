import Foundation

/// A step someone takes on a Higher Severity Service Incident, moving it on to the next ``HSSIStage``.
public enum HSSIStep: Hashable, Sendable {
    /// The partner recognised the incident as a potential HSSI.
    case identify
    /// The partner raised it with the platform.
    case notifyPlatform
    /// The partner or the platform set severity 1 or 2; recorded as that party's ``HSSIAssessment``.
    case prioritise(party: HSSIAssessment.Party, severityLevel: Int, category: HSSICategory)
    /// The Service Bridge was notified.
    case notifyBridge
    /// The Service Bridge engaged DevOps to investigate.
    case engageDevOps
    /// The platform sent its communications to the affected partners.
    case sendCommunications
    /// The harm has stopped.
    case resolve
    /// Nothing more will be recorded.
    case close

    /// The stage the step reaches.
    public var stage: HSSIStage {
        switch self {
        case .identify: .identified
        case .notifyPlatform: .notified
        case .prioritise: .prioritised
        case .notifyBridge: .bridgeNotified
        case .engageDevOps: .devOpsEngaged
        case .sendCommunications: .communicationsSent
        case .resolve: .resolved
        case .close: .closed
        }
    }
}

/// A stage as reached: when, by whom, and any note given with it.
public struct HSSIStepRecord: Hashable, Sendable, Codable {
    /// The stage reached.
    public let stage: HSSIStage
    /// When it was reached (which may be earlier than when it was recorded).
    public let at: Date
    /// Who took the step.
    public let by: HSSIActor
    /// Words given with the step, already checked.
    public let note: String?
}
