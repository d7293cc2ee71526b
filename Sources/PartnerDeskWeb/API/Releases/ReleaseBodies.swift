import PartnerDeskDomain

/// A sprint's plan as sent, the document's `SprintPlan`; the Domain's draft checks it.
struct SprintPlanBody: Codable, Hashable, Sendable {
    var number: Int?
    var startsOn: String?
    var endsOn: String?
    var goal: String?
    var features: [SprintFeaturePlanBody]?

    var draft: SprintDraft {
        SprintDraft(
            number: number, startsOn: startsOn, endsOn: endsOn, goal: goal, features: (features ?? []).map(\.draft))
    }
}

/// One feature of a sprint's plan as sent, the document's `SprintFeaturePlan`.
struct SprintFeaturePlanBody: Codable, Hashable, Sendable {
    var id: String?
    var title: String?
    var description: String?
    var services: [String]?
    var impact: String?
    var partnerAction: String?
    var affectedPartners: [String]?

    var draft: SprintFeatureDraft {
        SprintFeatureDraft(
            id: id, title: title, description: description, services: services, impact: impact,
            partnerAction: partnerAction, affectedPartners: affectedPartners)
    }
}

/// An integration-environment notice as sent, the document's `NewIntegrationNotice`.
struct IntegrationNoticeBody: Codable, Hashable, Sendable {
    var title: String?
    var description: String?
    var feature: String?
    var availableFrom: String?
    var partners: [String]?

    var draft: IntegrationNoticeDraft {
        IntegrationNoticeDraft(
            title: title, description: description, feature: feature, availableFrom: availableFrom, partners: partners)
    }
}

/// A partner's answer to a notice, the document's `NoticeResponse`.
struct NoticeResponseBody: Codable, Hashable, Sendable {
    var signOff: Bool?
    var note: String?
}

/// A release's plan as sent, the document's `ReleasePlan`.
struct ReleasePlanBody: Codable, Hashable, Sendable {
    var name: String?
    var summary: String?
    var plannedAt: String?
    var sprint: Int?
    var features: [String]?
    var problems: [String]?
    var knownIssues: String?
    var partnerActions: String?

    var draft: ReleaseDraft {
        ReleaseDraft(
            name: name, summary: summary, plannedAt: plannedAt, sprint: sprint, features: features, problems: problems,
            knownIssues: knownIssues, partnerActions: partnerActions)
    }
}

/// An approver's decision as sent, the document's `ApprovalDecision`.
struct ApprovalDecisionBody: Codable, Hashable, Sendable {
    var decision: String?
    var level: String?
    var reason: String?
    var reasonIsShareable: Bool?

    var draft: ApprovalDecisionDraft {
        ApprovalDecisionDraft(decision: decision, level: level, reason: reason, reasonIsShareable: reasonIsShareable)
    }
}

/// A new planned time as sent, the document's `Replan`.
struct ReplanBody: Codable, Hashable, Sendable {
    var plannedAt: String?
    var reason: String?
}

/// Why a release was rolled back, the document's `Rollback`.
struct RollbackBody: Codable, Hashable, Sendable {
    var reason: String?
}
