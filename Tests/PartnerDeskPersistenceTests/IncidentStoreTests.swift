import Foundation
import PartnerDeskDatabaseTestSupport
import PartnerDeskDomain
import PartnerDeskPersistence
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing

/// The incident use cases over the real SQL store, on SQLite and PostgreSQL: what is stored reads back,
/// lists filter and page the same way, versions guard concurrent changes, and idempotency keys hold under
/// concurrent duplicates.
@Suite struct IncidentStoreTests {
    static let monday9 = ISO8601Instant.date(from: "2026-11-23T09:00:00Z")!

    struct Fixture {
        let store: any UnitOfWork
        let services: AppServices
        let clock: FixedClock
        let partner: Principal
        let desk: Principal
    }

    func withFixture(_ backend: ContractStore, _ body: @escaping (Fixture) async throws -> Void) async throws {
        try await withStore(backend) { store in
            let clock = FixedClock(Self.monday9)
            let services = AppServices.forTests(store: store, clock: clock)
            _ = try await services.partners.register(
                PartnerDraft(
                    code: "WELLPATH", name: "Wellpath", status: "live", services: [.init(name: "GP", clientID: "wp-gp")]
                )
            )
            let partner = try await services.tokens.authenticate(
                services.tokens.create(name: "Wellpath system", partnerCode: PartnerCode("WELLPATH"), role: nil).secret
            )
            let desk = try await services.tokens.authenticate(
                services.tokens.create(name: "Desk", partnerCode: nil, role: .firstLineAgent).secret
            )
            try await body(Fixture(store: store, services: services, clock: clock, partner: partner!, desk: desk!))
        }
    }

    static func draft(_ description: String = "Sign-in loops", codes: [String] = ["P0042"]) -> IncidentReportDraft {
        IncidentReportDraft(
            service: "wp-gp", partnerReference: "WP-77", type: "proving_identity", occurredAt: "2026-11-23T08:00:00Z",
            userEmail: "user@example.org", errorType: "Loop", description: description, deviceType: "tablet",
            operatingSystem: "Android", operatingSystemVersion: "14", errorCodes: codes, checkedKnownProblems: true,
            suspectedProblem: "PRB-000045", alternativeContact: "desk@wellpath.example", suggestedSeverity: 2
        )
    }

    func raise(_ fixture: Fixture, _ draft: IncidentReportDraft = draft()) async throws -> IncidentView {
        guard case .created(let view, _) = try await fixture.services.incidents.raise(draft, by: fixture.partner) else {
            throw ServiceError.notFound
        }
        return view
    }

    @Test(arguments: ContractStore.available)
    func raisedIncident_readsBackExactly_withItsHistory(_ backend: ContractStore) async throws {
        try await withFixture(backend) { fixture in
            let raised = try await raise(fixture)
            let read = try await fixture.services.incidents.view(raised.incident.id, as: fixture.desk)
            #expect(read.incident == raised.incident)
            #expect(read.incident.reference.description == "INC-000001")
            #expect(read.serviceClientID == "wp-gp")
            let received = try await fixture.services.incidents.transition(
                raised.incident.id, IncidentTransitionDraft(action: "receive", severity: 2, note: "Looking now"),
                expectedVersion: 1,
                by: fixture.desk
            )
            let reread = try await fixture.services.incidents.view(raised.incident.id, as: fixture.partner)
            #expect(reread.incident == received.incident)
            #expect(
                reread.sla?.due == ISO8601Instant.date(from: "2026-11-24T07:00:00Z").map { _ in received.sla!.due! })
            let history = try await fixture.services.incidents.history(raised.incident.id, as: fixture.partner)
            #expect(history.map(\.kind) == [.raised, .transition(.receive, from: .raised, to: .received)])
            #expect(history.last?.note == "Looking now")
        }
    }

    @Test(arguments: ContractStore.available)
    func referencesAreSequential(_ backend: ContractStore) async throws {
        try await withFixture(backend) { fixture in
            var references: [String] = []
            for _ in 0..<3 { references.append(try await raise(fixture).incident.reference.description) }
            #expect(references == ["INC-000001", "INC-000002", "INC-000003"])
        }
    }

    @Test(arguments: ContractStore.available)
    func list_filtersByStatusSeverityTextAndBreach_andPagesByDue(_ backend: ContractStore) async throws {
        try await withFixture(backend) { fixture in
            var ids: [Incident.ID] = []
            for index in 0..<5 {
                ids.append(
                    try await raise(fixture, Self.draft("Case \(index) loops", codes: ["E\(index)"])).incident.id)
            }
            for (offset, id) in ids.prefix(3).enumerated() {
                _ = try await fixture.services.incidents.transition(
                    id, IncidentTransitionDraft(action: "receive", severity: 3 - offset), expectedVersion: 1,
                    by: fixture.desk
                )
            }
            func list(_ change: (inout IncidentQuery) -> Void) async throws -> [Int] {
                var query = IncidentQuery(now: fixture.clock.now())
                change(&query)
                return try await fixture.services.incidents.list(query, as: fixture.desk).views.map(
                    \.incident.reference.number)
            }
            #expect(try await list { _ in } == [3, 2, 1, 4, 5])
            // Listed incidents read back exactly as when found one by one (lists decode rows themselves).
            let listed = try await fixture.services.incidents.list(
                IncidentQuery(now: fixture.clock.now()), as: fixture.desk
            ).views
            for view in listed {
                #expect(
                    try await fixture.services.incidents.view(view.incident.id, as: fixture.desk).incident
                        == view.incident)
            }
            #expect(try await list { $0.statuses = [.raised] } == [4, 5])
            #expect(try await list { $0.severities = [.one, .two] } == [3, 2])
            #expect(try await list { $0.text = "e4" } == [5])
            #expect(try await list { $0.text = "e1" } == [2])
            // Search words are literal text: SQL's wildcards and its escape character match only themselves.
            for pattern in ["e_", "%", "c%e", "\\", "e\\1"] {
                #expect(try await list { $0.text = pattern }.isEmpty, "\(pattern)")
            }
            #expect(try await list { $0.sort = .newest } == [5, 4, 3, 2, 1])
            #expect(try await list { $0.breached = true }.isEmpty)
            fixture.clock.advance(by: 30 * 86_400)
            #expect(try await list { $0.breached = true } == [3, 2, 1])
            #expect(try await list { $0.breached = false } == [4, 5])

            var query = IncidentQuery(now: fixture.clock.now())
            query.limit = 2
            var pages: [[Int]] = []
            repeat {
                let page = try await fixture.services.incidents.list(query, as: fixture.desk)
                pages.append(page.views.map(\.incident.reference.number))
                query.after = page.next
            } while query.after != nil
            #expect(pages == [[3, 2], [1, 4], [5]])
        }
    }

    @Test(arguments: ContractStore.available)
    func reschedule_writesOnlyIncidentsStillAtTheirVersion_withTheirTimelineEntries(_ backend: ContractStore)
        async throws
    {
        try await withFixture(backend) { fixture in
            var ids: [Incident.ID] = []
            for index in 0..<3 { ids.append(try await raise(fixture, Self.draft("Case \(index) loops")).incident.id) }
            for id in ids.prefix(2) {
                _ = try await fixture.services.incidents.transition(
                    id, IncidentTransitionDraft(action: "receive", severity: 3), expectedVersion: 1, by: fixture.desk)
            }
            let incidents = fixture.store.repositories.incidents
            let now = Self.monday9.addingTimeInterval(3_600)
            let due = Self.monday9.addingTimeInterval(7 * 86_400)
            func move(_ id: Incident.ID, at version: Int, _ schedule: IncidentSchedule) -> ScheduleMove {
                ScheduleMove(
                    incidentID: id, expectedVersion: version, schedule: schedule,
                    event: IncidentEvent(
                        id: .init(UUID()), incidentID: id, at: now, kind: .comment, visibility: .public,
                        actorName: "Operator", actorRole: .administrator, note: "Moved"))
            }
            let written = try await incidents.reschedule(
                [
                    move(ids[0], at: 2, IncidentSchedule(dueAt: due, breachAt: due, nextEscalationAt: due - 3_600)),
                    // Changed since it was read: left alone.
                    move(ids[1], at: 1, IncidentSchedule(dueAt: due, breachAt: due)),
                    // No due, breach or escalation instant at all.
                    move(ids[2], at: 1, IncidentSchedule(dueAt: nil, breachAt: nil)),
                ], at: now)
            #expect(written == [ids[0], ids[2]])
            let moved = try #require(try await incidents.find(id: ids[0]))
            #expect(moved.version == 3 && moved.updatedAt == now)
            #expect(try await incidents.find(id: ids[1])?.version == 2)
            #expect(try await incidents.find(id: ids[2])?.version == 2)
            // Each entry follows the timeline it joins; the incident changed since has none.
            #expect(try await incidents.events(of: ids[0], includeInternal: true).map(\.note).last == "Moved")
            #expect(try await incidents.events(of: ids[0], includeInternal: true).count == 3)
            #expect(try await incidents.events(of: ids[2], includeInternal: true).count == 2)
            #expect(!(try await incidents.events(of: ids[1], includeInternal: true)).contains { $0.note == "Moved" })
            // The queue follows the new schedule: breach and escalation instants as written.
            func breached(at instant: Date) async throws -> [Incident.ID] {
                var query = IncidentQuery(now: instant)
                query.breached = true
                return try await incidents.list(query).incidents.map(\.id)
            }
            #expect(try await !breached(at: due - 60).contains(ids[0]))
            #expect(try await breached(at: due + 60).contains(ids[0]))
            #expect(try await !incidents.dueForEscalation(at: due - 3_601, limit: 10).map(\.id).contains(ids[0]))
            #expect(try await incidents.dueForEscalation(at: due - 3_600, limit: 10).map(\.id).contains(ids[0]))
            #expect(try await incidents.reschedule([], at: now).isEmpty)
        }
    }

    @Test(arguments: ContractStore.available)
    func staleVersion_isRefused_andConcurrentChangesLetExactlyOneThrough(_ backend: ContractStore) async throws {
        try await withFixture(backend) { fixture in
            let id = try await raise(fixture).incident.id
            let results = try await withThrowingTaskGroup(of: Bool.self) { group in
                for severity in 1...5 {
                    group.addTask {
                        do {
                            _ = try await fixture.services.incidents.transition(
                                id, IncidentTransitionDraft(action: "receive", severity: severity), expectedVersion: 1,
                                by: fixture.desk
                            )
                            return true
                        } catch ServiceError.versionMismatch, RepositoryError.staleVersion {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results.filter { $0 }.count == 1)
            let history = try await fixture.services.incidents.history(id, as: fixture.desk)
            #expect(history.count == 2)
        }
    }

    @Test(arguments: ContractStore.available)
    func concurrentDuplicatesWithOneKey_createExactlyOneIncident(_ backend: ContractStore) async throws {
        try await withFixture(backend) { fixture in
            let request = IdempotencyRequest(scope: fixture.partner.credential.key, key: "k-1", fingerprint: "f-1")
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        let outcome = try await fixture.services.incidents.raise(
                            Self.draft(), by: fixture.partner, idempotency: request
                        ) {
                            StoredResponse(status: 201, body: Data($0.incident.id.description.utf8), location: nil)
                        }
                        if case .created = outcome { return true }
                        return false
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            let all = try await fixture.services.incidents.list(
                IncidentQuery(now: fixture.clock.now()), as: fixture.desk)
            #expect(all.views.count == 1)
        }
    }

    @Test(arguments: ContractStore.available)
    func tokens_areFoundByHashOnly_andRevocationTakesEffect(_ backend: ContractStore) async throws {
        try await withFixture(backend) { fixture in
            let issued = try await fixture.services.tokens.create(
                name: "Temp", partnerCode: PartnerCode("WELLPATH"), role: nil, scope: .read
            )
            #expect(try await fixture.services.tokens.authenticate(issued.secret)?.scope == .read)
            #expect(
                try await fixture.services.tokens.list(partnerCode: PartnerCode("WELLPATH")).first {
                    $0.id == issued.token.id
                }?.lastUsedAt != nil)
            try await fixture.services.tokens.revoke(issued.token.id)
            let actions = try await fixture.services.audit.list(AuditQuery()).map(\.action)
            #expect(actions.prefix(2) == ["token.revoke", "token.create"])
            #expect(try await fixture.services.tokens.authenticate(issued.secret) == nil)
            #expect(try await fixture.services.tokens.authenticate("secret-999") == nil)
        }
    }
}
