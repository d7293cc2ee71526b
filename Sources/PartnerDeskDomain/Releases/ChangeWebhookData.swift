import Foundation

/// What a partner's systems receive about a step of change and release, as the `data` of a webhook call: the
/// sprint, the integration-environment notice or the release it concerns, in partners' words. Like the
/// e-mails, it never carries an internal reason, a staff name or another partner.
public struct ChangeWebhookData: Hashable, Sendable, Encodable {
    public struct Feature: Hashable, Sendable, Encodable {
        public var id: String
        public var title: String
        public var description: String
        public var services: [String]
        /// `none`, `minor` or `major`.
        public var impact: String
        public var partnerAction: String?

        init(_ feature: SprintFeature) {
            id = feature.id.description
            title = feature.title
            description = feature.description
            services = feature.services
            impact = feature.impact.rawValue
            partnerAction = feature.partnerAction
        }
    }

    public struct SprintData: Hashable, Sendable, Encodable {
        public var number: Int
        public var name: String
        public var startsOn: String
        public var endsOn: String
        public var goal: String?
        /// When the sprint had already started as the digest went (a late digest); absent when in time.
        public var startedAt: String?
        public var features: [Feature]
        public var url: String
    }

    public struct NoticeData: Hashable, Sendable, Encodable {
        public var reference: String
        public var title: String
        public var description: String
        public var availableFrom: String
        public var url: String
    }

    public struct Fix: Hashable, Sendable, Encodable {
        public var problem: String
        public var title: String
    }

    public struct ReleaseData: Hashable, Sendable, Encodable {
        public var name: String
        public var summary: String
        /// `planned`, `released` or `rolled_back`.
        public var status: String
        public var plannedAt: String
        /// The time it was planned for before it moved (`release.date_moved` only).
        public var previousPlannedAt: String?
        /// Why it moved, when that may be shared with partners.
        public var reason: String?
        public var releasedAt: String?
        public var features: [Feature]?
        public var fixes: [Fix]?
        public var knownIssues: String?
        public var partnerActions: String?
        public var url: String
    }

    public var sprint: SprintData?
    public var notice: NoticeData?
    public var release: ReleaseData?

    static func sprint(_ sprint: Sprint, startedAt: Date?, link: String) -> ChangeWebhookData {
        ChangeWebhookData(
            sprint: SprintData(
                number: sprint.number, name: sprint.name, startsOn: sprint.startsOn.description,
                endsOn: sprint.endsOn.description, goal: sprint.goal,
                startedAt: startedAt.map(ISO8601Instant.string(from:)), features: sprint.features.map(Feature.init),
                url: link))
    }

    static func notice(_ notice: IntegrationNotice, link: String) -> ChangeWebhookData {
        ChangeWebhookData(
            notice: NoticeData(
                reference: notice.reference, title: notice.title, description: notice.description,
                availableFrom: notice.availableFrom.description, url: link))
    }

    static func release(
        _ release: Release, link: String, movedFrom: Date? = nil, reason: String? = nil,
        features: [SprintFeature]? = nil, fixes: [(reference: String, title: String)]? = nil
    ) -> ChangeWebhookData {
        ChangeWebhookData(
            release: ReleaseData(
                name: release.name, summary: release.summary, status: release.status.rawValue,
                plannedAt: ISO8601Instant.string(from: release.plannedAt),
                previousPlannedAt: movedFrom.map(ISO8601Instant.string(from:)), reason: reason,
                releasedAt: release.releasedAt.map(ISO8601Instant.string(from:)),
                features: features?.map(Feature.init),
                fixes: fixes?.map { Fix(problem: $0.reference, title: $0.title) },
                knownIssues: release.knownIssues, partnerActions: release.partnerActions, url: link))
    }
}
