import Foundation
import PartnerDeskDomain

/// Integration-environment notices: written, sent to the partners a major change affects, acknowledged and
/// signed off by them, and reminded to those who have not answered.
extension ReleaseService {
    /// Writes a notice (not sent yet) under an optional idempotency key.
    public func createNotice(
        _ draft: IntegrationNoticeDraft, by principal: Principal, idempotency: IdempotencyRequest? = nil,
        render: (@Sendable (IntegrationNotice) throws -> StoredResponse)? = nil
    ) async throws -> CreateOutcome<IntegrationNotice> {
        try Authorization.require(principal, .manageReleases)
        let codes = try await partnerCodes()
        let features = try await store.repositories.releases.sprints().flatMap(\.features)
        let plan = try draft.validated(
            feature: { id in features.first { $0.id.description == id } },
            partner: { PartnerCode($0).flatMap { codes[$0] } })
        let now = clock.now()
        let service = self
        return try await store.creating(idempotency: idempotency, render: render, at: now) { repositories in
            let notice = IntegrationNotice(
                id: .init(service.ids.make()), number: try await repositories.releases.nextNoticeNumber(),
                title: plan.title, description: plan.description, featureID: plan.featureID,
                availableFrom: plan.availableFrom, partners: plan.partners, createdAt: now)
            try await repositories.releases.create(notice)
            try await service.audit.append(
                .change("integration_notice.create", by: principal, from: nil, to: notice, target: notice.reference),
                in: repositories)
            return notice
        }
    }

    /// Sends the notice to its partners' contacts; refused when it went already or while a level holds it.
    public func sendNotice(_ id: IntegrationNotice.ID, expectedVersion: Int, by principal: Principal) async throws
        -> IntegrationNotice
    {
        try Authorization.require(principal, .manageReleases)
        let service = self
        return try await changeNotice(id, "integration_notice.send", expectedVersion: expectedVersion, by: principal) {
            notice, now, repositories in
            guard notice.sentAt == nil else {
                throw ServiceError.invalidTransition("\(notice.reference) was sent already.")
            }
            try notice.recordSent(
                at: now, by: principal.displayName, name: try await service.requirementNames(in: repositories))
            let partners = try await Self.audience(notice.partners, in: repositories)
            try await service.enqueue(
                .integration(notice, reminder: false, link: service.link(to: notice)), to: partners, at: now,
                in: repositories)
        }
    }

    /// A partner's caller acknowledges the notice for its organisation, and with `signOff` says its testing is
    /// done (with an optional note). Others' answers never block it: it needs no version.
    public func respond(
        to id: IntegrationNotice.ID, signOff: Bool, note: String?, by principal: Principal
    ) async throws -> IntegrationNotice {
        try Authorization.require(principal, .respondToChangeNotice)
        guard let partner = principal.partnerID else { throw ServiceError.forbidden }
        let note = try IntegrationSignOff.checkedNote(note)
        let current = try await store.repositories.releases.find(noticeID: id)
        let notice = try Authorization.require(principal, .respondToChangeNotice, on: current)
        let answered = try await changeNotice(
            id, signOff ? "integration_notice.sign_off" : "integration_notice.acknowledge",
            expectedVersion: notice.version, by: principal
        ) { notice, now, _ in
            let signed = signOff ? IntegrationSignOff(at: now, by: principal.displayName, note: note) : nil
            try notice.respond(for: partner, by: principal.displayName, at: now, signOff: signed)
        }
        return answered.seen(by: partner)
    }

    /// Every notice the caller may see, newest first: all of them for staff; for a partner, those sent to it,
    /// as it sees them.
    public func notices(as principal: Principal) async throws -> [IntegrationNotice] {
        try Authorization.require(principal, .readChangeNotices)
        let all = try await store.repositories.releases.notices()
        guard principal.role.isPartnerRole else { return all }
        guard let partner = principal.partnerID else { return [] }
        return all.filter { $0.owner.includes(partner) }.map { $0.seen(by: partner) }
    }

    /// The latest e-mails about change sent to the caller's organisation (digests, notices, notes, moved dates,
    /// releases), newest first, with where their delivery stands.
    public func messages(to principal: Principal) async throws -> [OutboxMessage] {
        try Authorization.require(principal, .readChangeNotices)
        guard let partner = principal.partnerID else { return [] }
        let kinds = Set(ReleaseNotice.Kind.allCases.map(\.rawValue))
        return try await store.repositories.outbox.list(partnerID: partner, channel: .email, limit: 200)
            .filter { kinds.contains($0.event) }
    }

    public func notice(_ id: IntegrationNotice.ID, as principal: Principal) async throws -> IntegrationNotice {
        let notice = try Authorization.require(
            principal, .readChangeNotices, on: try await store.repositories.releases.find(noticeID: id))
        return principal.partnerID.map(notice.seen(by:)) ?? notice
    }

    /// One notice by its reference (`INT-000007`), as the caller may see it.
    public func notice(reference: String, as principal: Principal) async throws -> IntegrationNotice {
        try Authorization.require(principal, .readChangeNotices)
        guard let found = try await store.repositories.releases.notices().first(where: { $0.reference == reference })
        else { throw ServiceError.notFound }
        return try await notice(found.id, as: principal)
    }

    /// Reminds every partner that has not acknowledged a sent notice, at the policy's interval; returns how
    /// many reminders went. Run by the background jobs.
    public func sendReminders(at now: Date) async throws -> Int {
        var sent = 0
        for notice in try await store.repositories.releases.notices() {
            let due = notice.remindersDue(at: now, on: calendar)
            guard !due.isEmpty else { continue }
            let service = self
            sent += try await store.transaction { repositories in
                guard var current = try await repositories.releases.find(noticeID: notice.id),
                    current.version == notice.version
                else { return 0 }
                let partners = try await Self.audience(due, in: repositories)
                try await service.enqueue(
                    .integration(current, reminder: true, link: service.link(to: current)), to: partners, at: now,
                    in: repositories)
                for partner in due { current.recordReminder(to: partner, at: now) }
                current.version += 1
                try await repositories.releases.update(current, expectedVersion: notice.version)
                return due.count
            }
        }
        return sent
    }
}
