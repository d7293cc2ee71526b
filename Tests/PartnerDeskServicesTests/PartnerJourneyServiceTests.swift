import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing

/// A partner's way to live through its use cases: evidence given and reviewed, the status moved only when it
/// is accepted (or with a reason that is audited), early-live check-ins, and edits to details and contacts;
/// each change checked, versioned, audited and told to the right people.
@Suite struct PartnerJourneyServiceTests {
    static func at(_ text: String) -> Date { ISO8601Instant.date(from: text)! }

    struct Fixture {
        let store: InMemoryStore
        let services: AppServices
        let admin: Principal
        let reporter: Principal
        let otherAdmin: Principal
        let manager: Principal
        let desk: Principal

        func messages(_ event: String) async throws -> [OutboxMessage] {
            try await store.repositories.outbox.list(status: .pending, limit: 200).filter { $0.event == event }
        }
    }

    static func fixture() async throws -> Fixture {
        let store = InMemoryStore()
        let services = AppServices.inMemory(store: store, clock: FixedClock(at("2026-12-08T10:00:00Z")))
        var partners: [Partner] = []
        for code in ["WELLPATH", "CAREBEE"] {
            partners.append(
                try await services.partners.register(
                    PartnerDraft(
                        code: code, name: code.capitalized, services: [.init(name: "GP", clientID: code.lowercased())],
                        contacts: [.init(role: "primary", name: "Pat", email: "pat@\(code.lowercased()).example")])))
        }
        _ = try await services.accounts.add(
            email: "sam@platform.example", name: "Sam", role: .serviceManager, partnerCode: nil)
        func person(_ role: Role, _ partner: Partner?) -> Principal {
            Principal(
                credential: .user(.init(UUID())), displayName: role.label, role: role, partnerID: partner?.id,
                scope: .write)
        }
        return Fixture(
            store: store, services: services, admin: person(.partnerAdministrator, partners[0]),
            reporter: person(.partnerReporter, partners[0]), otherAdmin: person(.partnerAdministrator, partners[1]),
            manager: person(.serviceManager, nil), desk: person(.firstLineAgent, nil))
    }

    @Test func aPartner_givesItsEvidence_andGoesLive_onlyOnceItIsAccepted() async throws {
        let f = try await Self.fixture()
        let journeys = f.services.journeys
        var version = 1
        for requirement in EvidenceRequirement.allCases where requirement.isRequired {
            version = try await journeys.submitEvidence(
                "WELLPATH", requirement.rawValue, description: "Our \(requirement.title)",
                links: ["https://docs.wellpath.example/\(requirement.rawValue)"], expectedVersion: version, by: f.admin
            ).journey.version
        }
        #expect(try await f.messages("partner.evidence_submitted").map(\.recipient).count == 4)
        #expect(
            try await f.messages("partner.evidence_submitted").allSatisfy { $0.recipient == "sam@platform.example" })

        // Not yet accepted: the move needs a reason.
        await #expect(throws: ValidationFailure.self) {
            try await journeys.move(
                "WELLPATH", to: "early_live", reason: nil,
                plan: CheckInPlan(first: .daily, firstWeeks: 2, then: .weekly),
                expectedVersion: version, by: f.manager)
        }
        for requirement in EvidenceRequirement.allCases where requirement.isRequired {
            version = try await journeys.reviewEvidence(
                "WELLPATH", requirement.rawValue, decision: "accept", comment: nil, expectedVersion: version,
                by: f.manager
            ).journey.version
        }
        let reviewed = try await f.messages("partner.evidence_reviewed")
        #expect(reviewed.count == 4)
        #expect(reviewed.last?.content.strings.contains { $0.contains("Every piece of required evidence") } == true)

        var profile = try await journeys.move(
            "WELLPATH", to: "early_live", reason: nil, plan: CheckInPlan(first: .daily, firstWeeks: 2, then: .weekly),
            expectedVersion: version, by: f.manager)
        #expect(profile.partner.status == .earlyLive)
        #expect(profile.nextCheckIn == LocalDate("2026-12-08"))
        #expect(try await f.services.partners.find(code: PartnerCode("WELLPATH")!)?.status == .earlyLive)
        profile = try await journeys.recordCheckIn(
            "WELLPATH",
            CheckIn.Draft(
                heldOn: "2026-12-08", notes: "Sign-ins steady.",
                actions: [.init(text: "Send the rota", owner: "Wellpath", dueOn: "2026-12-11")]),
            expectedVersion: profile.journey.version, by: f.manager)
        #expect(profile.nextCheckIn == LocalDate("2026-12-09"))
        let action = try #require(profile.journey.currentEarlyLive?.openActions.first)
        profile = try await journeys.completeAction(
            "WELLPATH", action.id, expectedVersion: profile.journey.version, by: f.admin)
        #expect(profile.journey.currentEarlyLive?.openActions == [])
        #expect(try await f.messages("partner.check_in").map(\.recipient) == ["pat@wellpath.example"])

        profile = try await journeys.move(
            "WELLPATH", to: "live", reason: nil, plan: nil, expectedVersion: profile.journey.version, by: f.manager)
        #expect(profile.partner.status == .live && profile.journey.currentEarlyLive == nil)
        #expect(try await f.messages("partner.status_changed").count == 2)
        #expect(
            profile.history.map(\.action).filter { $0.hasPrefix("partner.status") } == [
                "partner.status", "partner.status",
            ])
    }

    @Test func goingAheadWithoutTheEvidence_isAnOverride_auditedWithItsReason() async throws {
        let f = try await Self.fixture()
        let profile = try await f.services.journeys.move(
            "WELLPATH", to: "live", reason: "Board agreed: evidence follows within a week", plan: nil,
            expectedVersion: 1, by: f.manager)
        let entry = try #require(profile.history.first { $0.action == "partner.status_override" })
        #expect(entry.reason == "Board agreed: evidence follows within a week")
        #expect(entry.changes.contains { $0.field == "status" && $0.before == "onboarding" && $0.after == "live" })
        #expect(profile.journey.moves.last?.missing.count == 4)
    }

    @Test func eachSide_doesOnlyItsOwnPart_andNeverAnotherPartners() async throws {
        let f = try await Self.fixture()
        let journeys = f.services.journeys
        await #expect(throws: ServiceError.forbidden) {
            try await journeys.submitEvidence(
                "WELLPATH", "incident_process", description: "x", links: [], expectedVersion: 1, by: f.reporter)
        }
        await #expect(throws: ServiceError.notFound) {
            try await journeys.submitEvidence(
                "WELLPATH", "incident_process", description: "x", links: [], expectedVersion: 1, by: f.otherAdmin)
        }
        await #expect(throws: ServiceError.notFound) { try await journeys.profile("WELLPATH", as: f.otherAdmin) }
        await #expect(throws: ServiceError.forbidden) {
            try await journeys.move("WELLPATH", to: "live", reason: "x", plan: nil, expectedVersion: 1, by: f.desk)
        }
        #expect(try await journeys.overview(as: f.admin).map(\.partner.code.value) == ["WELLPATH"])
        #expect(try await journeys.overview(as: f.desk).map(\.partner.code.value) == ["CAREBEE", "WELLPATH"])

        // A partner's administrator changes its contacts, not its details; service management changes both.
        let contacts = try await journeys.editContacts(
            "WELLPATH",
            [.init(role: "primary", name: "Pat Jones", email: "pat@wellpath.example", phone: "0113 496 0001")],
            expectedVersion: 1, by: f.admin)
        #expect(contacts.contacts.first?.name == "Pat Jones" && contacts.version == 2)
        await #expect(throws: ServiceError.forbidden) {
            try await journeys.editDetails(
                "WELLPATH", PartnerDraft(code: "WELLPATH", name: "Renamed"), expectedVersion: 2, by: f.admin)
        }
        await #expect(throws: ServiceError.versionMismatch(currentVersion: 2)) {
            try await journeys.editDetails(
                "WELLPATH", PartnerDraft(code: "WELLPATH", name: "Renamed"), expectedVersion: 1, by: f.manager)
        }
        await #expect(throws: ValidationFailure.self) {
            try await journeys.editDetails(
                "WELLPATH",
                PartnerDraft(code: "WELLPATH", name: "Renamed", services: [.init(name: "x", clientID: "carebee")]),
                expectedVersion: 2, by: f.manager)
        }
        let renamed = try await journeys.editDetails(
            "WELLPATH",
            PartnerDraft(
                code: "WELLPATH", name: "Wellpath Health", services: [.init(name: "GP", clientID: "wellpath")]),
            expectedVersion: 2, by: f.manager)
        #expect(renamed.name == "Wellpath Health" && renamed.contacts.isEmpty)
        let history = try await journeys.profile("WELLPATH", as: f.admin).history
        #expect(history.map(\.action).prefix(2) == ["partner.edit", "partner.contacts"])
        #expect(
            history[1].changes.first { $0.field == "contacts" }?.after
                == "primary: Pat Jones <pat@wellpath.example> 0113 496 0001")
    }

    @Test func aServiceReview_isScheduled_withAPack_andItsMinutesReachThePartnerAndAttendees() async throws {
        let f = try await Self.fixture()
        let journeys = f.services.journeys
        var profile = try await journeys.setReviewCadence("WELLPATH", "quarterly", expectedVersion: 1, by: f.manager)
        await #expect(throws: ValidationFailure.self) {
            try await journeys.setReviewCadence("WELLPATH", "weekly", expectedVersion: 2, by: f.manager)
        }
        profile = try await journeys.scheduleReview(
            "WELLPATH",
            ServiceReview.Draft(
                startsAt: "2026-12-08T10:30:00Z", endsAt: "2026-12-08T11:30:00Z", location: "Video call",
                agenda: ServiceReview.standardAgenda,
                attendees: [
                    .init(name: "Pat", organisation: "Wellpath", email: "pat@wellpath.example"),
                    .init(name: "Rory", organisation: "Wellpath", email: "rory@wellpath.example"),
                ]), expectedVersion: 2, by: f.manager)
        let review = try #require(profile.journey.reviews.first)
        #expect(review.firstMonth.description == "2026-09" && review.lastMonth.description == "2026-11")
        let invited = try await f.messages("partner.review_scheduled")
        #expect(invited.map(\.recipient).sorted() == ["pat@wellpath.example", "rory@wellpath.example"])
        #expect(invited.first?.content.strings.contains { $0.hasSuffix("/invitation.ics") } == true)
        await #expect(throws: ServiceError.notFound) {
            try await journeys.review("WELLPATH", review.id, as: f.otherAdmin)
        }
        let found = try await journeys.review("WELLPATH", review.id, as: f.admin)
        // Registered in December: no month looked back on has a report yet.
        #expect(found.pack.reports.isEmpty && found.pack.openActions.isEmpty)

        // An open problem behind Wellpath's incident: staff read its title, the partner nothing until it is
        // published, and then only its approved summary.
        guard
            case .created(let raised, _) = try await f.services.incidents.raise(
                IncidentReportDraft(
                    type: "other", occurredAt: "2026-12-08T09:00:00Z", userEmail: "u@example.org", errorType: "Loop",
                    description: "Loops", deviceType: "pc", operatingSystem: "Windows", operatingSystemVersion: "11"),
                by: f.reporter)
        else { throw ServiceError.notFound }
        _ = try await f.services.incidents.transition(
            raised.incident.id, IncidentTransitionDraft(action: "receive", severity: 3), expectedVersion: 1, by: f.desk)
        _ = try await f.services.problems.record(
            ProblemDraft(title: "Token cache bug in region B", description: "Loops", severity: 3, origin: "incidents"),
            incidents: [raised.incident.id], by: f.desk)
        #expect(
            try await journeys.review("WELLPATH", review.id, as: f.manager).pack.openProblems.map(\.title) == [
                "Token cache bug in region B"
            ])
        #expect(try await journeys.review("WELLPATH", review.id, as: f.admin).pack.openProblems.isEmpty)
        await #expect(throws: ServiceError.notFound) {
            try await journeys.cancelReview("WELLPATH", UUID(), expectedVersion: 3, by: f.manager)
        }
        await #expect(throws: ServiceError.forbidden) {
            try await journeys.recordReview(
                "WELLPATH", review.id, minutes: "x", actions: [], expectedVersion: 3, by: f.admin)
        }
        _ = try await journeys.cancelReview("WELLPATH", review.id, expectedVersion: 3, by: f.manager)
        let cancelled = try await f.messages("partner.review_cancelled")
        #expect(cancelled.map(\.recipient).sorted() == ["pat@wellpath.example", "rory@wellpath.example"])
    }
}
