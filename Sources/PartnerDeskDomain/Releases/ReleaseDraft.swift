import Foundation

/// A release as a release manager sent it, before any of it has been checked.
public struct ReleaseDraft: Hashable, Sendable {
    public var name: String?
    public var summary: String?
    /// ISO 8601 instant.
    public var plannedAt: String?
    /// The sprint's number.
    public var sprint: Int?
    /// Ids of sprint features it carries.
    public var features: [String]?
    /// References of problems whose fixes it carries (`PRB-000012`).
    public var problems: [String]?
    public var knownIssues: String?
    public var partnerActions: String?

    public init(
        name: String? = nil, summary: String? = nil, plannedAt: String? = nil, sprint: Int? = nil,
        features: [String]? = nil, problems: [String]? = nil, knownIssues: String? = nil,
        partnerActions: String? = nil
    ) {
        self.name = name
        self.summary = summary
        self.plannedAt = plannedAt
        self.sprint = sprint
        self.features = features
        self.problems = problems
        self.knownIssues = knownIssues
        self.partnerActions = partnerActions
    }

    /// What the draft resolves against: sprints by number, features by id, problems by reference.
    public struct Lookup {
        public var sprint: (Int) -> Sprint?
        public var feature: (String) -> SprintFeature?
        public var problem: (String) -> Problem.ID?

        public init(
            sprint: @escaping (Int) -> Sprint?, feature: @escaping (String) -> SprintFeature?,
            problem: @escaping (String) -> Problem.ID?
        ) {
            self.sprint = sprint
            self.feature = feature
            self.problem = problem
        }
    }

    public struct Plan: Hashable, Sendable {
        public var name: String
        public var summary: String
        public var plannedAt: Date
        public var sprintID: Sprint.ID?
        public var features: [SprintFeature]
        public var problems: [Problem.ID]
        public var knownIssues: String?
        public var partnerActions: String?
    }

    /// Checks every field and reports every problem at once; a planned time must lie ahead of `now`.
    public func validated(now: Date, lookup: Lookup) throws(ValidationFailure) -> Plan {
        var check = ValidationCollector()
        let name = check.requiredText("name", name ?? "", label: "release version", maxLength: 40)
        if let name, !Self.isVersion(name) {
            check.add(
                "name", "invalid_format",
                "Write the version with letters, digits, dots and hyphens, starting with a letter or digit "
                    + "(2026.12.1).")
        }
        let summary = check.guardedText("summary", summary ?? "", label: "summary", maxLength: TextLimits.text)
        let plannedAt = check.instant(plannedAt, field: "plannedAt", required: true, now: nil)
        if let plannedAt, plannedAt <= now {
            check.add("plannedAt", "in_past", "Plan the release for a time still to come.")
        }
        let sprint = sprint.flatMap(lookup.sprint)
        if let number = self.sprint, sprint == nil {
            check.add("sprint", "unknown_sprint", "There is no sprint \(number).")
        }
        let features = check.resolved(
            self.features ?? [], field: "features", code: "unknown_feature",
            missing: { "No sprint lists a feature with the id \($0)." }, lookup: { lookup.feature($0.lowercased()) })
        let problems = check.resolved(
            self.problems ?? [], field: "problems", code: "unknown_problem", missing: { "There is no problem \($0)." },
            lookup: lookup.problem)
        let knownIssues = check.optionalGuardedText(
            "knownIssues", knownIssues, label: "known issues", maxLength: TextLimits.text)
        let actions = check.optionalGuardedText(
            "partnerActions", partnerActions, label: "actions for partners", maxLength: TextLimits.text)
        guard check.issues.isEmpty, let name, let summary, let plannedAt else { throw ValidationFailure(check.issues) }
        return Plan(
            name: name, summary: summary, plannedAt: plannedAt, sprintID: sprint?.id, features: features,
            problems: problems, knownIssues: knownIssues, partnerActions: actions)
    }

    /// Letters, digits, dots and hyphens, starting with a letter or a digit.
    static func isVersion(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCIILetterOrDigit else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCIILetterOrDigit || $0 == "." || $0 == "-" }
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIILetterOrDigit: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self)
    }
}

/// An integration-environment notice as sent, before any of it has been checked.
public struct IntegrationNoticeDraft: Hashable, Sendable {
    public var title: String?
    public var description: String?
    /// The id of the sprint feature it is about.
    public var feature: String?
    /// `YYYY-MM-DD`.
    public var availableFrom: String?
    /// Partner codes; when left out, the partners the feature names.
    public var partners: [String]?

    public init(
        title: String? = nil, description: String? = nil, feature: String? = nil, availableFrom: String? = nil,
        partners: [String]? = nil
    ) {
        self.title = title
        self.description = description
        self.feature = feature
        self.availableFrom = availableFrom
        self.partners = partners
    }

    public struct Plan: Hashable, Sendable {
        public var title: String
        public var description: String
        public var featureID: SprintFeature.ID?
        public var availableFrom: LocalDate
        public var partners: [Partner.ID]
    }

    public func validated(
        feature lookupFeature: (String) -> SprintFeature?, partner: (String) -> Partner.ID?
    ) throws(ValidationFailure) -> Plan {
        var check = ValidationCollector()
        let title = check.guardedText("title", title ?? "", label: "title", maxLength: TextLimits.title)
        let description = check.guardedText(
            "description", description ?? "", label: "description", maxLength: TextLimits.text)
        let feature = feature.flatMap { lookupFeature($0.trimmingWhitespace.lowercased()) }
        if let id = self.feature, feature == nil {
            check.add("feature", "unknown_feature", "No sprint lists a feature with the id \(id).")
        }
        let from = check.localDate(availableFrom, field: "availableFrom", label: "date it is available", required: true)
        var partners = check.resolved(
            self.partners ?? [], field: "partners", code: "unknown_partner",
            missing: { "No partner has the code \($0)." }, lookup: partner)
        if self.partners?.isEmpty ?? true { partners = feature?.affectedPartners ?? [] }
        if partners.isEmpty, self.partners?.isEmpty ?? true {
            check.add("partners", "required", "Name the partners the change affects.")
        }
        guard check.issues.isEmpty, let title, let description, let from else { throw ValidationFailure(check.issues) }
        return Plan(
            title: title, description: description, featureID: feature?.id, availableFrom: from, partners: partners)
    }
}

/// An approver's decision as sent: approve, or hold as unsafe with a reason (and, when holding, a new planned
/// time for the release if one is known).
public struct ApprovalDecisionDraft: Hashable, Sendable {
    /// `approve` or `hold`.
    public var decision: String?
    /// The level decided for; partners decide for themselves and leave it out.
    public var level: String?
    public var reason: String?
    public var reasonIsShareable: Bool?

    public init(decision: String? = nil, level: String? = nil, reason: String? = nil, reasonIsShareable: Bool? = nil) {
        self.decision = decision
        self.level = level
        self.reason = reason
        self.reasonIsShareable = reasonIsShareable
    }

    /// The decision for `requirement` on `step` ("the release", "the digest"), by `person` at `instant`.
    public func validated(
        requirement: ApprovalRequirement, by person: String, at instant: Date, step: String = "the release"
    ) throws(ValidationFailure) -> ApprovalDecision {
        var check = ValidationCollector()
        let outcome: ApprovalDecision.Outcome? =
            switch decision?.trimmingWhitespace.lowercased() {
            case "approve": .approved
            case "hold": .held
            case nil, "": nil
            default: nil
            }
        if outcome == nil {
            check.add(
                "decision", (decision ?? "").trimmingWhitespace.isEmpty ? "required" : "invalid_value",
                "Choose approve, or hold \(step) as unsafe.")
        }
        let reason = check.optionalGuardedText("reason", reason, label: "reason", maxLength: TextLimits.text)
        if outcome == .held, reason == nil, check.issues.allSatisfy({ $0.field != "reason" }) {
            check.add("reason", "required", "Say why \(step) is unsafe to approve.")
        }
        guard check.issues.isEmpty, let outcome else { throw ValidationFailure(check.issues) }
        return ApprovalDecision(
            requirement: requirement, outcome: outcome, by: person, at: instant, reason: reason,
            reasonIsShareable: reasonIsShareable ?? false)
    }
}
