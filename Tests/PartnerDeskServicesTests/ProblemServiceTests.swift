import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing

@Suite struct ProblemServiceTests {
    let clock = FixedClock(ISO8601Instant.date(from: "2026-11-23T09:00:00Z")!)

    func desk(_ role: Role = .problemManager) -> Principal {
        Principal(credential: .user(.init(UUID())), displayName: "Pat", role: role, partnerID: nil, scope: .write)
    }

    func setUp() async throws -> (AppServices, [String: Principal]) {
        let services = AppServices.inMemory(clock: clock)
        var partners: [String: Principal] = [:]
        for code in ["WELLPATH", "CAREBRIDGE"] {
            _ = try await services.partners.register(PartnerDraft(code: code, name: code.capitalized, status: "live"))
            partners[code] = try await services.tokens.authenticate(
                services.tokens.create(name: code, partnerCode: PartnerCode(code), role: nil).secret)
        }
        return (services, partners)
    }

    func raise(_ services: AppServices, by partner: Principal, severity: Int) async throws -> Incident.ID {
        let draft = IncidentReportDraft(
            type: "other", occurredAt: "2026-11-23T08:00:00Z", userEmail: "u@example.org", errorType: "Loop",
            description: "Loops", deviceType: "pc", operatingSystem: "Windows", operatingSystemVersion: "11")
        guard case .created(let view, _) = try await services.incidents.raise(draft, by: partner) else {
            throw ServiceError.notFound
        }
        _ = try await services.incidents.transition(
            view.incident.id, IncidentTransitionDraft(action: "receive", severity: severity), expectedVersion: 1,
            by: desk(.firstLineAgent))
        return view.incident.id
    }

    @Test func recordingFromIncidents_isAllOrNothing_aRefusedLinkLeavesNoProblemAndMovesNoIncident() async throws {
        let (services, partners) = try await setUp()
        let good = try await raise(services, by: partners["WELLPATH"]!, severity: 3)
        let before = try await services.incidents.view(good, as: desk()).incident
        await #expect(throws: ServiceError.notFound) {
            _ = try await services.problems.record(
                ProblemDraft(title: "Sign-in loop", description: "Loops", severity: 3, origin: "incidents"),
                incidents: [good, Incident.ID(UUID())], by: desk())
        }
        #expect(try await services.problems.ranked(as: desk(.serviceManager)).isEmpty)
        let after = try await services.incidents.view(good, as: desk()).incident
        #expect(after.status == before.status && after.version == before.version && after.linkedProblem == nil)
        let recorded = try await services.problems.record(
            ProblemDraft(title: "Sign-in loop", description: "Loops", severity: 3, origin: "incidents"),
            incidents: [good], by: desk())
        #expect(recorded.problem.reference.description == "PRB-000001")
    }

    @Test func recordingFromIncidents_linksThem_andTheRankingFollowsTheirImpact() async throws {
        let (services, partners) = try await setUp()
        let broad = [
            try await raise(services, by: partners["WELLPATH"]!, severity: 3),
            try await raise(services, by: partners["CAREBRIDGE"]!, severity: 3),
        ]
        let narrow = [try await raise(services, by: partners["WELLPATH"]!, severity: 4)]
        let first = try await services.problems.record(
            ProblemDraft(title: "Sign-in loop", description: "Loops", severity: 3, origin: "incidents"),
            incidents: narrow, by: desk(.firstLineAgent))
        let second = try await services.problems.record(
            ProblemDraft(title: "Photo upload stalls", description: "Stalls", severity: 3, origin: "incidents"),
            incidents: broad, by: desk())
        #expect(first.problem.reference.description == "PRB-000001")
        for id in broad {
            let incident = try await services.incidents.view(id, as: desk()).incident
            #expect(incident.status == .linkedToProblem && incident.linkedProblem == "PRB-000002")
        }
        let ranked = try await services.problems.ranked(as: desk(.serviceManager))
        #expect(ranked.map(\.problem.reference.number) == [2, 1])
        #expect(ranked[0].score.incidents == 2 && ranked[0].score.partners == 2 && ranked[0].score.total == 28)
        #expect(second.target.workingDays == 120)
        await #expect(throws: ServiceError.forbidden) {
            _ = try await services.problems.ranked(as: partners["WELLPATH"]!)
        }
        await #expect(throws: ServiceError.forbidden) {
            _ = try await services.problems.record(
                ProblemDraft(title: "x", description: "y", severity: 1, origin: nil), by: desk(.serviceManager))
        }
    }

    @Test func recording_refusesMissingFieldsAndPatientData_together() async throws {
        let (services, _) = try await setUp()
        await #expect {
            _ = try await services.problems.record(
                ProblemDraft(title: "", description: "User 401 023 2137 loops", severity: 9, origin: "gossip"),
                by: desk())
        } throws: {
            Set(($0 as? ValidationFailure)?.issues.map(\.field) ?? []) == [
                "title", "description", "severity", "origin",
            ]
        }
        #expect(try await services.problems.ranked(as: desk()).isEmpty)
    }

    @Test func publishing_needsTheApprover_andOnlyPublishedProblemsAreSearchable() async throws {
        let (services, _) = try await setUp()
        let recorded = try await services.problems.record(
            ProblemDraft(
                title: "Passport photo upload times out", description: "Proxy timeout", severity: 2,
                origin: "internal_bug",
                errorCodes: ["P0042"]), by: desk(.devOpsEngineer))
        let id = recorded.problem.id
        #expect(try await services.problems.searchPublished("passport").isEmpty)
        await #expect(throws: ServiceError.forbidden) {
            _ = try await services.problems.publish(
                id, summary: "Uploads may stall", expectedVersion: 1, by: desk(.devOpsEngineer))
        }
        await #expect(throws: ValidationFailure.self) {
            _ = try await services.problems.publish(
                id, summary: "NHS number 401 023 2137", expectedVersion: 1, by: desk())
        }
        let published = try await services.problems.publish(
            id, summary: "Passport photo uploads may stall on slow connections.", expectedVersion: 1, by: desk())
        #expect(published.problem.publicSummaryApprovedBy == "Pat" && published.problem.version == 2)
        #expect(try await services.problems.searchPublished("passport").map(\.problem.id) == [id])
        #expect(try await services.problems.publishedProblem(recorded.problem.reference)?.problem.id == id)

        await #expect(throws: ServiceError.versionMismatch(currentVersion: 2)) {
            _ = try await services.problems.move(id, to: "investigating", expectedVersion: 1, by: desk())
        }
        let known = try await services.problems.move(
            id, to: "known_error", rootCause: "Proxy timeout of 30 s", workaround: "Retry on Wi-Fi", expectedVersion: 2,
            by: desk())
        #expect(known.problem.status == .knownError && known.problem.workaround == "Retry on Wi-Fi")
        _ = try await services.problems.withdraw(id, expectedVersion: 3, by: desk())
        #expect(try await services.problems.searchPublished("passport").isEmpty)
        #expect(try await services.problems.publishedProblem(recorded.problem.reference) == nil)
    }

    @Test func mergingADuplicate_movesItsIncidents_andClosesIt_allOrNothing() async throws {
        let (services, partners) = try await setUp()
        let first = try await raise(services, by: partners["WELLPATH"]!, severity: 3)
        let second = try await raise(services, by: partners["CAREBRIDGE"]!, severity: 2)
        let kept = try await services.problems.record(
            ProblemDraft(title: "Sign-in loop", description: "Loops", severity: 3, origin: nil), incidents: [first],
            by: desk())
        let duplicate = try await services.problems.record(
            ProblemDraft(title: "Login loops", description: "Same", severity: 3, origin: nil), incidents: [second],
            by: desk())
        _ = try await services.problems.publish(duplicate.problem.id, summary: "Loops.", expectedVersion: 1, by: desk())
        await #expect(throws: ServiceError.versionMismatch(currentVersion: 2)) {
            _ = try await services.problems.merge(
                duplicate.problem.id, into: kept.problem.id, expectedVersion: 1, by: desk())
        }
        await #expect(throws: ValidationFailure.self) {
            _ = try await services.problems.merge(
                kept.problem.id, into: kept.problem.id, expectedVersion: 1, by: desk())
        }
        let merged = try await services.problems.merge(
            duplicate.problem.id, into: kept.problem.id, expectedVersion: 2, by: desk())
        #expect(merged.score.incidents == 2 && merged.score.partners == 2)
        let moved = try await services.incidents.view(second, as: desk()).incident
        #expect(moved.linkedProblem == "PRB-000001" && moved.status == .linkedToProblem)
        let history = try await services.incidents.history(second, as: partners["CAREBRIDGE"]!)
        #expect(history.last?.note == "PRB-000002 was a duplicate of PRB-000001.")
        let closed = try await services.problems.view(duplicate.problem.id, as: desk()).problem
        #expect(closed.status == .closed && closed.mergedInto == kept.problem.reference && !closed.isPublished)
        #expect(try await services.problems.ranked(as: desk()).map(\.problem.reference.number) == [1])
    }

    @Test func searchAnswers_areReused_butAChangeHereClearsThem_andOneElsewhereShowsWithinTenSeconds() async throws {
        let store = InMemoryStore()
        let services = AppServices.inMemory(store: store, clock: clock)
        let recorded = try await services.problems.record(
            ProblemDraft(title: "Passport photo stalls", description: "Proxy", severity: 2, origin: nil), by: desk())
        _ = try await services.problems.publish(
            recorded.problem.id, summary: "Photos can stall.", expectedVersion: 1, by: desk())
        #expect(try await services.problems.searchPublished("passport").count == 1)
        // Another server withdraws it: this one keeps its answer for up to ten seconds, then reads again.
        var elsewhere = try #require(try await store.repositories.problems.find(id: recorded.problem.id))
        (elsewhere.isPublished, elsewhere.version) = (false, 3)
        try await store.repositories.problems.update(elsewhere, expectedVersion: 2)
        #expect(try await services.problems.searchPublished("passport").count == 1)
        clock.advance(by: 10)
        #expect(try await services.problems.searchPublished("passport").isEmpty)
        // A change made through this server is seen at once.
        _ = try await services.problems.publish(
            recorded.problem.id, summary: "Photos can stall.", expectedVersion: 3, by: desk())
        #expect(try await services.problems.searchPublished("PASSPORT!").count == 1)
    }
}
