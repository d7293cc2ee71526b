import Foundation

/// The assurance decisions on a step of change that goes ahead without sign-off but that any level may halt as
/// unsafe: sending a sprint's digest, or an integration-environment notice, to partners.
///
/// Each level's latest decision counts. A hold stops the step until the same level approves again; an approval
/// with nothing held is recorded as that level's word that the step is safe. Every decision stays, oldest
/// first, as the step's history.
///
/// ```swift
/// var digest = StepAssurance()
/// try digest.decide(hold)          // clinical safety holds it
/// digest.blockers(step: "the digest", name: { _ in "Clinical safety" })  // one "held" issue
/// ```
public struct StepAssurance: Hashable, Sendable, Codable {
    public var decisions: [ApprovalDecision]

    public init(decisions: [ApprovalDecision] = []) {
        self.decisions = decisions
    }

    /// The holds in force: for each level that decided, its latest decision when that is a hold.
    public var holds: [ApprovalDecision] {
        var levels: [ApprovalRequirement] = []
        for decision in decisions where !levels.contains(decision.requirement) { levels.append(decision.requirement) }
        return ApprovalDecision.holds(in: decisions, for: levels)
    }

    public var isHeld: Bool { !holds.isEmpty }

    /// Records a level's decision; only the platform's levels decide on these steps, never a partner.
    public mutating func decide(_ decision: ApprovalDecision) throws(ValidationFailure) {
        guard case .level = decision.requirement else {
            throw ValidationFailure([
                .init(field: "level", code: "not_required", message: "Only an assurance level decides on this step.")
            ])
        }
        decisions.append(decision)
    }

    /// What stops the step now: one issue per hold in force, naming `step` ("the digest") and who holds it.
    public func blockers(step: String, name: (ApprovalRequirement) -> String) -> [ValidationIssue] {
        holds.map { $0.heldIssue(step: step, name: name($0.requirement)) }
    }
}

extension ApprovalDecision {
    /// The latest decision for each of `requirements` that is a hold, in the requirements' order.
    public static func holds(in decisions: [ApprovalDecision], for requirements: [ApprovalRequirement])
        -> [ApprovalDecision]
    {
        requirements.compactMap { requirement in
            decisions.last { $0.requirement == requirement }.flatMap { $0.outcome == .held ? $0 : nil }
        }
    }

    /// The hold as what stops `step`, in words: "Clinical safety is holding the digest as unsafe (…): why."
    public func heldIssue(step: String, name: String) -> ValidationIssue {
        ValidationIssue(
            field: "approvals", code: "held",
            message: "\(name) is holding \(step) as unsafe (\(by), \(NotificationComposer.londonTime(at))): "
                + Release.sentence(reason ?? "no reason given"))
    }
}
