import Foundation

/// A release of the platform: its version, when it is planned to go live, the features and problem fixes it
/// carries, what partners should know and do, and the approvals it needs.
///
/// Its notes are published on the service updates and releases page before it goes. It can be marked released
/// only when the notes have been out for the lead time and every approval is in place; any approver can hold
/// it as unsafe, which stops it until they approve again.
public struct Release: Hashable, Sendable, Identifiable, Codable {
    public typealias ID = EntityID<Release>

    public var id: ID
    /// The release's version, such as `2026.12.1`: letters, digits, dots and hyphens.
    public var name: String
    /// What the release brings, in partners' words: the opening of its notes.
    public var summary: String
    public var plannedAt: Date
    public var sprintID: Sprint.ID?
    public var features: [SprintFeature.ID]
    /// The problems whose fixes it carries.
    public var problems: [Problem.ID]
    public var knownIssues: String?
    /// What partners need to do, if anything.
    public var partnerActions: String?
    public var requirements: [ApprovalRequirement]
    /// Every approval and hold, oldest first; the latest for a requirement decides.
    public var decisions: [ApprovalDecision]
    /// Every move of the planned date, oldest first.
    public var dateChanges: [ReleaseDateChange]
    public var notesPublishedAt: Date?
    public var notesPublishedBy: String?
    public var status: ReleaseStatus
    public var releasedAt: Date?
    /// Who confirmed it went live.
    public var releasedBy: String?
    public var rollback: ReleaseRollback?
    public var createdAt: Date
    public var createdBy: String
    public var updatedAt: Date
    public var version: Int

    public init(
        id: ID, name: String, summary: String, plannedAt: Date, sprintID: Sprint.ID?,
        features: [SprintFeature.ID], problems: [Problem.ID], knownIssues: String?, partnerActions: String?,
        requirements: [ApprovalRequirement], createdAt: Date, createdBy: String
    ) {
        self.id = id
        self.name = name
        self.summary = summary
        self.plannedAt = plannedAt
        self.sprintID = sprintID
        self.features = features
        self.problems = problems
        self.knownIssues = knownIssues
        self.partnerActions = partnerActions
        self.requirements = requirements
        self.decisions = []
        self.dateChanges = []
        self.status = .planned
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.updatedAt = createdAt
        self.version = 1
    }

    /// Where one requirement stands: its latest decision, or pending.
    public func state(of requirement: ApprovalRequirement) -> ApprovalState {
        guard let latest = decisions.last(where: { $0.requirement == requirement }) else { return .pending }
        return latest.outcome == .approved ? .approved(latest) : .held(latest)
    }

    /// The holds in force, one per held requirement.
    public var holds: [ApprovalDecision] { ApprovalDecision.holds(in: decisions, for: requirements) }

    public var isHeld: Bool { !holds.isEmpty }

    /// The earliest instant the release may go, given when its notes were published and the lead time in
    /// working days: the close of that many working days after the day of publication.
    public func earliestRelease(leadTime: ReleaseLeadTime, on calendar: BusinessCalendar) -> Date? {
        notesPublishedAt.map { calendar.addWorkingDays(leadTime.workingDays, to: $0).due }
    }

    /// Everything that stops the release going at `instant`, in words; empty when it may go. `name` gives the
    /// words for a requirement (the level's or the partner's name).
    public func blockers(
        at instant: Date, leadTime: ReleaseLeadTime, on calendar: BusinessCalendar,
        name: (ApprovalRequirement) -> String
    ) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if status != .planned {
            issues.append(.init(field: "status", code: "not_planned", message: "The release is \(status.label)."))
        }
        if let earliest = earliestRelease(leadTime: leadTime, on: calendar) {
            if instant < earliest {
                issues.append(
                    .init(
                        field: "notesPublishedAt", code: "notes_too_recent",
                        message:
                            "The notes were published \(NotificationComposer.londonTime(notesPublishedAt ?? instant)); "
                            + "with a lead time of \(leadTime.words) the release can go from "
                            + "\(NotificationComposer.londonTime(earliest))."))
            }
        } else {
            issues.append(
                .init(
                    field: "notesPublishedAt", code: "notes_not_published",
                    message: "Publish the release notes first: they must be out \(leadTime.words) before it goes."))
        }
        for requirement in requirements {
            switch state(of: requirement) {
            case .approved: break
            case .pending:
                issues.append(
                    .init(
                        field: "approvals", code: "approval_missing",
                        message: "\(name(requirement)) has not approved the release."))
            case .held(let hold):
                issues.append(hold.heldIssue(step: "the release", name: name(requirement)))
            }
        }
        return issues
    }

    /// Marks the release live at `instant`, confirmed by `person`; refuses with every blocker when it may not go.
    public mutating func markReleased(
        at instant: Date, by person: String, leadTime: ReleaseLeadTime, on calendar: BusinessCalendar,
        name: (ApprovalRequirement) -> String
    ) throws(ValidationFailure) {
        let blockers = blockers(at: instant, leadTime: leadTime, on: calendar, name: name)
        guard blockers.isEmpty else { throw ValidationFailure(blockers) }
        status = .released
        releasedAt = instant
        releasedBy = person
        updatedAt = instant
    }

    /// Records an approval or a hold for one of the release's requirements.
    public mutating func decide(_ decision: ApprovalDecision) throws(ValidationFailure) {
        guard status == .planned else {
            throw ValidationFailure([
                .init(
                    field: "status", code: "not_planned",
                    message: "The release is \(status.label); approvals are no longer taken.")
            ])
        }
        guard requirements.contains(decision.requirement) else {
            throw ValidationFailure([
                .init(field: "level", code: "not_required", message: "The release does not need that approval.")
            ])
        }
        decisions.append(decision)
        updatedAt = decision.at
    }

    /// Moves the planned date; the change (with the reason partners may read, if any) stays in the history.
    public mutating func replan(to date: Date, at instant: Date, by person: String, reason: String?)
        throws(ValidationFailure)
    {
        guard status == .planned else {
            throw ValidationFailure([
                .init(field: "status", code: "not_planned", message: "The release is \(status.label).")
            ])
        }
        guard date != plannedAt else {
            throw ValidationFailure([
                .init(field: "plannedAt", code: "unchanged", message: "The release is already planned then.")
            ])
        }
        dateChanges.append(ReleaseDateChange(from: plannedAt, to: date, at: instant, by: person, reason: reason))
        plannedAt = date
        updatedAt = instant
    }

    /// Replaces a planned release's contents with a checked plan and the requirements that follow from it
    /// (keeping the decisions of requirements it still has). Changed notes are withdrawn, to be published
    /// again; a new time is a re-plan. Returns the time it was planned for when that moved.
    public mutating func revise(
        with plan: ReleaseDraft.Plan, requirements: [ApprovalRequirement], at instant: Date, by person: String
    ) throws(ValidationFailure) -> Date? {
        guard status == .planned else {
            throw ValidationFailure([
                .init(field: "status", code: "not_planned", message: "The release is \(status.label).")
            ])
        }
        let before = self
        (name, summary, sprintID) = (plan.name, plan.summary, plan.sprintID)
        (features, problems) = (plan.features.map(\.id), plan.problems)
        (knownIssues, partnerActions) = (plan.knownIssues, plan.partnerActions)
        require(requirements)
        if (summary, features, problems, knownIssues, partnerActions)
            != (before.summary, before.features, before.problems, before.knownIssues, before.partnerActions)
        {
            (notesPublishedAt, notesPublishedBy) = (nil, nil)
        }
        guard plan.plannedAt != before.plannedAt else { return nil }
        try replan(to: plan.plannedAt, at: instant, by: person, reason: nil)
        return before.plannedAt
    }

    /// Records that the release was rolled back after going live.
    public mutating func rollBack(at instant: Date, by person: String, reason: String) throws(ValidationFailure) {
        guard status == .released else {
            throw ValidationFailure([
                .init(
                    field: "status", code: "not_released", message: "Only a release that went live can be rolled back.")
            ])
        }
        status = .rolledBack
        rollback = ReleaseRollback(at: instant, by: person, reason: reason)
        updatedAt = instant
    }
}

public enum ReleaseStatus: String, CaseIterable, Hashable, Sendable, Codable {
    case planned
    case released
    case rolledBack = "rolled_back"

    public var label: String {
        switch self {
        case .planned: "planned"
        case .released: "released"
        case .rolledBack: "rolled back"
        }
    }
}

/// How long before a release its notes must be out, in working days on the platform's business calendar.
public struct ReleaseLeadTime: Hashable, Sendable {
    public var workingDays: Int

    public init(workingDays: Int) {
        self.workingDays = max(1, workingDays)
    }

    public static let standard = ReleaseLeadTime(workingDays: 1)

    public var words: String { workingDays == 1 ? "1 working day" : "\(workingDays) working days" }
}

/// An approver's decision on one requirement.
public struct ApprovalDecision: Hashable, Sendable, Codable {
    public enum Outcome: String, CaseIterable, Hashable, Sendable, Codable {
        case approved
        /// Held as unsafe: the release cannot go.
        case held
    }

    public var requirement: ApprovalRequirement
    public var outcome: Outcome
    /// The approver's name and role, for staff.
    public var by: String
    public var at: Date
    /// Why (required for a hold).
    public var reason: String?
    /// Whether partners may read the reason.
    public var reasonIsShareable: Bool

    public init(
        requirement: ApprovalRequirement, outcome: Outcome, by: String, at: Date, reason: String?,
        reasonIsShareable: Bool
    ) {
        self.requirement = requirement
        self.outcome = outcome
        self.by = by
        self.at = at
        self.reason = reason
        self.reasonIsShareable = reasonIsShareable
    }
}

public enum ApprovalState: Hashable, Sendable {
    case pending
    case approved(ApprovalDecision)
    case held(ApprovalDecision)
}

/// A move of a release's planned date.
public struct ReleaseDateChange: Hashable, Sendable, Codable {
    public var from: Date
    public var to: Date
    public var at: Date
    public var by: String
    /// The reason partners may read; nil when it is internal.
    public var reason: String?

    public init(from: Date, to: Date, at: Date, by: String, reason: String?) {
        self.from = from
        self.to = to
        self.at = at
        self.by = by
        self.reason = reason
    }
}

public struct ReleaseRollback: Hashable, Sendable, Codable {
    public var at: Date
    public var by: String
    public var reason: String

    public init(at: Date, by: String, reason: String) {
        self.at = at
        self.by = by
        self.reason = reason
    }
}

extension Release {
    /// The text as a sentence: with a full stop unless it already ends with one (or `!` or `?`).
    static func sentence(_ text: String) -> String {
        text.hasSuffix(".") || text.hasSuffix("!") || text.hasSuffix("?") ? text : text + "."
    }

    /// The partners whose approval the release needs.
    public var partnersToApprove: [Partner.ID] {
        requirements.compactMap { if case .partner(let id) = $0 { id } else { nil } }
    }

    /// Who may decide on the release as a partner: the partners it needs approval from.
    public var partnerApprovalOwner: RecordOwner { .partners(Set(partnersToApprove)) }
}

extension Release {
    /// What stops the release carrying its problems' fixes: each problem must be having its fix made (fix in
    /// progress), or be finished already.
    public static func fixBlockers(_ problems: [Problem]) -> [ValidationIssue] {
        problems.filter { ![.fixInProgress, .fixReleased, .closed].contains($0.status) }.map {
            ValidationIssue(
                field: "problems", code: "fix_not_in_progress",
                message: "\($0.reference) is \($0.status.label.lowercased()); move it to fix in progress first.")
        }
    }

    /// Keeps the decisions of requirements the release still has, after its contents changed.
    public mutating func require(_ requirements: [ApprovalRequirement]) {
        self.requirements = requirements
        decisions = decisions.filter { requirements.contains($0.requirement) }
    }
}

extension Release {
    /// A new planned time (ahead of `now`) and the reason partners may read, both checked.
    public static func checkedReplan(_ plannedAt: String?, reason: String?, now: Date) throws(ValidationFailure)
        -> (Date, String?)
    {
        var check = ValidationCollector()
        let date = check.instant(plannedAt, field: "plannedAt", required: true, now: nil)
        if let date, date <= now { check.add("plannedAt", "in_past", "Plan the release for a time still to come.") }
        let reason = check.optionalGuardedText("reason", reason, label: "reason", maxLength: TextLimits.text)
        guard check.issues.isEmpty, let date else { throw ValidationFailure(check.issues) }
        return (date, reason)
    }

    /// Why a release was rolled back: required, clean and free of patient data.
    public static func checkedRollbackReason(_ reason: String?) throws(ValidationFailure) -> String {
        var check = ValidationCollector()
        let reason = check.guardedText("reason", reason ?? "", label: "reason", maxLength: TextLimits.text)
        guard check.issues.isEmpty, let reason else { throw ValidationFailure(check.issues) }
        return reason
    }
}

extension AgreedRelease {
    /// For each problem a planned release carries, the soonest such release: the problems' agreed fix targets.
    public static func byProblem(_ releases: [Release]) -> [Problem.ID: AgreedRelease] {
        var agreed: [Problem.ID: AgreedRelease] = [:]
        for release in releases where release.status == .planned {
            for problem in release.problems where (agreed[problem]?.plannedAt ?? .distantFuture) > release.plannedAt {
                agreed[problem] = AgreedRelease(
                    name: release.name, plannedAt: release.plannedAt, notesPublished: release.notesPublishedAt != nil)
            }
        }
        return agreed
    }
}
