import Foundation
import PartnerDeskDatabaseTestSupport
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing

/// Problem records and the known-problem search on SQLite (FTS5) and PostgreSQL (tsvector): the same
/// searches find the same problems on both.
@Suite struct ProblemStoreTests {
    static let recorded = ISO8601Instant.date(from: "2026-11-23T10:00:00Z")!

    static func problem(
        _ number: Int, title: String, summary: String?, workaround: String? = nil, codes: [String] = [],
        published: Bool = true
    ) -> Problem {
        var problem = Problem(
            id: .init(UUID()), reference: ProblemReference(number: number)!, title: title,
            description: "Staff-only notes about \(title)", severity: Severity(2)!, origin: .incidents,
            errorCodes: codes, recordedAt: recorded, recordedBy: "Pat")
        problem.publicSummary = summary
        problem.publicSummaryApprovedBy = summary == nil ? nil : "Sam"
        problem.workaround = workaround
        problem.isPublished = published
        return problem
    }

    @Test(arguments: ContractStore.available)
    func problems_readBackExactly_andVersionsGuardChanges(_ backend: ContractStore) async throws {
        try await withStore(backend) { store in
            let problems = store.repositories.problems
            #expect(try await problems.nextReference().number == 1)
            #expect(try await problems.nextReference().number == 2)
            var problem = Self.problem(
                2, title: "Passport photo upload times out", summary: "Uploads of passport photos can stall.",
                workaround: "Retry on Wi-Fi", codes: ["P0042", "E12"])
            problem.rootCause = "A proxy timeout"
            let stored = problem
            try await store.transaction { try await $0.problems.create(stored) }
            #expect(try await problems.find(id: problem.id) == problem)
            #expect(try await problems.find(reference: problem.reference) == problem)
            var changed = problem
            changed.status = .investigating
            changed.version = 2
            try await problems.update(changed, expectedVersion: 1)
            await #expect(throws: RepositoryError.staleVersion) {
                try await problems.update(changed, expectedVersion: 1)
            }
            #expect(try await problems.list() == [changed])
        }
    }

    @Test(arguments: ContractStore.available)
    func search_stemsPrefixesAndRequiresEveryWord_theSameOnBothEngines(_ backend: ContractStore) async throws {
        try await withStore(backend) { store in
            let problems = store.repositories.problems
            let upload = Self.problem(
                1, title: "Passport photo upload times out",
                summary: "Uploading a passport photo can stall on slow networks.",
                workaround: "Retry on Wi-Fi", codes: ["P0042"])
            let code = Self.problem(
                2, title: "Security code not received", summary: "Text messages to some networks arrive late.",
                codes: ["E12"])
            let hidden = Self.problem(3, title: "Photo check rejects valid passports", summary: nil, published: false)
            for problem in [upload, code, hidden] { try await problems.create(problem) }

            func found(_ text: String) async throws -> [Int] {
                try await problems.searchPublished(text, limit: 10).map(\.problem.reference.number)
            }
            #expect(try await found("uploads") == [1])
            #expect(try await found("passp") == [1])
            #expect(try await found("photo") == [1])
            // Publishing puts a problem in the search; withdrawing takes it out again.
            var shown = hidden
            (shown.isPublished, shown.publicSummary, shown.version) = (true, "Valid passports can be rejected.", 2)
            try await problems.update(shown, expectedVersion: 1)
            #expect(try await found("photo").sorted() == [1, 3])
            var withdrawn = shown
            (withdrawn.isPublished, withdrawn.version) = (false, 3)
            try await problems.update(withdrawn, expectedVersion: 2)
            #expect(try await found("photo") == [1])
            #expect(try await found("P0042") == [1])
            #expect(try await found("e12") == [2])
            #expect(try await found("wi-fi retry") == [1])
            #expect(try await found("photo code").isEmpty)
            #expect(try await found("networks").sorted() == [1, 2])
            #expect(try await found("\"; DROP TABLE problems; --").isEmpty)
            #expect(try await found("   ").isEmpty)

            let hit = try #require(try await problems.searchPublished("passport", limit: 1).first)
            let (start, end) = (ProblemSearchHit.markStart, ProblemSearchHit.markEnd)
            #expect(hit.highlightedTitle == "\(start)Passport\(end) photo upload times out")
            #expect(hit.highlightedSummary?.contains("\(start)passport\(end)") == true)
        }
    }

    @Test(arguments: ContractStore.available)
    func aCommonWord_ranksOnlyTheNewestMatches_theSameOnBothEngines(_ backend: ContractStore) async throws {
        try await withStore(backend) { store in
            let problems = store.repositories.problems
            let limit = ProblemSearch.candidateLimit
            // The oldest problem matches best (the word three times) but is outside the newest `limit` matches.
            try await problems.create(
                Self.problem(1, title: "Loop loop loop", summary: "Sign-in loops."))
            for number in 2...(limit + 2) {
                try await problems.create(
                    Self.problem(number, title: "Problem \(number) with a sign-in loop", summary: "Details."))
            }
            try await problems.create(Self.problem(limit + 3, title: "Unrelated", summary: "Nothing here."))
            let hits = try await problems.searchPublished("loop", limit: 50).map(\.problem.reference.number)
            #expect(hits.count == 50 && !hits.contains(1) && !hits.contains(limit + 3))
            #expect(Set(hits).isSubset(of: Set(3...(limit + 2))))
            #expect(try await problems.searchPublished("loop loop", limit: 5).count == 5)
            // Index upkeep (the background job's) changes no answer.
            for _ in 0..<3 { try await problems.maintainSearchIndex() }
            #expect(try await problems.searchPublished("loop", limit: 50).map(\.problem.reference.number) == hits)
        }
    }

    @Test(arguments: ContractStore.available)
    func mergingMovesLinkedIncidents_inTheDatabase(_ backend: ContractStore) async throws {
        try await withStore(backend) { store in
            let services = AppServices.forTests(store: store, clock: FixedClock(Self.recorded))
            _ = try await services.partners.register(PartnerDraft(code: "WELLPATH", name: "Wellpath", status: "live"))
            let partner = try #require(
                try await services.tokens.authenticate(
                    services.tokens.create(name: "w", partnerCode: PartnerCode("WELLPATH"), role: nil).secret))
            let manager = Principal(
                credential: .user(.init(UUID())), displayName: "Pat", role: .problemManager, partnerID: nil,
                scope: .write)
            let draft = IncidentReportDraft(
                type: "other", occurredAt: "2026-11-23T08:00:00Z", userEmail: "u@example.org", errorType: "Loop",
                description: "Loops", deviceType: "pc", operatingSystem: "Windows", operatingSystemVersion: "11")
            guard case .created(let raised, _) = try await services.incidents.raise(draft, by: partner) else { return }
            _ = try await services.incidents.transition(
                raised.incident.id, IncidentTransitionDraft(action: "receive", severity: 3), expectedVersion: 1,
                by: Principal(
                    credential: .user(.init(UUID())), displayName: "Fiona", role: .firstLineAgent, partnerID: nil,
                    scope: .write))
            let kept = try await services.problems.record(
                ProblemDraft(title: "Loop", description: "Loops", severity: 3, origin: nil), by: manager)
            let duplicate = try await services.problems.record(
                ProblemDraft(title: "Loop again", description: "Loops", severity: 3, origin: nil),
                incidents: [raised.incident.id], by: manager)
            #expect(
                try await store.repositories.incidents.linked(toProblem: "PRB-000002").map(\.id) == [raised.incident.id]
            )
            _ = try await services.problems.merge(
                duplicate.problem.id, into: kept.problem.id, expectedVersion: 1, by: manager)
            #expect(try await store.repositories.incidents.linked(toProblem: "PRB-000002").isEmpty)
            #expect(
                try await store.repositories.incidents.linked(toProblem: "PRB-000001").map(\.id) == [raised.incident.id]
            )
            #expect(try await store.repositories.problems.find(id: duplicate.problem.id)?.mergedInto?.number == 1)
        }
    }
}
