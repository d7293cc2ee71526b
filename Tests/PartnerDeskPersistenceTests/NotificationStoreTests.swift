import FluentKit
import Foundation
import Logging
import PartnerDeskDatabaseTestSupport
import PartnerDeskDomain
import PartnerDeskPersistence
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing

/// The outbox, escalation record, webhook endpoints and opt-outs on SQLite and PostgreSQL, and two servers
/// sharing one PostgreSQL database without announcing or sending anything twice.
@Suite struct NotificationStoreTests {
    static let monday9 = ISO8601Instant.date(from: "2026-11-23T09:00:00Z")!

    static func message(_ index: Int, at instant: Date) -> OutboxMessage {
        OutboxMessage(
            id: UUID(), channel: .email, event: "incident.received", recipient: "p\(index)@example.org",
            subject: "Subject \(index)", content: EmailContent([.paragraph("Text")]), partnerID: nil, incidentID: nil,
            nextAttemptAt: instant.addingTimeInterval(Double(index)), createdAt: instant)
    }

    /// An invitation's link works like a password until used: once delivered, only a note of it stays.
    @Test(arguments: ContractStore.available)
    func deliveredInvitations_keepNoLink(_ backend: ContractStore) async throws {
        try await withStore(backend) { store in
            let transports = RecordingTransports()
            let services = AppServices.forTests(store: store, clock: FixedClock(Self.monday9), transports: transports)
            let partner = try await services.partners.register(
                PartnerDraft(code: "WELLPATH", name: "Wellpath", status: "live"))
            let admin = Principal(
                credential: .user(.init(UUID())), displayName: "Ada", role: .partnerAdministrator,
                partnerID: partner.id, scope: .write)
            _ = try await services.accounts.invite(
                email: "new@wellpath.example", name: "New", role: "partner_reporter", partnerCode: nil, as: admin)
            _ = try await services.jobs.tick(now: Self.monday9)
            #expect(transports.mails.first?.mentions("token=") == true, "the invitee gets the link")
            let delivered = try await store.repositories.outbox.list(status: .delivered, limit: 10)
            #expect(delivered.count == 1)
            #expect(delivered.allSatisfy { !$0.content.mentions("token=") && $0.content.mentions("one-time link") })
        }
    }

    @Test(arguments: ContractStore.available)
    func outbox_listsOnePartnersRecentMessagesOnAChannel_newestFirst(_ backend: ContractStore) async throws {
        try await withStore(backend) { store in
            let services = AppServices.forTests(store: store, clock: FixedClock(Self.monday9))
            let wellpath = try await services.partners.register(
                PartnerDraft(code: "WELLPATH", name: "Wellpath", status: "live"))
            let carebridge = try await services.partners.register(
                PartnerDraft(code: "CAREBRIDGE", name: "CareBridge", status: "live"))
            var messages: [OutboxMessage] = []
            for (index, (partner, channel)) in [
                (wellpath.id, OutboxMessage.Channel.webhook), (wellpath.id, .email), (carebridge.id, .webhook),
                (wellpath.id, .webhook), (wellpath.id, .webhook),
            ].enumerated() {
                var message = Self.message(index, at: Self.monday9.addingTimeInterval(Double(index) * 60))
                message.channel = channel
                message.partnerID = partner
                messages.append(message)
            }
            let queued = messages
            try await store.transaction { try await $0.outbox.enqueue(queued) }
            let listed = try await store.repositories.outbox.list(partnerID: wellpath.id, channel: .webhook, limit: 2)
            #expect(listed.map(\.id) == [messages[4].id, messages[3].id])
            let all = try await store.repositories.outbox.list(partnerID: wellpath.id, channel: .webhook, limit: 10)
            #expect(all.map(\.id) == [messages[4].id, messages[3].id, messages[0].id])
        }
    }

    @Test(arguments: ContractStore.available)
    func outbox_claimsLeaseAndRecordsOutcomes(_ backend: ContractStore) async throws {
        try await withStore(backend) { store in
            let now = Self.monday9
            let messages = (0..<5).map { Self.message($0, at: now) }
            try await store.transaction { try await $0.outbox.enqueue(messages) }
            let outbox = store.repositories.outbox
            let first = try await outbox.claim(dueAt: now.addingTimeInterval(2), lease: 60, limit: 10)
            #expect(first.map(\.id) == messages.prefix(3).map(\.id))
            #expect(
                try await outbox.claim(dueAt: now.addingTimeInterval(10), lease: 60, limit: 10).map(\.id)
                    == messages.suffix(2).map(\.id))
            // Held until the lease ends, then available again (a server that died while delivering).
            #expect(try await outbox.claim(dueAt: now.addingTimeInterval(30), lease: 60, limit: 10).isEmpty)
            #expect(try await outbox.claim(dueAt: now.addingTimeInterval(63), lease: 60, limit: 10).count == 3)
            #expect(try await outbox.claim(dueAt: now.addingTimeInterval(124), lease: 60, limit: 10).count == 5)

            try await outbox.markDelivered(messages[0].id, at: now)
            try await outbox.markFailed(messages[1].id, attempts: 1, retryAt: now.addingTimeInterval(500), error: "451")
            try await outbox.markFailed(messages[2].id, attempts: 8, retryAt: nil, error: "550 no such user")
            #expect(try await outbox.find(id: messages[0].id)?.status == .delivered)
            #expect(try await outbox.find(id: messages[1].id)?.lastError == "451")
            let dead = try await outbox.list(status: .dead, limit: 10)
            #expect(dead.map(\.id) == [messages[2].id] && dead[0].content == EmailContent([.paragraph("Text")]))
            #expect(
                Set(try await outbox.counts())
                    == [
                        OutboxCount(channel: .email, status: .delivered, count: 1),
                        OutboxCount(channel: .email, status: .pending, count: 3),
                        OutboxCount(channel: .email, status: .dead, count: 1),
                    ])
            #expect(try await outbox.oldestPending() == now)
            #expect(try await outbox.requeue(messages[2].id, at: now.addingTimeInterval(100)))
            #expect(try await !outbox.requeue(messages[2].id, at: now))
            #expect(try await outbox.find(id: messages[2].id)?.attempts == 0)
            try await outbox.markFailed(messages[2].id, attempts: 1, retryAt: nil, error: "550")
            #expect(try await outbox.discard(messages[2].id))
            #expect(try await outbox.find(id: messages[2].id) == nil)
        }
    }

    @Test(arguments: ContractStore.available)
    func escalations_areRecordedOncePerThresholdAndTarget(_ backend: ContractStore) async throws {
        try await withStore(backend) { store in
            let services = AppServices.forTests(store: store, clock: FixedClock(Self.monday9))
            _ = try await services.partners.register(PartnerDraft(code: "WELLPATH", name: "Wellpath", status: "live"))
            let partner = try #require(
                try await services.tokens.authenticate(
                    services.tokens.create(name: "w", partnerCode: PartnerCode("WELLPATH"), role: nil).secret))
            let draft = IncidentReportDraft(
                type: "other", occurredAt: "2026-11-23T08:00:00Z", userEmail: "u@example.org", errorType: "Loop",
                description: "Loops", deviceType: "pc", operatingSystem: "Windows", operatingSystemVersion: "11")
            guard case .created(let view, _) = try await services.incidents.raise(draft, by: partner) else { return }
            let id = view.incident.id
            let outbox = store.repositories.outbox
            #expect(
                try await outbox.recordEscalation(incidentID: id, percent: 50, targetSeconds: 14_400, at: Self.monday9))
            #expect(
                try await !outbox.recordEscalation(incidentID: id, percent: 50, targetSeconds: 14_400, at: Self.monday9)
            )
            #expect(
                try await outbox.recordEscalation(incidentID: id, percent: 50, targetSeconds: 28_800, at: Self.monday9))
            // Inside a transaction a repeat is a plain "no": the transaction goes on and commits.
            let repeated = try await store.transaction {
                try await $0.outbox.recordEscalation(
                    incidentID: id, percent: 50, targetSeconds: 14_400, at: Self.monday9)
            }
            #expect(!repeated)

            let incidents = store.repositories.incidents
            #expect(try await incidents.dueForEscalation(at: Self.monday9, limit: 10).isEmpty)
            try await incidents.setNextEscalation(id, at: Self.monday9.addingTimeInterval(60))
            #expect(try await incidents.dueForEscalation(at: Self.monday9.addingTimeInterval(59), limit: 10).isEmpty)
            #expect(
                try await incidents.dueForEscalation(at: Self.monday9.addingTimeInterval(60), limit: 10).map(\.id) == [
                    id
                ])
        }
    }

    @Test(arguments: ContractStore.available)
    func webhookEndpointsAndOptOuts_readBackExactly(_ backend: ContractStore) async throws {
        try await withStore(backend) { store in
            let partner = Partner(
                id: .init(UUID()), code: PartnerCode("WELLPATH")!, name: "Wellpath", status: .live, tierID: "silver",
                services: [], contacts: [])
            let user = try User(
                id: .init(UUID()), email: EmailAddress("pam@wellpath.example")!, displayName: "Pam",
                role: .partnerAdministrator, partnerID: partner.id)
            try await store.transaction { repositories in
                try await repositories.partners.create(partner)
                try await repositories.users.create(StoredUser(user: user, passwordHash: "x"))
            }
            var endpoint = WebhookEndpoint(
                id: UUID(), partnerID: partner.id, url: URL(string: "https://hooks.wellpath.example/in")!,
                events: [.incident(.incidentReceived), .incident(.incidentResolved)], secret: "s1",
                createdAt: Self.monday9)
            let webhooks = store.repositories.webhooks
            try await webhooks.create(endpoint)
            #expect(try await webhooks.find(id: endpoint.id) == endpoint)
            endpoint.previousSecret = "s1"
            endpoint.secret = "s2"
            endpoint.previousSecretExpiresAt = Self.monday9.addingTimeInterval(86_400)
            try await webhooks.update(endpoint)
            #expect(try await webhooks.list(partnerID: partner.id) == [endpoint])
            try await webhooks.delete(id: endpoint.id)
            #expect(try await webhooks.list(partnerID: nil).isEmpty)

            let preferences = store.repositories.notificationPreferences
            try await preferences.setOptOuts(
                [.incident(.incidentReceived), .incident(.incidentResponded)], for: user.id)
            #expect(
                try await preferences.optOuts(of: [user.id]) == [
                    user.id: [.incident(.incidentReceived), .incident(.incidentResponded)]
                ])
            try await preferences.setOptOuts([], for: user.id)
            #expect(try await preferences.optOuts(of: [user.id]).isEmpty)
        }
    }

    /// Two servers (two connection pools, two sets of services) on one PostgreSQL database tick together,
    /// again and again, past an SLA threshold: one announcement, and every message sent exactly once.
    @Test(.enabled(if: TestBackend.available.contains(.postgres)))
    func twoServers_onOnePostgreSQL_neverAnnounceOrSendTwice() async throws {
        let database = try await TestDatabase.make(.postgres)
        let logger = {
            var logger = Logger(label: "test")
            logger.logLevel = .warning
            return logger
        }()
        let first = try database.openDatabases()
        let second = try database.openDatabases()
        do {
            let id = database.location.databaseID
            try await SchemaManager(databases: first, id: id, logger: logger).migrate()
            let clock = FixedClock(Self.monday9)
            let ids = SequentialIDGenerator()
            func server(_ databases: Databases, _ transports: RecordingTransports) -> AppServices {
                let store = FluentUnitOfWork(sqliteWriter: nil) {
                    databases.database(id, logger: logger, on: databases.eventLoopGroup.any())!
                }
                return AppServices.forTests(store: store, clock: clock, ids: ids, transports: transports)
            }
            let (transportsA, transportsB) = (RecordingTransports(), RecordingTransports())
            let (a, b) = (server(first, transportsA), server(second, transportsB))
            _ = try await a.partners.register(
                PartnerDraft(
                    code: "WELLPATH", name: "Wellpath", status: "live",
                    contacts: [.init(role: "primary", name: "Pat", email: "primary@wellpath.example")]))
            for (email, role) in [("fiona@desk.example", Role.firstLineAgent), ("sam@desk.example", .serviceManager)] {
                _ = try await a.accounts.add(email: email, name: email, role: role, partnerCode: nil)
            }
            let partner = try #require(
                try await a.tokens.authenticate(
                    a.tokens.create(name: "w", partnerCode: PartnerCode("WELLPATH"), role: nil).secret))
            let desk = Principal(
                credential: .user(.init(UUID())), displayName: "Desk", role: .firstLineAgent, partnerID: nil,
                scope: .write)
            var incidents: [Incident.ID] = []
            for _ in 0..<5 {
                let draft = IncidentReportDraft(
                    type: "other", occurredAt: "2026-11-23T08:00:00Z", userEmail: "u@example.org", errorType: "Loop",
                    description: "Loops", deviceType: "pc", operatingSystem: "Windows", operatingSystemVersion: "11")
                guard case .created(let view, _) = try await a.incidents.raise(draft, by: partner) else { return }
                _ = try await b.incidents.transition(
                    view.incident.id, IncidentTransitionDraft(action: "receive", severity: 1), expectedVersion: 1,
                    by: desk)
                incidents.append(view.incident.id)
            }
            // 11:00, half of each 4-hour target used: each of the 5 incidents announces once to 2 staff members,
            // after the 5 "received" messages to the partner's contact.
            clock.advance(by: 2 * 3_600)
            var announced = 0
            for _ in 0..<4 {
                async let runA = a.jobs.tick(now: clock.now())
                async let runB = b.jobs.tick(now: clock.now())
                let (reportA, reportB) = try await (runA, runB)
                announced += reportA.escalations + reportB.escalations
            }
            #expect(announced == 5)
            let sent = transportsA.mails + transportsB.mails
            #expect(sent.count == 5 + 5 * 2)
            #expect(Set(sent.map(\.id)).count == sent.count)
            #expect(!transportsA.mails.isEmpty || !transportsB.mails.isEmpty)
        } catch {
            Issue.record(error)
        }
        await first.shutdownAsync()
        await second.shutdownAsync()
        try await database.drop()
    }
}
