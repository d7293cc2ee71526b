import Foundation
import PartnerDeskDomain

extension HSSIService {
    /// A partner's HSSI manager rota with who is on duty now and the gaps in cover over the next 14 days
    /// (within the partner's hours of operation). Partners' people see their own; staff name the partner.
    public func rota(partnerCode: String?, as principal: Principal) async throws -> HSSIRotaView {
        let partner = try await rotaPartner(partnerCode, principal, .readHSSI)
        let now = clock.now()
        let entries = try await store.repositories.hssis.rotaEntries(partnerID: partner.id)
        let rota = HSSIManagerRota(partnerID: partner.id, entries: entries.map(\.entry))
        let hours = try calendars.calendar(for: partner.hoursOfOperation, around: now)
        return HSSIRotaView(
            partner: partner, entries: entries, onDuty: rota.onDuty(at: now),
            gaps: rota.upcomingGaps(now: now, hours: hours))
    }

    /// Adds a manager's time on duty to a partner's rota.
    public func addRotaEntry(
        partnerCode: String?, managerName: String, email: String, phone: String?, startsAt: String?, endsAt: String?,
        by principal: Principal
    ) async throws -> HSSIRotaView {
        let partner = try await rotaPartner(partnerCode, principal, .manageHSSIRota)
        var check = ValidationCollector()
        let starts = check.instant(startsAt, field: "startsAt", required: true, now: nil)
        let ends = check.instant(endsAt, field: "endsAt", required: true, now: nil)
        var entry: HSSIRotaEntry?
        do {
            entry = try HSSIRotaEntry(
                managerName: managerName, email: email, phone: phone?.isEmpty == true ? nil : phone,
                startsAt: starts ?? .distantPast, endsAt: ends ?? .distantFuture)
        } catch {
            for issue in error.issues { check.add(issue.field, issue.code, issue.message) }
        }
        try check.finish()
        guard let entry else { throw ValidationFailure(check.issues) }
        let stored = StoredRotaEntry(
            id: ids.make(), partnerID: partner.id, entry: entry, addedBy: principal.displayName, addedAt: clock.now())
        let audit = self.audit
        try await store.transaction { repositories in
            try await repositories.hssis.addRotaEntry(stored)
            try await audit.append(
                .change("hssi.rota_add", by: principal, from: nil, to: stored, target: partner.code.description),
                in: repositories)
        }
        return try await rota(partnerCode: partner.code.description, as: principal)
    }

    /// Removes an entry from a partner's rota; another partner's entry reads as missing.
    public func removeRotaEntry(_ id: UUID, partnerCode: String?, by principal: Principal) async throws -> HSSIRotaView
    {
        let partner = try await rotaPartner(partnerCode, principal, .manageHSSIRota)
        let entries = try await store.repositories.hssis.rotaEntries(partnerID: partner.id)
        let entry = try Authorization.require(principal, .manageHSSIRota, on: entries.first { $0.id == id })
        let (partnerID, audit) = (partner.id, self.audit)
        try await store.transaction { repositories in
            guard try await repositories.hssis.removeRotaEntry(id, partnerID: partnerID) else {
                throw ServiceError.notFound
            }
            try await audit.append(
                .change("hssi.rota_remove", by: principal, from: entry, to: nil, target: partner.code.description),
                in: repositories)
        }
        return try await rota(partnerCode: partner.code.description, as: principal)
    }

    /// Once a day for each partner that keeps a rota and is not offboarded (once across servers): checks the rota
    /// for gaps in cover over the next 14 days within the partner's hours of operation and, when there are any,
    /// e-mails its HSSI managers and the service managers. (A partner without a rota relies on the HSSI manager
    /// named on its registration form.) Returns the number of messages queued.
    func flagRotaGaps(now: Date) async throws -> Int {
        var london = Calendar(identifier: .gregorian)
        london.timeZone = TimeZone(identifier: "Europe/London")!
        let parts = london.dateComponents([.year, .month, .day], from: now)
        let day = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        guard !rotaCheckDay.isDone(day) else { return 0 }
        var queued = 0
        let kept = Set(try await store.repositories.hssis.rotaEntries(partnerID: nil).map(\.partnerID))
        for partner in try await store.repositories.partners.list()
        where partner.status != .offboarded && kept.contains(partner.id) {
            let hours = try calendars.calendar(for: partner.hoursOfOperation, around: now)
            queued += try await store.transaction { repositories in
                guard try await repositories.hssis.recordRotaCheck(partnerID: partner.id, day: day, at: now) else {
                    return 0
                }
                let entries = try await repositories.hssis.rotaEntries(partnerID: partner.id).map(\.entry)
                let gaps = HSSIManagerRota(partnerID: partner.id, entries: entries).upcomingGaps(now: now, hours: hours)
                guard !gaps.isEmpty else { return 0 }
                let notice = RotaGapNotice(
                    partnerName: partner.name,
                    gaps: gaps.map {
                        "\(NotificationComposer.londonTime($0.start)) to \(NotificationComposer.londonTime($0.end))"
                    },
                    link: "\(planner.publicURL)/organisation/hssi-rota?partner=\(partner.code)")
                let managers = try await repositories.users.list(partnerID: nil).filter {
                    $0.isActive && $0.role == .serviceManager
                }
                var seen: Set<EmailAddress> = []
                let messages = (try await Self.hssiManagers(of: partner, in: repositories) + managers.map(\.email))
                    .filter { seen.insert($0).inserted }.map { address in
                        OutboxMessage(
                            id: ids.make(), channel: .email, event: RotaGapNotice.event, recipient: address.value,
                            subject: notice.subject, content: notice.content, partnerID: partner.id, incidentID: nil,
                            nextAttemptAt: now, createdAt: now)
                    }
                if !messages.isEmpty { try await repositories.outbox.enqueue(messages) }
                return messages.count
            }
        }
        rotaCheckDay.done(day)
        return queued
    }

    /// The partner whose rota is meant, once the role allows `action`: a partner's own, or for staff the one
    /// named.
    private func rotaPartner(_ code: String?, _ principal: Principal, _ action: AccessAction) async throws -> Partner {
        try Authorization.require(principal, action)
        if principal.role.isPartnerRole {
            guard let id = principal.partnerID, let partner = try await store.repositories.partners.find(id: id) else {
                throw ServiceError.notFound
            }
            return partner
        }
        guard let code = code.flatMap(PartnerCode.init) else {
            throw ValidationFailure([
                ValidationIssue(field: "partner", code: "required", message: "Choose the partner whose rota this is.")
            ])
        }
        guard let partner = try await store.repositories.partners.find(code: code) else { throw ServiceError.notFound }
        return partner
    }
}
