import Foundation

/// A partner's request for a standard change to its use of the platform (``ServiceRequestType``), worked by the
/// service desk through ``ServiceRequestStatus`` and fulfilled within the months its kind allows, never more
/// than the partner's tier's maximum (three for Silver) from when the desk accepted it.
///
/// Waiting for the partner does not stop the months counting: the tier's maximum is a promise about age.
public struct ServiceRequest: Hashable, Sendable, Codable, Identifiable {
    public typealias ID = EntityID<ServiceRequest>

    public var id: ID
    public var reference: ServiceRequestReference
    public var partnerID: Partner.ID
    /// The kind, as it was when the request was made (a catalogue may change later).
    public var type: ServiceRequestTypeSummary
    public var title: String
    public var answers: [ServiceRequestAnswer]
    public var status: ServiceRequestStatus
    public var submittedAt: Date
    public var submittedBy: String
    /// From acceptance: the months the request may take, and the last day it may be fulfilled on.
    public var target: ServiceRequestTarget?
    /// When it was fulfilled, declined or withdrawn.
    public var finishedAt: Date?
    /// Its steps, oldest first: each action with who took it and what they said, and notes between.
    public var steps: [ServiceRequestStep]
    /// The warnings already sent to the desk about its target (``ServiceRequestTarget/Warning``).
    public var warningsSent: [ServiceRequestTarget.Warning]
    public var updatedAt: Date
    public var version: Int

    public init(
        id: ID, reference: ServiceRequestReference, partnerID: Partner.ID, type: ServiceRequestTypeSummary,
        title: String, answers: [ServiceRequestAnswer], submittedAt: Date, submittedBy: ActedBy
    ) {
        self.id = id
        self.reference = reference
        self.partnerID = partnerID
        self.type = type
        self.title = title
        self.answers = answers
        self.status = .submitted
        self.submittedAt = submittedAt
        self.submittedBy = submittedBy.name
        self.steps = [
            ServiceRequestStep(
                at: submittedAt, action: nil, to: .submitted, by: submittedBy, note: nil, isInternal: false)
        ]
        self.warningsSent = []
        self.updatedAt = submittedAt
        self.version = 1
    }

    /// Takes an action, or explains why it cannot be taken now, by this person, or without what it needs.
    /// Accepting sets the target: `maximumMonths` is the partner's tier's maximum, `calendar` counts the
    /// months in its zone.
    public mutating func take(
        _ action: ServiceRequestAction, note: String?, by actor: ActedBy, at instant: Date,
        maximumMonths: Int, calendar: BusinessCalendar
    ) throws(ValidationFailure) {
        guard action.from.contains(status) else {
            let allowed = ServiceRequestAction.allCases.filter {
                $0.from.contains(status) && (actor.isPartner ? $0.isPartners : $0.isDesks)
            }.map { $0.label.lowercased() }
            throw ValidationFailure([
                ValidationIssue(
                    field: "action", code: "invalid_transition",
                    message: status.isFinished
                        ? "A request that is \(status.label.lowercased()) does not change."
                        : "A request that is \(status.label.lowercased()) can be: "
                            + (allowed.isEmpty ? "left for the other side to act on" : allowed.joined(separator: ", "))
                            + ".")
            ])
        }
        guard actor.isPartner ? action.isPartners : action.isDesks else {
            throw ValidationFailure([
                ValidationIssue(
                    field: "action", code: "not_yours",
                    message: actor.isPartner
                        ? "Only the service desk can \(action.label.lowercased()) a request."
                        : "Only the partner can \(action.label.lowercased()) its request.")
            ])
        }
        var check = ValidationCollector()
        let text = check.optionalGuardedText("note", note, label: "note", maxLength: TextLimits.text)
        if action.needsNote, text == nil, check.issues.isEmpty {
            check.add("note", "required", Self.noteNeeded(action))
        }
        try check.finish()
        status = action.to
        if action == .accept {
            target = ServiceRequestTarget(
                acceptedAt: instant, months: min(type.targetMonths, maximumMonths), calendar: calendar)
        }
        if status.isFinished { finishedAt = instant }
        steps.append(
            ServiceRequestStep(
                at: instant, action: action, to: status, by: actor, note: text, isInternal: false))
        updatedAt = instant
    }

    /// Adds a note without changing the state: the partner's are for both sides, the desk may keep one
    /// internal.
    public mutating func comment(_ note: String, by actor: ActedBy, isInternal: Bool, at instant: Date)
        throws(ValidationFailure)
    {
        guard !status.isFinished else {
            throw ValidationFailure([
                ValidationIssue(
                    field: "note", code: "finished",
                    message: "A request that is \(status.label.lowercased()) takes no more notes.")
            ])
        }
        var check = ValidationCollector()
        let text = check.guardedText("note", note, label: "note", maxLength: TextLimits.text)
        try check.finish()
        steps.append(
            ServiceRequestStep(
                at: instant, action: nil, to: status, by: actor, note: text, isInternal: isInternal && !actor.isPartner)
        )
        updatedAt = instant
    }

    /// Whether the request was, or is being, fulfilled late at `instant`: fulfilled after its last day, or
    /// still open past it. A declined or withdrawn request never counts.
    public func isOverdue(at instant: Date) -> Bool {
        guard let target else { return false }
        switch status {
        case .fulfilled: return (finishedAt ?? instant) > target.dueAt
        case .declined, .withdrawn: return false
        default: return instant > target.dueAt
        }
    }

    /// The next warning to send the desk about the target, and when: none before acceptance or once finished.
    public var nextWarning: (warning: ServiceRequestTarget.Warning, at: Date)? {
        guard !status.isFinished else { return nil }
        return target?.nextWarning(sent: warningsSent)
    }

    /// The steps a partner's people read (without the desk's internal notes).
    public var partnerSteps: [ServiceRequestStep] { steps.filter { !$0.isInternal } }

    private static func noteNeeded(_ action: ServiceRequestAction) -> String {
        switch action {
        case .askPartner: "Say what the partner needs to provide."
        case .fulfil: "Say what was done, so the partner can check it."
        case .decline: "Give the reason the request is declined."
        case .resume: "Say what was provided, or why work carries on."
        default: "Add a note."
        }
    }
}

/// The kind of a stored request, as it was when the request was made.
public struct ServiceRequestTypeSummary: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var targetMonths: Int

    public init(_ type: ServiceRequestType) {
        self.id = type.id
        self.name = type.name
        self.targetMonths = type.targetMonths
    }
}

/// One detail of a request, with the label it was asked under.
public struct ServiceRequestAnswer: Hashable, Sendable, Codable {
    public var field: String
    public var label: String
    public var value: String

    public init(field: String, label: String, value: String) {
        self.field = field
        self.label = label
        self.value = value
    }
}

/// One entry of a request's history: an action taken (with the state it led to), or a note.
public struct ServiceRequestStep: Hashable, Sendable, Codable {
    public var at: Date
    /// The action; nil for the submission and for notes.
    public var action: ServiceRequestAction?
    /// The state after the step.
    public var to: ServiceRequestStatus
    public var by: ActedBy
    public var note: String?
    /// A desk note partners do not see.
    public var isInternal: Bool
}

extension ServiceRequest {
    /// The state it was in just before `instant`; nil before it was made.
    public func status(asOf instant: Date) -> ServiceRequestStatus? {
        steps.last { $0.at < instant }?.to
    }
}
