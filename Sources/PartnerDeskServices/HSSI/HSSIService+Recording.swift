import Foundation
import PartnerDeskDomain

/// What every HSSI use case shares: changing and saving an HSSI with its audit entry and next deadline,
/// the view a caller sees, and the people its messages go to.
extension HSSIService {
    /// Loads a visible HSSI, checks the version, lets `body` change it (and return the messages it queued),
    /// then stores it with its next deadline and writes the change to the audit log (a new step's note as its
    /// reason), in one transaction.
    func change(
        _ id: HigherSeverityIncident.ID, action: AccessAction, expectedVersion: Int, by principal: Principal,
        _ body:
            @escaping @Sendable (inout HigherSeverityIncident, Date, any Repositories) async throws
            -> [HSSIMessageLink]
    ) async throws -> HSSIView {
        let now = clock.now()
        return try await store.transaction { repositories in
            var hssi = try Authorization.require(principal, action, on: try await repositories.hssis.find(id: id))
            guard hssi.version == expectedVersion else {
                throw ServiceError.versionMismatch(currentVersion: hssi.version)
            }
            let before = hssi
            let links = try await body(&hssi, now, repositories)
            let newStep = hssi.steps.count > before.steps.count ? hssi.steps.last : nil
            try await audit.append(
                .change(
                    "hssi.\(newStep?.stage.rawValue ?? action.rawValue.replacingOccurrences(of: "hssi.", with: ""))",
                    by: principal, from: before, to: hssi, reason: newStep?.note, target: hssi.reference.description),
                in: repositories)
            return try await save(
                hssi, previousVersion: expectedVersion, links: links, at: now, in: repositories, as: principal)
        }
    }

    func change(
        _ id: HigherSeverityIncident.ID, action: AccessAction, expectedVersion: Int, by principal: Principal,
        _ body: @escaping @Sendable (inout HigherSeverityIncident, Date) throws -> [HSSIMessageLink]
    ) async throws -> HSSIView {
        try await change(id, action: action, expectedVersion: expectedVersion, by: principal) { hssi, now, _ in
            try body(&hssi, now)
        }
    }

    func save(
        _ hssi: HigherSeverityIncident, previousVersion: Int?, links: [HSSIMessageLink], at now: Date,
        in repositories: any Repositories, as principal: Principal
    ) async throws -> HSSIView {
        let next = try await nextDeadline(of: hssi, at: now, in: repositories)
        if let previousVersion {
            try await repositories.hssis.update(hssi, expectedVersion: previousVersion, nextDeadlineAt: next)
        } else {
            try await repositories.hssis.setNextDeadline(hssi.id, at: next)
        }
        try await repositories.hssis.linkMessages(hssi.id, links)
        return try await makeView(hssi, at: now, in: repositories, as: principal, withMessages: true)
    }

    /// The instant the job should next look at the HSSI: its earliest deadline still to come, or now when a
    /// partner could not be invited at all.
    func nextDeadline(of hssi: HigherSeverityIncident, at now: Date, in repositories: any Repositories) async throws
        -> Date?
    {
        let partners = try await Self.partners(of: hssi, in: repositories)
        if hssi.interventionEscalations(partners: partners, now: now).contains(where: { $0.reason == .nobodyToInvite })
        {
            return now
        }
        let hours = try await calendar(forPrimaryOf: hssi, in: repositories)
        return hssi.pendingDeadlines(hours: hours, cadence: cadence, now: now).filter { !$0.isOverdue }.map(\.due).min()
    }

    func makeView(
        _ hssi: HigherSeverityIncident, at now: Date, in repositories: any Repositories, as principal: Principal,
        withMessages: Bool, partnersByID: [Partner.ID: Partner]? = nil
    ) async throws -> HSSIView {
        let partners: [Partner]
        let hours: BusinessCalendar
        if let partnersByID {
            partners = hssi.affectedPartnerIDs.compactMap { partnersByID[$0] }
            hours = try calendars.calendar(
                for: partnersByID[hssi.primaryPartnerID]?.hoursOfOperation ?? .alwaysOpen, around: clock.now())
        } else {
            partners = try await Self.partners(of: hssi, in: repositories)
            hours = try await calendar(forPrimaryOf: hssi, in: repositories)
        }
        var messages: [HSSIMessageState] = []
        if withMessages {
            let own = try await ownAddresses(of: principal, in: repositories)
            for link in try await repositories.hssis.messages(of: hssi.id)
            where !principal.role.isPartnerRole || link.partnerID == principal.partnerID {
                guard let message = try await repositories.outbox.find(id: link.messageID) else { continue }
                var recipient = message.recipient
                if let own {
                    var role: Role?
                    if let address = EmailAddress(recipient) {
                        role = try await repositories.users.find(email: address)?.user.role
                    }
                    recipient = RecipientDisplay.forPartner(recipient, ownAddresses: own, staffRole: role)
                }
                messages.append(
                    HSSIMessageState(
                        kind: link.kind, partnerID: link.partnerID, recipient: recipient,
                        subject: message.subject, status: message.status, attempts: message.attempts,
                        createdAt: message.createdAt, deliveredAt: message.deliveredAt))
            }
        }
        return HSSIView(
            hssi: hssi, partners: partners, notification: hssi.notificationCompliance(hours: hours, now: now),
            deadlines: hssi.pendingDeadlines(hours: hours, cadence: cadence, now: now),
            escalations: hssi.interventionEscalations(partners: partners, now: now),
            nextUpdateDue: hssi.nextStatusUpdateDue(cadence: cadence),
            updateTimeliness: hssi.statusUpdateTimeliness(cadence: cadence, now: now), messages: messages, at: now)
    }

    /// For a partner's caller, the addresses its organisation owns (people, registered contacts, rota), which
    /// it may see on messages; `nil` for staff, who see every address.
    func ownAddresses(of principal: Principal, in repositories: any Repositories) async throws -> Set<String>? {
        guard principal.role.isPartnerRole else { return nil }
        guard let partnerID = principal.partnerID, let partner = try await repositories.partners.find(id: partnerID)
        else { return [] }
        let people = try await repositories.users.list(partnerID: partnerID).map(\.email.value)
        let contacts = partner.contacts.map(\.email.value)
        let rota = try await repositories.hssis.rotaEntries(partnerID: partnerID).map(\.entry.email.value)
        return Set((people + contacts + rota).map { $0.lowercased() })
    }

    /// The primary partner's hours of operation as a calendar.
    func calendar(forPrimaryOf hssi: HigherSeverityIncident, in repositories: any Repositories) async throws
        -> BusinessCalendar
    {
        let hours = try await repositories.partners.find(id: hssi.primaryPartnerID)?.hoursOfOperation ?? .alwaysOpen
        return try calendars.calendar(for: hours, around: clock.now())
    }

    /// Writes one e-mail per address to the outbox and returns the links to keep with the HSSI.
    func enqueue(
        _ kind: HSSINotice.Kind, hssi: HigherSeverityIncident, to addresses: [EmailAddress], partnerID: Partner.ID?,
        body: String, at now: Date, in repositories: any Repositories
    ) async throws -> [HSSIMessageLink] {
        guard !planner.isSilent else { return [] }
        let notice = HSSINotice(
            kind: kind, reference: hssi.reference, title: hssi.title, stage: hssi.stage, severity: hssi.severity,
            body: body, link: "\(planner.publicURL)/hssi/\(hssi.reference)")
        var seen: Set<EmailAddress> = []
        let messages = addresses.filter { seen.insert($0).inserted }.map { address in
            OutboxMessage(
                id: ids.make(), channel: .email, event: kind.rawValue, recipient: address.value,
                subject: notice.subject, content: notice.content, partnerID: partnerID, incidentID: nil,
                nextAttemptAt: now, createdAt: now)
        }
        if !messages.isEmpty { try await repositories.outbox.enqueue(messages) }
        return messages.map { HSSIMessageLink(kind: kind.rawValue, messageID: $0.id, partnerID: partnerID) }
    }

    static func partners(of hssi: HigherSeverityIncident, in repositories: any Repositories) async throws -> [Partner] {
        var partners: [Partner] = []
        for id in hssi.affectedPartnerIDs {
            if let partner = try await repositories.partners.find(id: id) { partners.append(partner) }
        }
        return partners
    }

    /// A partner's HSSI manager contact and its active people in the HSSI manager role; when it has neither,
    /// its active administrators, so that the partner always hears.
    static func hssiManagers(of partner: Partner, in repositories: any Repositories) async throws -> [EmailAddress] {
        let people = try await repositories.users.list(partnerID: partner.id).filter(\.isActive)
        let managers =
            (partner.contact(.hssiManager).map { [$0.email] } ?? [])
            + people.filter { $0.role == .partnerHSSIManager }.map(\.email)
        return managers.isEmpty ? people.filter { $0.role == .partnerAdministrator }.map(\.email) : managers
    }

    /// The Service Bridge operators and service managers.
    static func bridge(in repositories: any Repositories) async throws -> [EmailAddress] {
        try await repositories.users.list(partnerID: nil).filter {
            $0.isActive && ($0.role == .serviceBridgeOperator || $0.role == .serviceManager)
        }
        .map(\.email)
    }

    static func actor(_ principal: Principal) -> HSSIActor {
        HSSIActor(name: principal.displayName, role: principal.role.label)
    }
}
