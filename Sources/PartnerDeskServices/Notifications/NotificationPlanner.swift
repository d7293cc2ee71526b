import Foundation
import PartnerDeskDomain

/// Decides who hears about an incident event and writes their messages to the outbox, inside the
/// transaction of the change that causes them: a change that is rolled back sends nothing, and one that
/// commits is never forgotten.
///
/// Partner events go to the incident's alternative contact when it is an e-mail address, otherwise the
/// primary contact from the partner's registration form, to the partner's own people who have not turned
/// the event off, and to the partner's webhook endpoints that subscribe to it. SLA events go to the staff of
/// the group working on the incident and to the service managers, unless they turned them off. Nobody ever
/// receives another partner's incident.
public struct NotificationPlanner: Sendable {
    /// The address e-mails come from.
    public var sender: EmailAddress
    /// The service's public address, for links in messages (no trailing slash).
    public var publicURL: String
    let ids: any IDGenerator
    /// Plans nothing: for loading demo data, whose back-dated changes should not notify anyone.
    let isSilent: Bool

    public init(sender: EmailAddress, publicURL: String, ids: any IDGenerator) {
        self.init(sender: sender, publicURL: publicURL, ids: ids, isSilent: false)
    }

    private init(sender: EmailAddress, publicURL: String, ids: any IDGenerator, isSilent: Bool) {
        self.sender = sender
        self.publicURL = publicURL
        self.ids = ids
        self.isSilent = isSilent
    }

    /// A planner that writes no messages.
    static let silent = NotificationPlanner(
        sender: EmailAddress("nobody@partnerdesk.invalid")!, publicURL: "", ids: SilentIDs(), isSilent: true)

    private struct SilentIDs: IDGenerator {
        func make() -> UUID { UUID() }
    }

    /// Writes the messages for `event` about `incident` to the outbox.
    func plan(
        _ event: IncidentNotice.Event, incident: Incident, partner: Partner, note: String?, at instant: Date,
        due: Date?, repositories: any Repositories
    ) async throws {
        guard !isSilent else { return }
        let notice = IncidentNotice(
            event: event, incidentID: incident.id, reference: incident.reference,
            partnerReference: incident.report.partnerReference, partnerName: partner.name,
            errorType: incident.report.errorType, status: incident.status, severity: incident.severity, due: due,
            note: event.audience == .partner ? note : nil, link: "\(publicURL)/incidents/\(incident.id)")
        var messages: [OutboxMessage] = []
        let email = NotificationComposer.email(notice)
        for address in try await recipients(of: event, incident: incident, partner: partner, in: repositories) {
            messages.append(
                OutboxMessage(
                    id: ids.make(), channel: .email, event: event.rawValue, recipient: address.value,
                    subject: email.subject, content: email.content, partnerID: partner.id,
                    incidentID: incident.id, nextAttemptAt: instant, createdAt: instant))
        }
        if event.audience == .partner {
            for endpoint in try await repositories.webhooks.list(partnerID: partner.id)
            where endpoint.events.contains(.incident(event)) {
                let id = ids.make()
                let body = NotificationComposer.webhookBody(notice, deliveryID: id, occurredAt: instant)
                messages.append(
                    OutboxMessage(
                        id: id, channel: .webhook, event: event.rawValue,
                        recipient: endpoint.id.uuidString.lowercased(),
                        payload: String(decoding: body, as: UTF8.self), partnerID: partner.id, incidentID: incident.id,
                        nextAttemptAt: instant, createdAt: instant))
            }
        }
        if !messages.isEmpty { try await repositories.outbox.enqueue(messages) }
    }

    /// The e-mail addresses that receive `event`, each once.
    private func recipients(
        of event: IncidentNotice.Event, incident: Incident, partner: Partner, in repositories: any Repositories
    ) async throws -> [EmailAddress] {
        var addresses: [EmailAddress] = []
        let people: [User]
        switch event.audience {
        case .partner:
            if let alternative = incident.report.alternativeContact.flatMap(EmailAddress.init) {
                addresses.append(alternative)
            } else if let primary = partner.contact(.primary) {
                addresses.append(primary.email)
            }
            people = try await repositories.users.list(partnerID: partner.id)
        case .staff:
            let group: Role = incident.group == .devOps ? .devOpsEngineer : .firstLineAgent
            people = try await repositories.users.list(partnerID: nil).filter {
                $0.role == group || $0.role == .serviceManager
            }
        }
        let active = people.filter(\.isActive)
        let optOuts = try await repositories.notificationPreferences.optOuts(of: active.map(\.id))
        addresses += active.filter { !(optOuts[$0.id]?.contains(.incident(event)) ?? false) }.map(\.email)
        var seen: Set<EmailAddress> = []
        return addresses.filter { seen.insert($0).inserted }
    }
}
