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
        try await repositories.partners.list().filter {
            $0.status != .offboarded && (only.map(Set.init)?.contains($0.id) ?? true)
        }
    }

    /// A partner's addresses for one kind of change message: its primary and secondary contacts, and its
    /// active administrators who have not turned that kind off.
    static func addresses(of partner: Partner, for kind: ReleaseNotice.Kind, in repositories: any Repositories)
        async throws -> [EmailAddress]
    {
        let contacts = [PartnerContact.Role.primary, .secondary].compactMap { partner.contact($0)?.email }
        let administrators = try await repositories.users.list(partnerID: partner.id)
            .filter { $0.isActive && $0.role == .partnerAdministrator }
        let optOuts = try await repositories.notificationPreferences.optOuts(of: administrators.map(\.id))
        return contacts
            + administrators.filter { !(optOuts[$0.id]?.contains(.change(kind)) ?? false) }.map(\.email)
    }

    /// Writes the notice to each partner's addresses (once per address) and to its webhook endpoints that
    /// subscribe to it.
    func enqueue(_ notice: ReleaseNotice, to partners: [Partner], at now: Date, in repositories: any Repositories)
        async throws
    {
        guard !planner.isSilent else { return }
        var messages: [OutboxMessage] = []
        for partner in partners {
            var seen: Set<EmailAddress> = []
            for address in try await Self.addresses(of: partner, for: notice.kind, in: repositories)
            where seen.insert(address).inserted {
                messages.append(message(notice, to: address, partnerID: partner.id, at: now))
            }
            for endpoint in try await repositories.webhooks.list(partnerID: partner.id)
            where endpoint.events.contains(.change(notice.kind)) {
                let id = ids.make()
                messages.append(
                    OutboxMessage(
                        id: id, channel: .webhook, event: notice.kind.rawValue,
                        recipient: endpoint.id.uuidString.lowercased(),
                        payload: String(decoding: notice.webhookBody(deliveryID: id, occurredAt: now), as: UTF8.self),
                        partnerID: partner.id, incidentID: nil, nextAttemptAt: now, createdAt: now))
            }
        }
        if !messages.isEmpty { try await repositories.outbox.enqueue(messages) }
    }

    /// Writes the notice to the platform's active people in `roles` who have not turned it off.
    func enqueue(_ notice: ReleaseNotice, toStaffIn roles: Set<Role>, at now: Date, in repositories: any Repositories)
        async throws
    {
        guard !planner.isSilent else { return }
        let people = try await repositories.users.list(partnerID: nil).filter { $0.isActive && roles.contains($0.role) }
        let optOuts = try await repositories.notificationPreferences.optOuts(of: people.map(\.id))
        let messages = people.filter { !(optOuts[$0.id]?.contains(.change(notice.kind)) ?? false) }.map {
            message(notice, to: $0.email, partnerID: nil, at: now)
        }
        if !messages.isEmpty { try await repositories.outbox.enqueue(messages) }
    }

    private func message(_ notice: ReleaseNotice, to address: EmailAddress, partnerID: Partner.ID?, at now: Date)
        -> OutboxMessage
    {
        OutboxMessage(
            id: ids.make(), channel: .email, event: notice.kind.rawValue, recipient: address.value,
            subject: notice.subject, content: notice.content, partnerID: partnerID, incidentID: nil, nextAttemptAt: now,
            createdAt: now)
    }
}
