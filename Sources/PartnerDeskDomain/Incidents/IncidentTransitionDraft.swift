import Foundation

/// What a caller asks for when moving an incident on, as sent: checked by ``validated()`` into an
/// ``IncidentTransition`` (resolving needs a fix or a workaround and says what was done, linking needs a
/// problem reference, and so on), every problem reported at once.
public struct IncidentTransitionDraft: Hashable, Sendable {
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
