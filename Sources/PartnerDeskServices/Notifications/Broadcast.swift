import Foundation
import PartnerDeskDomain

/// A message about the platform itself told to many partners at once (change and release, outages,
/// maintenance) or to members of staff by role, written to the outbox in the transaction of the change that
/// causes it.
///
/// A partner hears through the primary and secondary contacts of its registration form, its active
/// administrators who have not turned the event off, and its webhook endpoints that subscribe to the event.
struct Broadcast: Sendable {
    var event: NotificationEvent
    var subject: String
    var content: EmailContent
    /// The webhook body for a delivery id at an instant.
    var webhookBody: @Sendable (UUID, Date) -> Data

    /// The partners the platform tells of itself: every one not offboarded, or of `only` when given.
    static func audience(_ only: [Partner.ID]? = nil, in repositories: any Repositories) async throws -> [Partner] {
        try await repositories.partners.list().filter {
            $0.status != .offboarded && (only.map(Set.init)?.contains($0.id) ?? true)
        }
    }

    /// A partner's e-mail addresses for `event`: its contacts, and its administrators who have not turned it off.
    static func addresses(of partner: Partner, for event: NotificationEvent, in repositories: any Repositories)
        async throws -> [EmailAddress]
    {
        let contacts = [PartnerContact.Role.primary, .secondary].compactMap { partner.contact($0)?.email }
        let administrators = try await repositories.users.list(partnerID: partner.id)
            .filter { $0.isActive && $0.role == .partnerAdministrator }
        let optOuts = try await repositories.notificationPreferences.optOuts(of: administrators.map(\.id))
        return contacts + administrators.filter { !(optOuts[$0.id]?.contains(event) ?? false) }.map(\.email)
    }
}

extension NotificationPlanner {
    /// Writes the broadcast to each partner's addresses (once per address) and subscribed webhook endpoints.
    /// The person named as `requester` (one of those partners' people, still active, who has not turned the
    /// event off) gets their own copy greeting them by name, and no second one. Each of `alsoTo` (people named
    /// on the record itself, such as a meeting's attendees) gets one copy too.
    func enqueue(
        _ broadcast: Broadcast, to partners: [Partner], requester: User.ID? = nil, alsoTo: [EmailAddress] = [],
        at now: Date, in repositories: any Repositories
    ) async throws {
        guard !isSilent else { return }
        var messages: [OutboxMessage] = []
        var named: Set<EmailAddress> = []
        for address in alsoTo where named.insert(address).inserted {
            messages.append(email(broadcast, to: address, partnerID: partners.first?.id, at: now))
        }
        var personal: User?
        if let requester, let user = try await repositories.users.find(id: requester)?.user, user.isActive,
            let partnerID = user.partnerID, partners.contains(where: { $0.id == partnerID }),
            !(try await repositories.notificationPreferences.optOuts(of: [user.id])[user.id]?
                .contains(broadcast.event) ?? false)
        {
            personal = user
            var greeted = broadcast
            greeted.content.blocks.insert(.paragraph("Hello \(user.displayName),"), at: 0)
            messages.append(email(greeted, to: user.email, partnerID: partnerID, at: now))
        }
        for partner in partners {
            var seen = named.union(personal.map { [$0.email] } ?? [])
            for address in try await Broadcast.addresses(of: partner, for: broadcast.event, in: repositories)
            where seen.insert(address).inserted {
                messages.append(email(broadcast, to: address, partnerID: partner.id, at: now))
            }
            for endpoint in try await repositories.webhooks.list(partnerID: partner.id)
            where endpoint.events.contains(broadcast.event) {
                let id = ids.make()
                messages.append(
                    OutboxMessage(
                        id: id, channel: .webhook, event: broadcast.event.rawValue,
                        recipient: endpoint.id.uuidString.lowercased(),
                        payload: String(decoding: broadcast.webhookBody(id, now), as: UTF8.self), partnerID: partner.id,
                        incidentID: nil, nextAttemptAt: now, createdAt: now))
            }
        }
        if !messages.isEmpty { try await repositories.outbox.enqueue(messages) }
    }

    /// Writes the broadcast to the platform's active people in `roles` who have not turned it off.
    func enqueue(_ broadcast: Broadcast, toStaffIn roles: Set<Role>, at now: Date, in repositories: any Repositories)
        async throws
    {
        guard !isSilent else { return }
        let people = try await repositories.users.list(partnerID: nil).filter { $0.isActive && roles.contains($0.role) }
        let optOuts = try await repositories.notificationPreferences.optOuts(of: people.map(\.id))
        let messages = people.filter { !(optOuts[$0.id]?.contains(broadcast.event) ?? false) }.map {
            email(broadcast, to: $0.email, partnerID: nil, at: now)
        }
        if !messages.isEmpty { try await repositories.outbox.enqueue(messages) }
    }

    private func email(_ broadcast: Broadcast, to address: EmailAddress, partnerID: Partner.ID?, at now: Date)
        -> OutboxMessage
    {
        OutboxMessage(
            id: ids.make(), channel: .email, event: broadcast.event.rawValue, recipient: address.value,
            subject: broadcast.subject, content: broadcast.content, partnerID: partnerID, incidentID: nil,
            nextAttemptAt: now, createdAt: now)
    }
}

extension ReleaseNotice {
    var broadcast: Broadcast {
        Broadcast(
            event: .change(kind), subject: subject, content: content,
            webhookBody: { [self] in webhookBody(deliveryID: $0, occurredAt: $1) })
    }
}

extension ServiceNotice {
    var broadcast: Broadcast {
        Broadcast(
            event: .service(kind), subject: subject, content: content,
            webhookBody: { [self] in webhookBody(deliveryID: $0, occurredAt: $1) })
    }
}

extension ServiceRequestNotice {
    var broadcast: Broadcast {
        Broadcast(
            event: .request(kind), subject: subject, content: content,
            webhookBody: { [self] in webhookBody(deliveryID: $0, occurredAt: $1) })
    }
}
