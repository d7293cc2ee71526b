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
}
