import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing

/// Service requests through their use cases: partners make and follow their own, the desk works them, each
/// change checked, versioned and audited.
@Suite struct ServiceRequestServiceTests {
    static func at(_ text: String) -> Date { ISO8601Instant.date(from: text)! }

    struct Fixture {
        let services: AppServices
        let clock: FixedClock
        let reporter: Principal
        let other: Principal
        let desk: Principal
        let problems: Principal
    }

    static func fixture() async throws -> Fixture {
        let clock = FixedClock(at("2026-11-30T15:00:00Z"))
        let services = AppServices.inMemory(store: InMemoryStore(), clock: clock)
        var people: [Principal] = []
        for code in ["WELLPATH", "CAREBEE"] {
            let partner = try await services.partners.register(
                PartnerDraft(
                    code: code, name: code.capitalized, status: "live",
                    services: [.init(name: "GP", clientID: code.lowercased())]))
            people.append(
                Principal(
                    credential: .user(.init(UUID())), displayName: "\(code.capitalized) reporter",
                    role: .partnerReporter, partnerID: partner.id, scope: .write))
        }
        func staff(_ role: Role) -> Principal {
            Principal(
                credential: .user(.init(UUID())), displayName: role.label, role: role, partnerID: nil, scope: .write)
        }
        return Fixture(
            services: services, clock: clock, reporter: people[0], other: people[1], desk: staff(.firstLineAgent),
            problems: staff(.problemManager))
    }

    static let draft = ServiceRequestDraft(
        type: "new_client", title: "Register the repeat-prescriptions app",
        answers: [
            "environment": "production", "serviceName": "Repeat prescriptions",
            "redirectURIs": "https://rx.wellpath.example/callback", "scopes": "openid profile",
        ])

    @Test func aRequest_goesFromSubmissionToFulfilment_eachSideActingInTurn() async throws {
        let f = try await Self.fixture()
        let requests = f.services.serviceRequests
        let submitted = try await requests.submit(Self.draft, by: f.reporter)
        let id = submitted.request.id
        #expect(submitted.request.reference.description == "SRQ-000001" && submitted.request.status == .submitted)

        // Accepted on 30 November: three months (the kind's target, within Silver's maximum) to 28 February.
        var view = try await requests.act(id, "accept", note: nil, expectedVersion: 1, by: f.desk)
        #expect(view.request.target?.dueDate.description == "2027-02-28")
        view = try await requests.comment(
            id, note: "Client secret to be issued by the identity team.", isInternal: true, expectedVersion: 2,
            by: f.desk)
        view = try await requests.act(
            id, "ask_partner", note: "Which scopes beyond openid does the app need?", expectedVersion: 3, by: f.desk)
        let partnerView = try await requests.view(id, as: f.reporter)
        #expect(partnerView.request.steps.count == view.request.steps.count - 1, "the internal note is hidden")
        #expect(partnerView.request.status == .waitingForPartner)
        view = try await requests.act(
            id, "resume", note: "openid and profile only.", expectedVersion: 4, by: f.reporter)
        view = try await requests.act(
            id, "fulfil", note: "Registered in production as wp-rx.", expectedVersion: 5, by: f.desk)
        #expect(view.request.status == .fulfilled && !view.isOverdue)

        var query = AuditQuery()
        query.subject = view.request.auditSubject
        let actions = try await f.services.audit.list(query).map(\.action)
        #expect(
            actions == [
                "service_request.fulfil", "service_request.resume", "service_request.ask_partner",
                "service_request.comment", "service_request.accept", "service_request.submit",
            ])
    }

    @Test func refusals_changeNothing_andOtherPartnersCannotSeeTheRequest() async throws {
        let f = try await Self.fixture()
        let requests = f.services.serviceRequests
        var bad = Self.draft
        bad.type = "dns_change"
        await #expect(throws: ValidationFailure.self) { _ = try await requests.submit(bad, by: f.reporter) }
        await #expect(throws: ServiceError.forbidden) { _ = try await requests.submit(Self.draft, by: f.desk) }
        #expect(try await requests.list(as: f.desk).isEmpty)

        let id = try await requests.submit(Self.draft, by: f.reporter).request.id
        await #expect(throws: ServiceError.notFound) { _ = try await requests.view(id, as: f.other) }
        await #expect(throws: ServiceError.notFound) {
            _ = try await requests.act(id, "withdraw", note: nil, expectedVersion: 1, by: f.other)
        }
        #expect(try await requests.list(as: f.other).isEmpty)
        #expect(try await requests.list(as: f.reporter).map(\.request.id) == [id])
        // A problem manager reads requests but does not work them.
        #expect(try await requests.list(as: f.problems).count == 1)
        await #expect(throws: ServiceError.forbidden) {
            _ = try await requests.act(id, "accept", note: nil, expectedVersion: 1, by: f.problems)
        }
        await #expect(throws: ServiceError.versionMismatch(currentVersion: 1)) {
            _ = try await requests.act(id, "accept", note: nil, expectedVersion: 7, by: f.desk)
        }
        let unknown = await #expect(throws: ValidationFailure.self) {
            _ = try await requests.act(id, "approve", note: nil, expectedVersion: 1, by: f.desk)
        }
        #expect(unknown?.issues.first?.code == "unknown_action")
        let partnerAccepts = await #expect(throws: ValidationFailure.self) {
            _ = try await requests.act(id, "accept", note: nil, expectedVersion: 1, by: f.reporter)
        }
        #expect(partnerAccepts?.issues.first?.code == "not_yours")
        let stored = try await requests.view(id, as: f.desk)
        #expect(stored.request.version == 1 && stored.request.status == .submitted)

        _ = try await requests.act(id, "withdraw", note: "Done another way.", expectedVersion: 1, by: f.reporter)
        #expect(try await requests.list(statuses: [.withdrawn], as: f.desk).count == 1)
        #expect(try await requests.list(statuses: [.submitted], as: f.desk).isEmpty)
    }

    @Test func theDeskHearsOfNewRequestsAndTargets_once_andThePartnerOfEachStep() async throws {
        let store = InMemoryStore()
        let clock = FixedClock(Self.at("2026-11-30T15:00:00Z"))
        let services = AppServices.inMemory(store: store, clock: clock)
        let partner = try await services.partners.register(
            PartnerDraft(
                code: "WELLPATH", name: "Wellpath", status: "live", services: [.init(name: "GP", clientID: "wp")],
                contacts: [.init(role: "primary", name: "Pat", email: "pat@wellpath.example")]))
        _ = try await services.accounts.add(
            email: "fiona@platform.example", name: "Fiona", role: .firstLineAgent, partnerCode: nil)
        _ = try await services.accounts.add(
            email: "dev@platform.example", name: "Dev", role: .devOpsEngineer, partnerCode: nil)
        let reporter = Principal(
            credential: .user(.init(UUID())), displayName: "Priya", role: .partnerReporter, partnerID: partner.id,
            scope: .write)
        let desk = Principal(
            credential: .user(.init(UUID())), displayName: "Fiona", role: .firstLineAgent, partnerID: nil,
            scope: .write)
        func messages() async throws -> [(String, String)] {
            try await store.repositories.outbox.list(status: .pending, limit: 100).map { ($0.event, $0.recipient) }
        }
        var draft = Self.draft
        draft.type = "redirect_change"
        draft.answers = ["environment": "production", "clientID": "wp"]
        let id = try await services.serviceRequests.submit(draft, by: reporter).request.id
        #expect(try await messages().map(\.0) == ["request.submitted"])
        #expect(try await messages().map(\.1) == ["fiona@platform.example"], "the desk, not DevOps")

        _ = try await services.serviceRequests.act(id, "accept", note: nil, expectedVersion: 1, by: desk)
        _ = try await services.serviceRequests.comment(
            id, note: "Staff only.", isInternal: true, expectedVersion: 2, by: desk)
        let moved = try await store.repositories.outbox.list(status: .pending, limit: 100).filter {
            $0.event == "request.moved"
        }
        #expect(moved.map(\.recipient) == ["pat@wellpath.example"], "one step, to the partner's contact")
        #expect(moved.first?.content.strings.joined(separator: " ").contains("Staff only.") == false)

        // Accepted on 30 November with one month: warned from 17 December, overdue from 31 December.
        #expect(try await services.serviceRequests.sendWarnings(at: Self.at("2026-12-16T23:59:00Z")) == 0)
        #expect(try await services.serviceRequests.sendWarnings(at: Self.at("2026-12-17T09:00:00Z")) == 1)
        #expect(try await services.serviceRequests.sendWarnings(at: Self.at("2026-12-18T09:00:00Z")) == 0)
        #expect(try await services.serviceRequests.sendWarnings(at: Self.at("2026-12-31T09:00:00Z")) == 1)
        #expect(try await services.serviceRequests.sendWarnings(at: Self.at("2027-01-31T09:00:00Z")) == 0)
        let warnings = try await messages().filter { $0.0 == "request.target_warning" }
        #expect(warnings.count == 2)
    }

    @Test func thePersonWhoAsked_hearsByName_andTheDeskHearsThePartnersAnswer() async throws {
        let store = InMemoryStore()
        let services = AppServices.inMemory(store: store, clock: FixedClock(Self.at("2026-11-30T15:00:00Z")))
        _ = try await services.partners.register(
            PartnerDraft(
                code: "WELLPATH", name: "Wellpath", status: "live", services: [.init(name: "GP", clientID: "wp")],
                contacts: [.init(role: "primary", name: "Pat", email: "pat@wellpath.example")]))
        _ = try await services.accounts.add(
            email: "fiona@platform.example", name: "Fiona", role: .firstLineAgent, partnerCode: nil)
        let asker = try await services.accounts.add(
            email: "priya@wellpath.example", name: "Priya Shah", role: .partnerReporter,
            partnerCode: PartnerCode("WELLPATH")
        ).user
        let reporter = Principal(
            credential: .user(asker.id), displayName: "Priya Shah", role: .partnerReporter,
            partnerID: asker.partnerID, scope: .write)
        let desk = Principal(
            credential: .user(.init(UUID())), displayName: "Fiona", role: .firstLineAgent, partnerID: nil,
            scope: .write)
        var draft = Self.draft
        draft.type = "redirect_change"
        draft.answers = ["environment": "production", "clientID": "wp"]
        let id = try await services.serviceRequests.submit(draft, by: reporter).request.id
        _ = try await services.serviceRequests.act(id, "accept", note: nil, expectedVersion: 1, by: desk)
        _ = try await services.serviceRequests.act(
            id, "ask_partner", note: "Which address?", expectedVersion: 2, by: desk)
        let moved = try await store.repositories.outbox.list(status: .pending, limit: 100).filter {
            $0.event == "request.moved"
        }
        #expect(
            moved.map(\.recipient).sorted() == [
                "pat@wellpath.example", "pat@wellpath.example", "priya@wellpath.example", "priya@wellpath.example",
            ])
        let personal = try #require(moved.first { $0.recipient == "priya@wellpath.example" })
        #expect(personal.content.strings.first == "Hello Priya Shah,")
        #expect(moved.first { $0.recipient == "pat@wellpath.example" }?.content.strings.first != "Hello Priya Shah,")

        _ = try await services.serviceRequests.act(
            id, "resume", note: "https://app.wellpath.example/cb", expectedVersion: 3, by: reporter)
        let answered = try await store.repositories.outbox.list(status: .pending, limit: 100).filter {
            $0.event == "request.partner_step"
        }
        #expect(answered.map(\.recipient) == ["fiona@platform.example"])
        #expect(answered.first?.subject.contains("answered by Wellpath") == true)
        #expect(answered.first?.content.strings.contains("https://app.wellpath.example/cb") == true)
    }
}
