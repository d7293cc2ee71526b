import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing

/// Every change to a record lands in the hash-chained audit log with who, the fields before and after, and the
/// reason given; one record's history reads back on its own, and free text appears by its size only.
@Suite struct AuditTrailTests {
    let clock = FixedClock(ISO8601Instant.date(from: "2026-11-23T09:00:00Z")!)

    func entries(_ services: AppServices, about subject: AuditSubject) async throws -> [AuditEntry] {
        var query = AuditQuery()
        query.subject = subject
        return try await services.audit.list(query).reversed()
    }

    @Test func incidentsProblemsAndHSSIs_recordEveryChange_withBeforeAfterAndReason() async throws {
        let services = AppServices.inMemory(clock: clock)
        let partner = try await services.partners.register(
            PartnerDraft(
                code: "WELLPATH", name: "Wellpath", status: "live", services: [.init(name: "GP", clientID: "wp")]))
        let system = try #require(
            try await services.tokens.authenticate(
                try await services.tokens.create(name: "Wellpath system", partnerCode: partner.code, role: nil).secret))
        let desk = Principal(
            credential: .user(.init(UUID())), displayName: "Fiona", role: .firstLineAgent, partnerID: nil,
            scope: .write)
        let draft = IncidentReportDraft(
            type: "accessing_service", occurredAt: "2026-11-23T08:00:00Z", userEmail: "u@example.org",
            errorType: "Loop", description: "The sign-in page loops back", deviceType: "mobile",
            operatingSystem: "iOS", operatingSystemVersion: "17")
        guard case .created(let raised, _) = try await services.incidents.raise(draft, by: system) else {
            Issue.record("not raised")
            return
        }
        let received = try await services.incidents.transition(
            raised.incident.id, IncidentTransitionDraft(action: "receive", severity: 3, note: "Known sign-in issue"),
            expectedVersion: raised.incident.version, by: desk)
        _ = try await services.incidents.comment(
            raised.incident.id, text: "Any news on this?", visibility: .public, by: system)

        let history = try await entries(services, about: raised.incident.auditSubject)
        #expect(history.map(\.action) == ["incident.raise", "incident.receive", "incident.comment"])
        #expect(history[0].actorName == "Wellpath system" && history[0].changes.contains { $0.field == "status" })
        // Free text by its size, never its words.
        #expect(history[0].changes.first { $0.field == "description" }?.after == "27 characters")
        #expect(!history.flatMap(\.changes).contains { ($0.after ?? "").contains("loops back") })
        let receive = history[1]
        #expect(receive.actorName == "Fiona" && receive.reason == "Known sign-in issue")
        #expect(receive.changes.contains(FieldChange(field: "severity", before: nil, after: "3")))
        #expect(
            receive.changes.contains(
                FieldChange(field: "status", before: "raised", after: received.incident.status.rawValue)))
        #expect(history[2].changes == [FieldChange(field: "comment", before: nil, after: "17 characters")])

        let manager = Principal(
            credential: .user(.init(UUID())), displayName: "Pat", role: .problemManager, partnerID: nil, scope: .write)
        let problem = try await services.problems.record(
            ProblemDraft(title: "Loop", description: "Loops", severity: 3, origin: nil), by: manager
        ).problem
        let moved = try await services.problems.move(
            problem.id, to: "investigating", expectedVersion: problem.version, by: manager)
        _ = try await services.problems.publish(
            problem.id, summary: "Sign-in can loop.", expectedVersion: moved.problem.version, by: manager)
        let problemHistory = try await entries(services, about: problem.auditSubject)
        #expect(problemHistory.map(\.action) == ["problem.record", "problem.investigating", "problem.publish"])
        #expect(problemHistory[2].changes.contains(FieldChange(field: "published", before: "no", after: "yes")))

        let hssi = try await services.hssis.declare(
            HSSIDeclarationDraft(
                title: "Wrong record shown", description: "Users saw other records",
                occurredAt: ISO8601Instant.string(from: clock.now()), severity: 1, category: "other"),
            by: system
        ).hssi
        #expect(try await entries(services, about: hssi.auditSubject).map(\.action) == ["hssi.declare"])
        #expect(try await services.audit.verify().isIntact)
    }

    @Test func peopleTokensWebhooksRotasAndPreferences_recordTheirChanges_neverASecret() async throws {
        let services = AppServices.inMemory(clock: clock)
        let partner = try await services.partners.register(
            PartnerDraft(code: "WELLPATH", name: "Wellpath", status: "live"))
        #expect(try await entries(services, about: partner.auditSubject).map(\.action) == ["partner.register"])
        let admin = Principal(
            credential: .user(.init(UUID())), displayName: "Alex", role: .administrator, partnerID: nil, scope: .write)
        let person = try await services.accounts.add(
            email: "rosa@wellpath.example", name: "Rosa", role: .partnerReporter, partnerCode: partner.code, by: admin
        ).user
        _ = try await services.accounts.changeRole(of: person.id, to: "partner_hssi_manager", as: admin)
        let personHistory = try await entries(services, about: person.auditSubject)
        #expect(personHistory.map(\.action) == ["user.add", "user.role_change"])
        #expect(
            personHistory[1].changes
                == [FieldChange(field: "role", before: "partner_reporter", after: "partner_hssi_manager")])

        let issued = try await services.tokens.create(
            name: "Booking", scope: .write, expiresAt: nil, partnerCode: partner.code, role: nil, as: admin)
        try await services.tokens.revoke(issued.token.id, by: admin)
        let tokenHistory = try await entries(services, about: issued.token.auditSubject)
        #expect(tokenHistory.map(\.action) == ["token.create", "token.revoke"])
        #expect(tokenHistory[1].changes.map(\.field) == ["revokedAt"])

        let endpoint = try await services.notifications.addWebhook(
            url: "https://hooks.wellpath.example/in", events: ["incident.received"], partnerCode: "WELLPATH", as: admin)
        _ = try await services.notifications.rotateWebhookSecret(endpoint.endpoint.id, as: admin)
        try await services.notifications.removeWebhook(endpoint.endpoint.id, as: admin)
        let hooks = try await entries(services, about: endpoint.endpoint.auditSubject)
        #expect(hooks.map(\.action) == ["webhook.create", "webhook.rotate_secret", "webhook.delete"])
        let texts = hooks.flatMap(\.changes).flatMap { [$0.before, $0.after].compactMap { $0 } }
        #expect(!texts.contains { $0.contains(endpoint.secret) }, "a webhook secret never reaches the log")

        let rota = try await services.hssis.addRotaEntry(
            partnerCode: "WELLPATH", managerName: "Nina", email: "nina@wellpath.example", phone: nil,
            startsAt: "2026-11-26T00:00:00Z", endsAt: "2026-11-27T00:00:00Z", by: admin)
        let entry = try #require(rota.entries.first)
        _ = try await services.hssis.removeRotaEntry(entry.id, partnerCode: "WELLPATH", by: admin)
        #expect(
            try await entries(services, about: entry.auditSubject).map(\.action) == [
                "hssi.rota_add", "hssi.rota_remove",
            ])

        let rosa = Principal(
            credential: .user(person.id), displayName: "Rosa", role: .partnerHSSIManager, partnerID: partner.id,
            scope: .write)
        try await services.notifications.setPreferences(enabled: [], for: rosa)
        let preferences = try await entries(
            services, about: AuditSubject(kind: "preferences", id: person.id.description))
        #expect(preferences.count == 1 && preferences[0].changes.first?.field == "optedOut")
        #expect(try await services.audit.verify().isIntact)
    }
}
