import Foundation
import PartnerDeskDomain
import PartnerDeskServices

extension Components.Schemas.SprintFeature {
    init(_ feature: SprintFeature, codes: [Partner.ID: String]) throws {
        self.init(
            id: feature.id.description, title: feature.title, description: feature.description,
            services: feature.services, impact: try .documented(feature.impact.rawValue),
            partnerAction: feature.partnerAction,
            affectedPartners: feature.affectedPartners.map { codes[$0] ?? $0.description })
    }
}

extension Components.Schemas.ApprovalRecord {
    /// A decision, with the level's or the partner's name from `names`.
    init(_ decision: ApprovalDecision, names: (ApprovalRequirement) -> String) throws {
        self.init(
            requirement: decision.requirement.key, name: names(decision.requirement),
            outcome: try .documented(decision.outcome.rawValue), by: decision.by, at: decision.at,
            reason: decision.reason, reasonIsShareable: decision.reasonIsShareable)
    }
}

extension Components.Schemas.Blocker {
    init(_ issue: ValidationIssue) {
        self.init(field: issue.field, code: issue.code, message: issue.message)
    }
}

/// A level's name by its code, falling back on the code for a level no longer kept.
private func levelName(_ levels: [String: String]) -> (ApprovalRequirement) -> String {
    { requirement in
        switch requirement {
        case .level(let code): levels[code] ?? code
        case .partner: requirement.key
        }
    }
}

extension Components.Schemas.Sprint {
    /// The sprint, naming partners by `codes` and levels by `levels` (code to name).
    init(_ view: SprintView, codes: [Partner.ID: String], levels: [String: String]) throws {
        let sprint = view.sprint
        let digest: Components.Schemas.SprintDigest =
            switch view.digest {
            case .due(let by):
                .init(status: .due, flagged: false, label: view.digest.label, dueBy: by)
            case .sentInTime(let at):
                .init(
                    status: .sentInTime, flagged: false, label: view.digest.label, sentAt: at,
                    sentBy: sprint.digestSentBy)
            case .sentLate(let at, _):
                .init(
                    status: .sentLate, flagged: true, label: view.digest.label, sentAt: at, sentBy: sprint.digestSentBy)
            case .missed:
                .init(status: .missed, flagged: true, label: view.digest.label)
            }
        self.init(
            id: sprint.id.description, number: sprint.number, startsOn: sprint.startsOn.description,
            endsOn: sprint.endsOn.description, startsAt: view.startsAt, goal: sprint.goal,
            features: try sprint.features.map { try .init($0, codes: codes) }, digest: digest,
            digestDecisions: try sprint.digestAssurance.decisions.map { try .init($0, names: levelName(levels)) },
            digestHolds: sprint.digestAssurance.blockers(step: "the digest", name: levelName(levels)).map(
                Components.Schemas.Blocker.init), version: sprint.version)
    }
}

extension Components.Schemas.EmailPreview {
    init(_ notice: ReleaseNotice) {
        self.init(
            subject: notice.subject,
            blocks: notice.content.blocks.map { block in
                switch block {
                case .paragraph(let text): .init(kind: .paragraph, text: text)
                case .facts(let facts):
                    .init(kind: .facts, facts: facts.map { .init(label: $0.label, value: $0.value) })
                case .list(let items): .init(kind: .list, items: items)
                case .section(let heading, let text): .init(kind: .section, text: text, heading: heading)
                case .action(let label, let link): .init(kind: .action, label: label, link: link)
                }
            })
    }
}

extension Components.Schemas.IntegrationNotice {
    /// The notice, naming partners by `codes` and levels by `levels` (code to name).
    init(_ notice: IntegrationNotice, codes: [Partner.ID: String], levels: [String: String]) throws {
        func code(_ id: Partner.ID) -> String { codes[id] ?? id.description }
        self.init(
            id: notice.id.description, reference: notice.reference, title: notice.title,
            description: notice.description, feature: notice.featureID?.description,
            availableFrom: notice.availableFrom.description, partners: notice.partners.map(code), sentAt: notice.sentAt,
            answers: notice.partners.compactMap { partner in
                notice.responses[partner].map {
                    .init(
                        partner: code(partner), acknowledgedAt: $0.acknowledgedAt, acknowledgedBy: $0.acknowledgedBy,
                        signedOffAt: $0.signOff?.at, signedOffBy: $0.signOff?.by, signOffNote: $0.signOff?.note)
                }
            },
            outstanding: notice.outstanding.map(code),
            decisions: try notice.assurance.decisions.map { try .init($0, names: levelName(levels)) },
            holds: notice.assurance.blockers(step: "the notice", name: levelName(levels)).map(
                Components.Schemas.Blocker.init), version: notice.version)
    }
}

extension Components.Schemas.Release {
    init(_ view: ReleaseView, codes: [Partner.ID: String]) throws {
        let release = view.release
        let names = Dictionary(
            view.approvals.map { ($0.requirement, $0.name) }, uniquingKeysWith: { first, _ in first })
        self.init(
            id: release.id.description, name: release.name, summary: release.summary, plannedAt: release.plannedAt,
            sprint: view.sprintNumber, features: try view.features.map { try .init($0, codes: codes) },
            problems: view.problems.map {
                .init(
                    id: $0.id.description, reference: $0.reference.description, title: $0.title,
                    status: $0.status.rawValue)
            },
            knownIssues: release.knownIssues, partnerActions: release.partnerActions,
            status: try .documented(release.status.rawValue), notesPublishedAt: release.notesPublishedAt,
            earliestRelease: view.earliestRelease,
            approvals: view.approvals.map { approval in
                let decision: ApprovalDecision? =
                    switch approval.state {
                    case .pending: nil
                    case .approved(let decision), .held(let decision): decision
                    }
                return .init(
                    requirement: approval.requirement.key, name: approval.name, state: .init(approval.state),
                    by: decision?.by, at: decision?.at, reason: decision?.reason,
                    reasonIsShareable: decision?.reasonIsShareable ?? false)
            },
            decisions: try release.decisions.map { try .init($0, names: { names[$0] ?? $0.key }) },
            dateChanges: release.dateChanges.map {
                .init(from: $0.from, to: $0.to, at: $0.at, by: $0.by, reason: $0.reason)
            },
            blockers: view.blockers.map(Components.Schemas.Blocker.init),
            releasedAt: release.releasedAt, releasedBy: release.releasedBy,
            rollback: release.rollback.map { .init(at: $0.at, by: $0.by, reason: $0.reason) },
            createdAt: release.createdAt, createdBy: release.createdBy, version: release.version)
    }
}

extension Components.Schemas.ApprovalEntry.StatePayload {
    init(_ state: ApprovalState) {
        switch state {
        case .pending: self = .pending
        case .approved: self = .approved
        case .held: self = .held
        }
    }
}

extension Components.Schemas.ChangeApproval {
    init(_ view: ChangeApprovalView, codes: [Partner.ID: String]) throws {
        let release = view.release
        self.init(
            release: release.id.description, name: release.name, summary: release.summary,
            plannedAt: release.plannedAt, status: try .documented(release.status.rawValue),
            partnerActions: release.partnerActions, features: try view.features.map { try .init($0, codes: codes) },
            state: try .documented(Components.Schemas.ApprovalEntry.StatePayload(view.state).rawValue),
            version: release.version)
    }
}

extension Components.Schemas.ApprovalLevel {
    init(_ view: ApprovalLevelView) {
        self.init(
            code: view.level.code, name: view.level.name, description: view.level.description,
            requiredForReleases: view.level.requiredForReleases,
            requiredForMajorChanges: view.level.requiredForMajorChanges, approvers: view.approvers.map(\.email.value))
    }
}
