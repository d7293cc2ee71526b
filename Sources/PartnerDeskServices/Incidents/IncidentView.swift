import PartnerDeskDomain

/// An incident with everything needed to show it: its clock's state now and its partner's tier.
public struct IncidentView: Sendable {
    public var incident: Incident
    /// The resolution clock as of the moment the view was made; `nil` before the desk received it.
    public var sla: SLAStatus?
    public var tier: ServiceLevelTier
    /// The partner's code and the client id of the service concerned, for display.
    public var partnerCode: PartnerCode?
    public var serviceClientID: String?
    /// What was masked in the text just sent (secrets, other people's personal data), for telling the sender;
    /// empty when reading.
    public var maskings: [TextMasking] = []

    public init(incident: Incident, sla: SLAStatus?, tier: ServiceLevelTier, partner: Partner?) {
        self.incident = incident
        self.sla = sla
        self.tier = tier
        self.partnerCode = partner?.code
        self.serviceClientID = incident.report.serviceID.flatMap { id in
            partner?.services.first { $0.id == id }?.clientID
        }
    }
}

/// What a caller asks for when moving an incident on.
public struct TransitionRequest: Hashable, Sendable, Codable {
    public var action: String
    /// For `receive` and `change_severity`.
    public var severity: Int?
    /// For `resolve`: `fix` or `workaround`.
    public var resolution: String?
    /// For `link_to_problem`: the problem's reference.
    public var problem: String?
    /// What the desk says about the step; public unless `internal` is true.
    public var note: String?
    public var `internal`: Bool?

    public init(
        action: String, severity: Int? = nil, resolution: String? = nil, problem: String? = nil, note: String? = nil,
        internal: Bool? = nil
    ) {
        self.action = action
        self.severity = severity
        self.resolution = resolution
        self.problem = problem
        self.note = note
        self.internal = `internal`
    }

    /// The checked transition, or every problem with the request.
    public func validated() throws(ValidationFailure) -> IncidentTransition {
        var check = ValidationCollector()
        guard let action = IncidentAction(rawValue: action) else {
            let known = IncidentAction.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationFailure([
                .init(field: "action", code: "unknown_value", message: "Choose an action from: \(known).")
            ])
        }
        let given = self.note?.trimmingCharacters(in: .whitespacesAndNewlines)
        let note = given.map { check.limitedText("note", $0, label: "note", maxLength: 5_000, lines: .multiple) ?? $0 }
        func severityValue() -> Severity? {
            guard let level = severity else {
                check.add("severity", "required", "Choose a severity from 1 to 5.")
                return nil
            }
            guard let value = Severity(level) else {
                check.add("severity", "out_of_range", "Choose a severity from 1 to 5.")
                return nil
            }
            return value
        }
        var transition: IncidentTransition?
        switch action {
        case .receive: transition = severityValue().map { .receive(severity: $0) }
        case .changeSeverity: transition = severityValue().map { .changeSeverity($0) }
        case .forwardToDevOps: transition = .forwardToDevOps
        case .startInvestigating: transition = .startInvestigating
        case .awaitPartner: transition = .awaitPartner
        case .provideInformation:
            if note?.isEmpty ?? true {
                check.add("note", "required", "Give the information the service desk asked for.")
            } else {
                transition = .provideInformation
            }
        case .respond: transition = .respond
        case .close: transition = .close
        case .reopen: transition = .reopen
        case .resolve:
            let kind = resolution.flatMap(IncidentResolution.Kind.init(rawValue:))
            if kind == nil { check.add("resolution", "required", "Say whether this is a fix or a workaround.") }
            if note?.isEmpty ?? true {
                check.add("note", "required", "Describe the fix or workaround so the partner can pass it on.")
            }
            if let kind, let note, !note.isEmpty {
                transition = .resolve(IncidentResolution(kind: kind, summary: note))
            }
        case .linkToProblem:
            let reference = problem?.trimmingCharacters(in: .whitespaces) ?? ""
            if reference.isEmpty || reference.count > 40 {
                check.add("problem", "required", "Give the reference of the problem record, like PRB-000045.")
            } else {
                transition = .linkToProblem(reference: reference.uppercased())
            }
        }
        try check.finish()
        guard let transition else { throw ValidationFailure(check.issues) }
        return transition
    }
}

/// A comment as stored, with what was masked in it before it was.
public struct CommentOutcome: Sendable {
    public var event: IncidentEvent
    public var maskings: [TextMasking]
}
