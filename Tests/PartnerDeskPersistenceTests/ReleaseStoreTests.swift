import Foundation
import PartnerDeskDatabaseTestSupport
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing

/// Sprints, releases, integration notices and assurance levels read back exactly on every store, in the
/// order the port promises, with numbers and names kept unique and versions guarding changes.
@Suite struct ReleaseStoreTests {
    static let created = ISO8601Instant.date(from: "2026-12-01T09:00:00.25Z")!
    static let wellpath = Partner.ID(UUID())

    static func sprint(_ number: Int) -> Sprint {
        let feature = SprintFeature(
            id: .init(UUID()), title: "Faster sign-in", description: "One screen fewer.", services: ["Sign-in"],
            impact: .major, partnerAction: "Update your redirect URL.", affectedPartners: [wellpath])
        return Sprint(
            id: .init(UUID()), number: number, startsOn: LocalDate("2026-12-07")!.adding(days: 14 * number),
            endsOn: LocalDate("2026-12-20")!.adding(days: 14 * number), goal: "Sign-in", features: [feature],
            createdAt: created)
    }

    static func release(_ name: String, plannedAt: String) -> Release {
        var release = Release(
            id: .init(UUID()), name: name, summary: "What changes.", plannedAt: ISO8601Instant.date(from: plannedAt)!,
            sprintID: nil, features: [.init(UUID())], problems: [.init(UUID())], knownIssues: "None known",
            partnerActions: nil, requirements: [.level("clinical_safety"), .partner(wellpath)], createdAt: created,
            createdBy: "Rita Release")
        release.decisions = [
            ApprovalDecision(
                requirement: .level("clinical_safety"), outcome: .held, by: "Cal Safety", at: created,
                reason: "Hazard log", reasonIsShareable: false)
        ]
        release.dateChanges = [
            ReleaseDateChange(
                from: created, to: created.addingTimeInterval(86_400), at: created, by: "Rita", reason: nil)
        ]
        return release
    }

    @Test(arguments: ContractStore.available)
    func sprints_readBackExactly_numberedUniquely_andVersioned(_ backend: ContractStore) async throws {
        try await withStore(backend) { store in
            let releases = store.repositories.releases
            var first = Self.sprint(1)
            first.digestSentAt = Self.created
            first.digestSentBy = "Rita"
            let (one, two) = (first, Self.sprint(2))
            try await store.transaction {
                try await $0.releases.create(one)
                try await $0.releases.create(two)
            }
            #expect(try await releases.find(sprintID: first.id) == first)
            #expect(try await releases.find(sprintNumber: 2) == two)
            #expect(try await releases.find(sprintNumber: 3) == nil)
            #expect(try await releases.sprints().map(\.number) == [2, 1])
            await #expect(throws: RepositoryError.conflict("Sprint 1 already exists.")) {
                try await store.transaction { try await $0.releases.create(Self.sprint(1)) }
            }
            var changed = first
            changed.goal = "Sign-in, faster"
            changed.version = 2
            let updated = changed
            try await store.transaction { try await $0.releases.update(updated, expectedVersion: 1) }
            #expect(try await releases.find(sprintID: first.id) == changed)
            await #expect(throws: RepositoryError.staleVersion) {
                try await store.transaction { try await $0.releases.update(updated, expectedVersion: 1) }
            }
        }
    }

    @Test(arguments: ContractStore.available)
    func releases_readBackExactly_latestPlannedFirst_withUniqueNames(_ backend: ContractStore) async throws {
        try await withStore(backend) { store in
            let releases = store.repositories.releases
            let early = Self.release("2026.12.1", plannedAt: "2026-12-10T19:00:00Z")
            let late = Self.release("2026.12.2", plannedAt: "2026-12-17T19:00:00Z")
            try await store.transaction {
                try await $0.releases.create(early)
                try await $0.releases.create(late)
            }
            #expect(try await releases.find(releaseID: early.id) == early)
            #expect(try await releases.find(releaseName: "2026.12.2") == late)
            #expect(try await releases.releases().map(\.name) == ["2026.12.2", "2026.12.1"])
            await #expect(throws: RepositoryError.conflict("Release 2026.12.1 already exists.")) {
                try await store.transaction {
                    try await $0.releases.create(Self.release("2026.12.1", plannedAt: "2027-01-07T19:00:00Z"))
                }
            }
            var renamed = early
            renamed.name = "2026.12.2"
            renamed.version = 2
            let clash = renamed
            await #expect(throws: RepositoryError.conflict("Release 2026.12.2 already exists.")) {
                try await store.transaction { try await $0.releases.update(clash, expectedVersion: 1) }
            }
            var moved = early
            moved.plannedAt = ISO8601Instant.date(from: "2026-12-24T19:00:00Z")!
            moved.status = .released
            moved.version = 2
            let saved = moved
            try await store.transaction { try await $0.releases.update(saved, expectedVersion: 1) }
            #expect(try await releases.releases().map(\.name) == ["2026.12.1", "2026.12.2"])
            #expect(try await releases.find(releaseID: early.id) == moved)
            await #expect(throws: RepositoryError.staleVersion) {
                try await store.transaction { try await $0.releases.update(saved, expectedVersion: 1) }
            }
        }
    }

    @Test(arguments: ContractStore.available)
    func notices_areNumberedOnce_andKeepEveryResponse(_ backend: ContractStore) async throws {
        try await withStore(backend) { store in
            let releases = store.repositories.releases
            #expect(try await releases.nextNoticeNumber() == 1)
            let number = try await releases.nextNoticeNumber()
            #expect(number == 2)
            var notice = IntegrationNotice(
                id: .init(UUID()), number: number, title: "New claims", description: "Test them.", featureID: nil,
                availableFrom: LocalDate("2026-12-14")!, partners: [Self.wellpath], createdAt: Self.created)
            notice.sentAt = Self.created
            try notice.respond(
                for: Self.wellpath, by: "Ada", at: Self.created,
                signOff: IntegrationSignOff(at: Self.created, by: "Ada", note: "Passed"))
            notice.recordReminder(to: Self.wellpath, at: Self.created)
            let stored = notice
            try await store.transaction { try await $0.releases.create(stored) }
            #expect(try await releases.find(noticeID: notice.id) == notice)
            #expect(try await releases.notices() == [notice])
            notice.version = 2
            notice.title = "New claims, again"
            let changed = notice
            try await store.transaction { try await $0.releases.update(changed, expectedVersion: 1) }
            #expect(try await releases.find(noticeID: notice.id)?.title == "New claims, again")
            await #expect(throws: RepositoryError.staleVersion) {
                try await store.transaction { try await $0.releases.update(changed, expectedVersion: 1) }
            }
        }
    }

    @Test(arguments: ContractStore.available)
    func approvalLevels_startEmpty_andAreReplacedInOrder(_ backend: ContractStore) async throws {
        try await withStore(backend) { store in
            let releases = store.repositories.releases
            #expect(try await releases.approvalLevels().isEmpty)
            var levels = Array(ApprovalLevel.defaults.reversed())
            levels[0].approvers = [User.ID(UUID())]
            let first = levels
            try await store.transaction { try await $0.releases.replaceApprovalLevels(first) }
            #expect(try await releases.approvalLevels() == levels)
            let second = Array(levels.prefix(2))
            try await store.transaction { try await $0.releases.replaceApprovalLevels(second) }
            #expect(try await releases.approvalLevels() == second)
        }
    }
}
