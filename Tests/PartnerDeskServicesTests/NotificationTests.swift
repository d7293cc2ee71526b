import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing

/// Notifications end to end over the in-memory store: who is told what, when, and what happens when
/// delivery fails.
@Suite struct NotificationTests {
    /// Monday 23 November 2026, 09:00 London (GMT).
    static let monday9 = ISO8601Instant.date(from: "2026-11-23T09:00:00Z")!

    struct Fixture {
        let store: InMemoryStore
        let services: AppServices
        let clock: FixedClock
        let transports: RecordingTransports
        let partner: Principal
        let desk: Principal
        let partnerAdmin: Principal
    }

    static func fixture(alternativeContact: String? = nil) async throws -> (Fixture, Incident.ID) {
        let clock = FixedClock(monday9)
        let transports = RecordingTransports()
        let store = InMemoryStore()
        let services = AppServices.inMemory(store: store, clock: clock, transports: transports)
        _ = try await services.partners.register(
            PartnerDraft(
                code: "WELLPATH", name: "Wellpath", status: "live", services: [.init(name: "GP", clientID: "wp-gp")],
                contacts: [.init(role: "primary", name: "Pat Primary", email: "primary@wellpath.example")]))
        _ = try await services.partners.register(
            PartnerDraft(
                code: "CAREBRIDGE", name: "CareBridge", status: "live",
                contacts: [.init(role: "primary", name: "Cat", email: "primary@carebridge.example")]))
        func person(_ email: String, _ role: Role, _ partner: String?) async throws -> Principal {
            let invitation = try await services.accounts.add(
                email: email, name: email, role: role, partnerCode: partner.flatMap(PartnerCode.init))
            return Principal(
                credential: .user(invitation.user.id), displayName: email, role: role,
                partnerID: invitation.user.partnerID, scope: .write)
        }
        let partnerAdmin = try await person("admin@wellpath.example", .partnerAdministrator, "WELLPATH")
        _ = try await person("carl@carebridge.example", .partnerReporter, "CAREBRIDGE")
        let desk = try await person("fiona@desk.example", .firstLineAgent, nil)
        _ = try await person("dev@desk.example", .devOpsEngineer, nil)
        _ = try await person("sam@desk.example", .serviceManager, nil)
        let partner = try #require(
            try await services.tokens.authenticate(
                services.tokens.create(name: "Wellpath system", partnerCode: PartnerCode("WELLPATH"), role: nil).secret)
        )
        let draft = IncidentReportDraft(
            service: "wp-gp", partnerReference: "WP-77", type: "proving_identity", occurredAt: "2026-11-23T08:00:00Z",
            userEmail: "jo.bloggs@example.org", errorType: "Photo upload fails",
            description: "The passport photo upload spins forever", deviceType: "mobile", operatingSystem: "iOS",
            operatingSystemVersion: "17", alternativeContact: alternativeContact)
        guard case .created(let view, _) = try await services.incidents.raise(draft, by: partner) else {
            throw ServiceError.notFound
        }
        let fixture = Fixture(
            store: store, services: services, clock: clock, transports: transports, partner: partner, desk: desk,
            partnerAdmin: partnerAdmin)
        return (fixture, view.incident.id)
    }

    func transition(_ fixture: Fixture, _ id: Incident.ID, _ request: IncidentTransitionDraft) async throws {
        let version = try await fixture.services.incidents.view(id, as: fixture.desk).incident.version
        _ = try await fixture.services.incidents.transition(id, request, expectedVersion: version, by: fixture.desk)
    }

    @Test func receiving_tellsThePartnersContactAndPeople_byMailAndWebhook_afterCommit() async throws {
        let (fixture, id) = try await Self.fixture()
        let endpoint = try await fixture.services.notifications.addWebhook(
            url: "https://hooks.wellpath.example/partnerdesk", events: ["incident.received"], partnerCode: nil,
            as: fixture.partnerAdmin)
        #expect(try await fixture.services.jobs.tick(now: fixture.clock.now()).delivery.delivered == 0)

        try await transition(fixture, id, IncidentTransitionDraft(action: "receive", severity: 2))
        let report = try await fixture.services.jobs.tick(now: fixture.clock.now())
        #expect(report.delivery.delivered == 3)
        let mails = fixture.transports.mails
        #expect(Set(mails.flatMap(\.to).map(\.value)) == ["primary@wellpath.example", "admin@wellpath.example"])
        let mail = try #require(mails.first)
        #expect(mail.subject == "INC-000001: received by the First Line Service Desk")
        let facts = mail.content.facts
        #expect(facts.contains(.init("Severity", "Severity 2")))
        #expect(facts.contains(.init("Resolution due", "Mon, 23 Nov 2026 at 17:00")))
        #expect(facts.contains(.init("Your reference", "WP-77")))
        #expect(
            mail.content.blocks.contains(
                .action(label: "Open INC-000001", link: "http://127.0.0.1:8080/incidents/\(id)")))
        // Never the user's address or the description, never another partner.
        for text in mails.flatMap({ $0.content.strings + [$0.subject] }) {
            #expect(!text.contains("jo.bloggs") && !text.contains("passport photo") && !text.contains("CareBridge"))
        }
        let webhook = try #require(fixture.transports.webhooks.first)
        #expect(webhook.event == "incident.received" && webhook.url == endpoint.endpoint.url)
        #expect(webhook.secrets == [endpoint.secret])
        let body = try JSONSerialization.jsonObject(with: webhook.body) as? [String: Any]
        #expect(body?["id"] as? String == webhook.id.uuidString.lowercased())
        #expect(
            (body?["data"] as? [String: Any]).flatMap { $0["incident"] as? [String: Any] }?["severity"] as? Int == 2)
        #expect(try await fixture.services.jobs.tick(now: fixture.clock.now()).delivery.delivered == 0)
    }

    @Test func theIncidentsAlternativeContact_replacesThePrimaryContact_andOptOutsAreHonoured() async throws {
        let (fixture, id) = try await Self.fixture(alternativeContact: "oncall@wellpath.example")
        try await fixture.services.notifications.setPreferences(enabled: [], for: fixture.partnerAdmin)
        #expect(
            try await fixture.services.notifications.preferences(of: fixture.partnerAdmin).allSatisfy { !$0.enabled })
        try await transition(fixture, id, IncidentTransitionDraft(action: "receive", severity: 3))
        _ = try await fixture.services.jobs.tick(now: fixture.clock.now())
        #expect(fixture.transports.mails.flatMap(\.to).map(\.value) == ["oncall@wellpath.example"])
    }

    @Test(arguments: [
        "https://127.0.0.1/hook", "https://2130706433/", "https://0x7f.1/", "https://017700000001/", "https://127.1/",
        "https://[::1]/", "https://[::ffff:127.0.0.1]/", "https://localhost/", "https://app.localhost/",
        "https://169.254.169.254/latest", "https://metadata.google.internal/", "https://10.0.0.1/",
        "https://192.168.1.1/", "https://172.16.0.1/", "https://100.64.0.1/", "https://0.0.0.0/",
        "http://hooks.example.org/", "https://user:pw@hooks.example.org/", "https://224.0.0.1/",
        "https://255.255.255.255/", "https://[fe80::1]/", "https://[fc00::1]/", "https://0177.0.0.1/",
    ])
    func webhookAddresses_thatDeliveryWouldRefuse_areRefusedWhenRegistered(_ url: String) async throws {
        let (fixture, _) = try await Self.fixture()
        await #expect {
            _ = try await fixture.services.notifications.addWebhook(
                url: url, events: ["incident.received"], partnerCode: nil, as: fixture.partnerAdmin)
        } throws: { error in
            (error as? ValidationFailure)?.issues.map(\.code) == ["refused_address"]
        }
        #expect(try await fixture.services.notifications.webhooks(as: fixture.partnerAdmin).isEmpty)
    }

    @Test func partnerAdministrators_seeTheirOrganisationsRecentDeliveries() async throws {
        let (fixture, id) = try await Self.fixture()
        let endpoint = try await fixture.services.notifications.addWebhook(
            url: "https://hooks.wellpath.example/partnerdesk", events: ["incident.received"], partnerCode: nil,
            as: fixture.partnerAdmin)
        #expect(try await fixture.services.notifications.recentDeliveries(as: fixture.partnerAdmin).isEmpty)
        try await transition(fixture, id, IncidentTransitionDraft(action: "receive", severity: 2))
        let waiting = try await fixture.services.notifications.recentDeliveries(as: fixture.partnerAdmin)
        #expect(waiting.map(\.status) == [.pending])
        #expect(waiting.first?.recipient == endpoint.endpoint.id.uuidString.lowercased())
        _ = try await fixture.services.jobs.tick(now: fixture.clock.now())
        let delivered = try await fixture.services.notifications.recentDeliveries(as: fixture.partnerAdmin)
        #expect(delivered.map(\.status) == [.delivered] && delivered.first?.event == "incident.received")
        // The desk does not manage webhooks; staff read failures on the outbox page.
        await #expect(throws: ServiceError.forbidden) {
            _ = try await fixture.services.notifications.recentDeliveries(as: fixture.desk)
        }
    }

    @Test func mail_showsReorderingControlsAsMarkers_inSubjectAndBodies() throws {
        let address = try #require(EmailAddress("desk@example.org"))
        let message = MailMessage(
            id: UUID(), from: address, to: [address], subject: "INC-000001 \u{202E}gpj.exe",
            content: EmailContent([
                .paragraph("Loop \u{2066}x\u{2069}"), .facts([.init("\u{202B}y", "z\u{202C}")]),
                .action(label: "Open", link: "https://desk.example/\u{202E}"),
            ]))
        #expect(message.subject == "INC-000001 [U+202E]gpj.exe")
        #expect(
            message.content
                == EmailContent([
                    .paragraph("Loop [U+2066]x[U+2069]"), .facts([.init("[U+202B]y", "z[U+202C]")]),
                    .action(label: "Open", link: "https://desk.example/[U+202E]"),
                ]))
    }

    @Test func aRefusedChange_queuesNothing() async throws {
        let (fixture, id) = try await Self.fixture()
        await #expect(throws: ServiceError.self) {
            _ = try await fixture.services.incidents.transition(
                id, IncidentTransitionDraft(action: "receive", severity: 2), expectedVersion: 99, by: fixture.desk)
        }
        _ = try await fixture.services.jobs.tick(now: fixture.clock.now())
        #expect(fixture.transports.mails.isEmpty)
    }

    @Test func failedDeliveries_areRetriedWithBackoff_thenBecomeDeadLetters_thatAdministratorsRetryOrDiscard()
        async throws
    {
        let (fixture, id) = try await Self.fixture()
        fixture.transports.failing(with: DeliveryFailure(retryable: true, reason: "451 try later"))
        try await transition(fixture, id, IncidentTransitionDraft(action: "receive", severity: 2))
        var report = try await fixture.services.jobs.tick(now: fixture.clock.now())
        #expect(report.delivery.retried == 2 && report.delivery.delivered == 0)
        // Not due again at once; the test policy allows three attempts with waits of up to 60 and 120 s.
        #expect(try await fixture.services.jobs.tick(now: fixture.clock.now()).delivery.retried == 0)
        fixture.clock.advance(by: 61)
        report = try await fixture.services.jobs.tick(now: fixture.clock.now())
        #expect(report.delivery.retried == 2)
        fixture.clock.advance(by: 121)
        report = try await fixture.services.jobs.tick(now: fixture.clock.now())
        #expect(report.delivery.deadLettered == 2)

        let admin = Principal(
            credential: .user(.init(UUID())), displayName: "Alex", role: .administrator, partnerID: nil, scope: .write)
        let dead = try await fixture.services.notifications.deadLetters(as: admin)
        #expect(dead.count == 2 && dead.allSatisfy { $0.attempts == 3 && $0.lastError == "451 try later" })
        await #expect(throws: ServiceError.forbidden) {
            _ = try await fixture.services.notifications.deadLetters(as: fixture.partnerAdmin)
        }
        fixture.transports.failing(with: nil)
        try await fixture.services.notifications.retryDeadLetter(dead[0].id, as: admin)
        try await fixture.services.notifications.discardDeadLetter(dead[1].id, as: admin)
        #expect(try await fixture.services.jobs.tick(now: fixture.clock.now()).delivery.delivered == 1)
        #expect(fixture.transports.mails.map(\.id) == [dead[0].id])
        // The metrics heard of every failed attempt (2 messages × 3) and the one delivery.
        #expect(fixture.transports.failedCount == 6 && fixture.transports.deliveredCount == 1)
        #expect(try await fixture.services.notifications.deadLetters(as: admin).isEmpty)
    }

    @Test func aFailureThatRetryingCannotFix_isADeadLetterAtOnce() async throws {
        let (fixture, id) = try await Self.fixture()
        fixture.transports.failing(with: DeliveryFailure(retryable: false, reason: "550 no such user"))
        try await transition(fixture, id, IncidentTransitionDraft(action: "receive", severity: 2))
        #expect(try await fixture.services.jobs.tick(now: fixture.clock.now()).delivery.deadLettered == 2)
    }

    @Test func slaWarningsAndTheBreach_reachTheGroupAndServiceManagers_onceEach() async throws {
        let (fixture, id) = try await Self.fixture()
        // Severity 1: 4 business hours from 09:00 Monday, so 50 % at 11:00, 75 % at 12:00, due 13:00 (met at
        // 13:00 itself, breached from the second after).
        try await transition(fixture, id, IncidentTransitionDraft(action: "receive", severity: 1))
        _ = try await fixture.services.jobs.tick(now: fixture.clock.now())
        let partnerMails = fixture.transports.mails.count

        func staffSubjects() -> [String] {
            fixture.transports.mails.dropFirst(partnerMails).filter {
                $0.to.first?.value.hasSuffix("desk.example") == true
            }
            .map { "\($0.to[0].value) \($0.subject)" }.sorted()
        }
        fixture.clock.advance(by: 2 * 3_600 - 1)
        #expect(try await fixture.services.jobs.tick(now: fixture.clock.now()).escalations == 0)
        fixture.clock.advance(by: 1)
        #expect(try await fixture.services.jobs.tick(now: fixture.clock.now()).escalations == 1)
        #expect(
            staffSubjects() == [
                "fiona@desk.example INC-000001: half of the resolution target used",
                "sam@desk.example INC-000001: half of the resolution target used",
            ])
        #expect(try await fixture.services.jobs.tick(now: fixture.clock.now()).escalations == 0)

        // Forwarded to DevOps: the three-quarter warning goes to DevOps, not the First Line.
        try await transition(fixture, id, IncidentTransitionDraft(action: "forward_to_devops"))
        fixture.clock.advance(by: 3_600)
        #expect(try await fixture.services.jobs.tick(now: fixture.clock.now()).escalations == 1)
        fixture.clock.advance(by: 3_600)
        #expect(try await fixture.services.jobs.tick(now: fixture.clock.now()).escalations == 0)
        fixture.clock.advance(by: 1)
        #expect(try await fixture.services.jobs.tick(now: fixture.clock.now()).escalations == 1)
        #expect(
            staffSubjects().filter { !$0.contains("half") } == [
                "dev@desk.example INC-000001: resolution target missed",
                "dev@desk.example INC-000001: three quarters of the resolution target used",
                "sam@desk.example INC-000001: resolution target missed",
                "sam@desk.example INC-000001: three quarters of the resolution target used",
            ])
        fixture.clock.advance(by: 3_600)
        #expect(try await fixture.services.jobs.tick(now: fixture.clock.now()).escalations == 0)
    }

    @Test func aPausedClock_doesNotEscalate_andANewTargetIsAnnouncedAfresh() async throws {
        let (fixture, id) = try await Self.fixture()
        try await transition(fixture, id, IncidentTransitionDraft(action: "receive", severity: 1))
        try await transition(fixture, id, IncidentTransitionDraft(action: "await_partner", note: "Which app version?"))
        fixture.clock.advance(by: 3 * 3_600)
        #expect(try await fixture.services.jobs.tick(now: fixture.clock.now()).escalations == 0)
        let awaited = try #require(fixture.transports.mails.last)
        #expect(awaited.mentions("Which app version?"))

        let version = try await fixture.services.incidents.view(id, as: fixture.partner).incident.version
        _ = try await fixture.services.incidents.transition(
            id, IncidentTransitionDraft(action: "provide_information", note: "17.4"), expectedVersion: version,
            by: fixture.partner)
        fixture.clock.advance(by: 2 * 3_600)
        #expect(try await fixture.services.jobs.tick(now: fixture.clock.now()).escalations == 1)
        // Severity 2 doubles the target: 2 h used of 8 h is a quarter, nothing new; at 4 h it is half again.
        try await transition(fixture, id, IncidentTransitionDraft(action: "change_severity", severity: 2))
        #expect(try await fixture.services.jobs.tick(now: fixture.clock.now()).escalations == 0)
        fixture.clock.advance(by: 2 * 3_600)
        #expect(try await fixture.services.jobs.tick(now: fixture.clock.now()).escalations == 1)
    }

    @Test func deadlinesLiveInTheStore_soAFreshServerActsOnThem() async throws {
        let (fixture, id) = try await Self.fixture()
        try await transition(fixture, id, IncidentTransitionDraft(action: "receive", severity: 1))
        // New services over the same store stand in for a server restarted just before the 50 % threshold.
        fixture.clock.advance(by: 2 * 3_600 - 1)
        let restarted = AppServices.inMemory(store: fixture.store, clock: fixture.clock, transports: fixture.transports)
        #expect(try await restarted.jobs.tick(now: fixture.clock.now()).escalations == 0)
        fixture.clock.advance(by: 1)
        #expect(try await restarted.jobs.tick(now: fixture.clock.now()).escalations == 1)
    }

    @Test func webhookEndpoints_belongToTheirOrganisation_andRotateWithAnOverlap() async throws {
        let (fixture, _) = try await Self.fixture()
        let created = try await fixture.services.notifications.addWebhook(
            url: "https://hooks.wellpath.example/in", events: ["incident.received", "incident.resolved"],
            partnerCode: "CAREBRIDGE", as: fixture.partnerAdmin)
        #expect(created.endpoint.partnerID == fixture.partnerAdmin.partnerID)
        await #expect(throws: ValidationFailure.self) {
            _ = try await fixture.services.notifications.addWebhook(
                url: "ftp://x", events: ["incident.sla_50"], partnerCode: nil, as: fixture.partnerAdmin)
        }
        let rotated = try await fixture.services.notifications.rotateWebhookSecret(
            created.endpoint.id, as: fixture.partnerAdmin)
        #expect(rotated.endpoint.secrets(at: fixture.clock.now()) == [rotated.secret, created.secret])
        #expect(rotated.endpoint.secrets(at: fixture.clock.now().addingTimeInterval(86_401)) == [rotated.secret])

        let carebridgeAdmin = Principal(
            credential: .user(.init(UUID())), displayName: "Cat", role: .partnerAdministrator,
            partnerID: try await fixture.services.partners.find(code: PartnerCode("CAREBRIDGE")!)?.id, scope: .write)
        await #expect(throws: ServiceError.notFound) {
            try await fixture.services.notifications.removeWebhook(created.endpoint.id, as: carebridgeAdmin)
        }
        #expect(try await fixture.services.notifications.webhooks(as: carebridgeAdmin).isEmpty)
        await #expect(throws: ServiceError.forbidden) {
            _ = try await fixture.services.notifications.webhooks(as: fixture.partner)
        }
        try await fixture.services.notifications.removeWebhook(created.endpoint.id, as: fixture.partnerAdmin)
        #expect(try await fixture.services.notifications.webhooks(as: fixture.partnerAdmin).isEmpty)
    }

    @Test func releasingAFix_tellsTheLinkedPartners_andResolvingTogetherAnswersEachIncident() async throws {
        let (fixture, id) = try await Self.fixture()
        try await transition(fixture, id, IncidentTransitionDraft(action: "receive", severity: 3))
        let manager = Principal(
            credential: .user(.init(UUID())), displayName: "Pam", role: .problemManager, partnerID: nil, scope: .write)
        let problems = fixture.services.problems
        let recorded = try await problems.record(
            ProblemDraft(title: "Upload stalls", description: "Proxy", severity: 3, origin: nil), incidents: [id],
            by: manager)
        _ = try await fixture.services.jobs.tick(now: fixture.clock.now())
        var seen = fixture.transports.mails.count
        let problemID = recorded.problem.id
        await #expect {
            _ = try await problems.resolveLinked(problemID, kind: "fix", summary: nil, expectedVersion: 1, by: manager)
        } throws: {
            ($0 as? ValidationFailure)?.issues.map(\.code) == ["no_fix"]
        }
        _ = try await problems.move(problemID, to: "investigating", expectedVersion: 1, by: manager)
        _ = try await problems.move(problemID, to: "fix_in_progress", expectedVersion: 2, by: manager)
        _ = try await problems.move(
            problemID, to: "fix_released", fixRelease: "2026.12", expectedVersion: 3, by: manager)
        _ = try await fixture.services.jobs.tick(now: fixture.clock.now())
        let announced = fixture.transports.mails.dropFirst(seen)
        #expect(Set(announced.flatMap(\.to).map(\.value)) == ["primary@wellpath.example", "admin@wellpath.example"])
        #expect(announced.allSatisfy { $0.subject == "INC-000001: a fix has been released" })
        #expect(announced.first?.mentions("The fix for PRB-000001 is in release 2026.12.") == true)
        seen = fixture.transports.mails.count

        await #expect(throws: ServiceError.forbidden) {
            _ = try await problems.resolveLinked(
                problemID, kind: "fix", summary: nil, expectedVersion: 4, by: fixture.partnerAdmin)
        }
        let resolved = try await problems.resolveLinked(
            problemID, kind: "fix", summary: "Ask the user to update the app.", expectedVersion: 4, by: manager)
        #expect(resolved.map(\.incident.id) == [id])
        let incident = try await fixture.services.incidents.view(id, as: fixture.partner).incident
        #expect(incident.status == .resolved && incident.linkedProblem == "PRB-000001")
        #expect(
            incident.resolution?.summary == "Fixed by PRB-000001, released in 2026.12. Ask the user to update the app.")
        _ = try await fixture.services.jobs.tick(now: fixture.clock.now())
        let answers = fixture.transports.mails.dropFirst(seen)
        #expect(!answers.isEmpty && answers.allSatisfy { $0.subject == "INC-000001: resolved" })
        // Already answered incidents are left alone: a second run resolves nothing.
        #expect(
            try await problems.resolveLinked(problemID, kind: "fix", summary: nil, expectedVersion: 4, by: manager)
                .isEmpty)
    }
}
