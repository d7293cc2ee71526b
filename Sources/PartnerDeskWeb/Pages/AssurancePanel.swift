import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// The form an assurance approver approves or holds a step with (`decide-form.leaf`, rendered with this as its
/// whole context): for a release, a sprint's digest or a notice alike, keeping what was typed when refused.
struct DecideForm: Encodable {
    /// Where the form posts.
    var action: String
    /// The step in words, "the release".
    var step: String
    var csrf: String
    var version: Int
    var levels: [SelectOption]
    var decision: String
    var reason: String
    var shareable: Bool
    /// Whether the reason may be passed to partners (when a held release is re-planned); the steps before a
    /// release never tell partners of a hold.
    var offersSharing: Bool

    init(
        action: SiteURL, step: String, csrf: String, version: Int, levels: [SelectOption], values: [String: String],
        offersSharing: Bool = false
    ) {
        self.offersSharing = offersSharing
        self.action = action.path
        self.step = step
        self.csrf = csrf
        self.version = version
        self.levels = levels
        decision = values["decision"] ?? ""
        reason = values["reason"] ?? ""
        shareable = values["shareable"] == "on"
    }
}

/// The assurance of one step before a release (a sprint's digest, an integration-environment notice): the holds
/// that stop it, every decision so far, and the form an assurance approver decides with while it may.
struct AssurancePanel: Encodable {
    /// The step in words, "the digest".
    var step: String
    var holds: [String]
    var history: [String]
    /// The decision form, when the caller may decide now.
    var form: DecideForm?

    init(
        _ assurance: StepAssurance, step: String, action: SiteURL, levels: [ApprovalLevel], open: Bool,
        principal: Principal, csrf: String, version: Int, values: [String: String]
    ) {
        let names = Dictionary(levels.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let name: (ApprovalRequirement) -> String = { requirement in
            if case .level(let code) = requirement { names[code] ?? code } else { requirement.key }
        }
        self.step = step
        holds = assurance.blockers(step: step, name: name).map(\.message)
        history = assurance.decisions.map { PageFormat.decision($0, name: name($0.requirement)) }
        form =
            open && AccessPolicy.permits(principal, .approveReleases)
            ? DecideForm(
                action: action, step: step, csrf: csrf, version: version,
                levels: levels.map {
                    SelectOption(value: $0.code, label: $0.name, selected: values["level"] == $0.code)
                }, values: values)
            : nil
    }

    /// The decision a decide form sends, for releases and the steps before them alike.
    static func draft(_ values: [String: String]) -> ApprovalDecisionDraft {
        ApprovalDecisionDraft(
            decision: values["decision"], level: values["level"], reason: values["reason"],
            reasonIsShareable: values["shareable"] == "on")
    }
}
