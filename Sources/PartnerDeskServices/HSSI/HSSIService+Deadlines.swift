import Foundation
import PartnerDeskDomain

extension HSSIService {
    /// Acts on every HSSI whose next deadline has come: a late partner notification is reported to the Service
    /// Bridge and the service managers; a partner nobody from which joined the intervention in time (or that
    /// nobody could be invited from) is escalated to its primary, secondary and escalation contacts; an overdue
    /// status update is chased with the partner's HSSI managers and the Service Bridge. Each alert goes out
    /// once, whichever server runs the job and however often. Once a day, partners' rotas are checked for gaps
    /// (see ``flagRotaGaps(now:)``). Returns the number of messages queued.
    public func tick(now: Date) async throws -> Int {
        var sent = try await flagRotaGaps(now: now)
        for hssi in try await store.repositories.hssis.due(at: now, limit: 100) {
            sent += try await store.transaction { repositories in
                try await alert(hssi.id, at: now, in: repositories)
            }
        }
        return sent
    }

    private func alert(_ id: HigherSeverityIncident.ID, at now: Date, in repositories: any Repositories) async throws
        -> Int
    {
        guard let hssi = try await repositories.hssis.find(id: id) else { return 0 }
        let partners = try await Self.partners(of: hssi, in: repositories)
        let hours = try await calendar(forPrimaryOf: hssi, in: repositories)
        var links: [HSSIMessageLink] = []
        func once(_ key: String) async throws -> Bool {
            try await repositories.hssis.recordAlert(id, key: key, at: now)
        }
        for deadline in hssi.pendingDeadlines(hours: hours, cadence: cadence, now: now) where deadline.isOverdue {
            let key = "\(deadline.kind.rawValue) \(deadline.partnerID) \(Int(deadline.due.timeIntervalSince1970))"
            let due = NotificationComposer.londonTime(deadline.due)
            switch deadline.kind {
            case .partnerNotification:
                guard try await once(key) else { continue }
                links += try await enqueue(
                    .notificationLate, hssi: hssi, to: try await Self.bridge(in: repositories), partnerID: nil,
                    body: "The partner has not notified the platform within 30 minutes of its hours of operation "
                        + "(due \(due)). Contact the partner.",
                    at: now, in: repositories)
            case .statusUpdate:
                guard try await once(key), let partner = partners.first else { continue }
                let to = try await Self.hssiManagers(of: partner, in: repositories) + Self.bridge(in: repositories)
                links += try await enqueue(
                    .updateOverdue, hssi: hssi, to: to, partnerID: partner.id,
                    body: "A status update with the minimum data set (current impact, users affected, actions "
                        + "taken, next update due) was due at \(due). Post it on the HSSI's page.",
                    at: now, in: repositories)
            case .interventionJoin:
                continue  // Escalated below, with the partner's other contacts.
            }
        }
        for escalation in hssi.interventionEscalations(partners: partners, now: now) {
            guard try await once("escalation \(escalation.partnerID)") else { continue }
            let reason =
                escalation.reason == .nobodyToInvite
                ? "Nobody from your organisation could be invited: there is no HSSI manager on duty and no HSSI "
                    + "manager contact."
                : "Nobody from your organisation joined within 30 minutes of the invitation."
            let details = hssi.intervention.map { "\n\nJoining details:\n\($0.joiningDetails)" } ?? ""
            links += try await enqueue(
                .joinEscalation, hssi: hssi, to: escalation.contacts.map(\.email), partnerID: escalation.partnerID,
                body: "\(reason) Please join the Multi-Party Intervention now.\(details)", at: now, in: repositories)
            links += try await enqueue(
                .joinEscalation, hssi: hssi, to: try await Self.bridge(in: repositories), partnerID: nil,
                body: "\(reason.replacingOccurrences(of: "your organisation", with: "a partner")) Its other "
                    + "contacts have been asked to join.",
                at: now, in: repositories)
        }
        try await repositories.hssis.linkMessages(id, links)
        let upcoming = hssi.pendingDeadlines(hours: hours, cadence: cadence, now: now).filter { !$0.isOverdue }
        try await repositories.hssis.setNextDeadline(id, at: upcoming.map(\.due).min())
        return links.count
    }
}
