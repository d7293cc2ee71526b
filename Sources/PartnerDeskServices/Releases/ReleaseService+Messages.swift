import Foundation
import PartnerDeskDomain

/// Who hears about change, and the outbox messages that tell them (written in the transaction of the change).
extension ReleaseService {
    /// The public service updates and releases page.
    var updatesLink: String { "\(planner.publicURL)/service-updates" }

    /// A release's own public page.
    func link(to release: Release) -> String { "\(planner.publicURL)/service-updates/releases/\(release.name)" }

    /// A notice's page, where partners acknowledge it.
    func link(to notice: IntegrationNotice) -> String { "\(planner.publicURL)/change-notices/\(notice.reference)" }

    /// A release's staff page.
    func staffLink(to release: Release) -> String { "\(planner.publicURL)/releases/\(release.id)" }

    /// A sprint's staff page.
    func staffLink(to sprint: Sprint) -> String { "\(planner.publicURL)/releases/sprints/\(sprint.id)" }

    /// A notice's staff page.
    func staffLink(to notice: IntegrationNotice) -> String { "\(planner.publicURL)/releases/notices/\(notice.id)" }

    /// The partners change is told to: every one not offboarded, or of `only` when given.
    static func audience(_ only: [Partner.ID]? = nil, in repositories: any Repositories) async throws -> [Partner] {
        try await Broadcast.audience(only, in: repositories)
    }

    /// Writes the notice to each partner's addresses and subscribed webhook endpoints.
    func enqueue(_ notice: ReleaseNotice, to partners: [Partner], at now: Date, in repositories: any Repositories)
        async throws
    {
        try await planner.enqueue(notice.broadcast, to: partners, at: now, in: repositories)
    }

    /// Writes the notice to the platform's active people in `roles` who have not turned it off.
    func enqueue(_ notice: ReleaseNotice, toStaffIn roles: Set<Role>, at now: Date, in repositories: any Repositories)
        async throws
    {
        try await planner.enqueue(notice.broadcast, toStaffIn: roles, at: now, in: repositories)
    }
}
