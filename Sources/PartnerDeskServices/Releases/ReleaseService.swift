import Foundation
import PartnerDeskDomain

/// A release with what people need beside it: each approval it needs (by name, with where it stands), what
/// stops it going now, the earliest it may go, and the features and problem fixes it carries.
public struct ReleaseView: Sendable, Hashable {
    public struct Approval: Sendable, Hashable {
        public var requirement: ApprovalRequirement
        /// The level's or the partner's name.
        public var name: String
        public var state: ApprovalState
    }

    public var release: Release
    /// The number of the sprint it comes from.
    public var sprintNumber: Int?
    public var approvals: [Approval]
    public var blockers: [ValidationIssue]
    public var earliestRelease: Date?
    public var features: [SprintFeature]
    public var problems: [Problem]
}

/// An assurance level with the people who decide for it.
public struct ApprovalLevelView: Sendable, Hashable {
    public var level: ApprovalLevel
    public var approvers: [User]
}

/// A sprint with where its digest stands.
public struct SprintView: Sendable, Hashable {
    public var sprint: Sprint
    public var startsAt: Date
    public var digest: SprintDigestStatus
}

/// Change and release management: sprints and the digest partners get before each, integration-environment
/// notices with partners' acknowledgements, releases whose notes are published before they go, and the
/// assurance approvals (the platform's levels and affected partners) that can hold any of them as unsafe.
public struct ReleaseService: Sendable {
    let store: any UnitOfWork
    let ids: any IDGenerator
    let clock: any Clock
    let catalog: ServiceLevelCatalog
    let planner: NotificationPlanner
    let audit: AuditService
    let problems: ProblemService
    /// How long before a release its notes must be out.
    public let leadTime: ReleaseLeadTime

    public init(
        store: any UnitOfWork, ids: any IDGenerator, clock: any Clock, catalog: ServiceLevelCatalog,
        planner: NotificationPlanner, audit: AuditService, problems: ProblemService, leadTime: ReleaseLeadTime
    ) {
        self.store = store
        self.ids = ids
        self.clock = clock
        self.catalog = catalog
        self.planner = planner
        self.audit = audit
        self.problems = problems
        self.leadTime = leadTime
    }

    /// The platform's business calendar (the Silver tier's): sprint starts and lead times count on it.
    var calendar: BusinessCalendar { catalog.calendar(ServiceLevelTier.silver.id) }

    /// The assurance levels: those stored, or the defaults until someone changes them.
    public func approvalLevels(as principal: Principal) async throws -> [ApprovalLevelView] {
        try Authorization.require(principal, .readReleases)
        return try await Self.levelViews(try await Self.levels(in: store.repositories), in: store.repositories)
    }

    static func levelViews(_ levels: [ApprovalLevel], in repositories: any Repositories) async throws
        -> [ApprovalLevelView]
    {
        let staff = Dictionary(
            try await repositories.users.list(partnerID: nil).map { ($0.id, $0) },
            uniquingKeysWith: { first, _ in first })
        return levels.map { ApprovalLevelView(level: $0, approvers: $0.approvers.compactMap { staff[$0] }) }
    }

    static func levels(in repositories: any Repositories) async throws -> [ApprovalLevel] {
        let stored = try await repositories.releases.approvalLevels()
        return stored.isEmpty ? ApprovalLevel.defaults : stored
    }

    /// Names who decides for a level: active assurance approvers, by e-mail address. Nobody named means any
    /// assurance approver may decide for it.
    public func setApprovers(of code: String, to addresses: [String], by principal: Principal) async throws
        -> [ApprovalLevelView]
    {
        try Authorization.require(principal, .manageApprovalLevels)
        let audit = self.audit
        return try await store.transaction { repositories in
            var levels = try await Self.levels(in: repositories)
            guard let index = levels.firstIndex(where: { $0.code == code }) else { throw ServiceError.notFound }
            var check = ValidationCollector()
            var approvers: [User.ID] = []
            for (position, text) in addresses.enumerated() {
                var user: User?
                if let address = EmailAddress(text.trimmingCharacters(in: .whitespaces)) {
                    user = try await repositories.users.find(email: address)?.user
                }
                guard let user, user.isActive, user.role == .assuranceApprover else {
                    check.add(
                        "approvers[\(position)]", "not_an_approver",
                        "\(text) is not an active assurance approver's address.")
                    continue
                }
                if !approvers.contains(user.id) { approvers.append(user.id) }
            }
            try check.finish()
            let before = levels[index]
            levels[index].approvers = approvers
            try await repositories.releases.replaceApprovalLevels(levels)
            try await audit.append(
                .change("release.level_approvers", by: principal, from: before, to: levels[index], target: code),
                in: repositories)
            return try await Self.levelViews(levels, in: repositories)
        }
    }

    /// One release with its approvals, blockers and contents.
    public func release(_ id: Release.ID, as principal: Principal) async throws -> ReleaseView {
        try Authorization.require(principal, .readReleases)
        let repositories = store.repositories
        guard let release = try await repositories.releases.find(releaseID: id) else { throw ServiceError.notFound }
        return try await view(release, in: repositories)
    }

    /// Every release, the latest planned first.
    public func releases(as principal: Principal) async throws -> [ReleaseView] {
        try Authorization.require(principal, .readReleases)
        let repositories = store.repositories
        // The names and sprints every release's view needs are read once for the whole list.
        let names = try await requirementNames(in: repositories)
        let sprints = try await repositories.releases.sprints()
        var views: [ReleaseView] = []
        for release in try await repositories.releases.releases() {
            views.append(try await view(release, names: names, sprints: sprints, in: repositories))
        }
        return views
    }

    func view(_ release: Release, in repositories: any Repositories) async throws -> ReleaseView {
        try await view(
            release, names: try await requirementNames(in: repositories),
            sprints: try await repositories.releases.sprints(), in: repositories)
    }

    private func view(
        _ release: Release, names: @Sendable (ApprovalRequirement) -> String, sprints: [Sprint],
        in repositories: any Repositories
    ) async throws -> ReleaseView {
        let now = clock.now()
        let features = release.features.compactMap { id in sprints.lazy.flatMap(\.features).first { $0.id == id } }
        var problems: [Problem] = []
        for id in release.problems {
            if let problem = try await repositories.problems.find(id: id) { problems.append(problem) }
        }
        return ReleaseView(
            release: release, sprintNumber: sprints.first { $0.id == release.sprintID }?.number,
            approvals: release.requirements.map {
                .init(requirement: $0, name: names($0), state: release.state(of: $0))
            },
            blockers: release.blockers(at: now, leadTime: leadTime, on: calendar, name: names),
            earliestRelease: release.earliestRelease(leadTime: leadTime, on: calendar), features: features,
            problems: problems)
    }

    /// Words for each requirement: the level's name, or the partner's.
    func requirementNames(in repositories: any Repositories) async throws -> @Sendable (ApprovalRequirement) -> String {
        let levels = Dictionary(
            try await Self.levels(in: repositories).map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let partners = Dictionary(
            try await repositories.partners.list().map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return { requirement in
            switch requirement {
            case .level(let code): levels[code] ?? code
            case .partner(let id): partners[id] ?? "A partner"
            }
        }
    }

    /// Reads, changes and writes back one record under its version, with the audit entry, in one transaction.
    func changing<Record: VersionedRecord>(
        _ action: String, expectedVersion: Int, by principal: Principal, target: @escaping @Sendable (Record) -> String,
        find: @escaping @Sendable (any ReleaseRepository) async throws -> Record?,
        save: @escaping @Sendable (any ReleaseRepository, Record) async throws -> Void,
        _ change: @escaping @Sendable (inout Record, Date, any Repositories) async throws -> Void
    ) async throws -> Record {
        let now = clock.now()
        let audit = self.audit
        return try await store.transaction { repositories in
            guard let before = try await find(repositories.releases) else { throw ServiceError.notFound }
            guard before.version == expectedVersion else {
                throw ServiceError.versionMismatch(currentVersion: before.version)
            }
            var record = before
            try await change(&record, now, repositories)
            record.updatedAt = now
            record.version += 1
            try await save(repositories.releases, record)
            try await audit.append(
                .change(action, by: principal, from: before, to: record, target: target(record)), in: repositories)
            return record
        }
    }

    func changeSprint(
        _ id: Sprint.ID, _ action: String, expectedVersion: Int, by principal: Principal,
        _ change: @escaping @Sendable (inout Sprint, any Repositories) async throws -> Void
    ) async throws -> SprintView {
        sprintView(
            try await changing(
                action, expectedVersion: expectedVersion, by: principal, target: \.name,
                find: { try await $0.find(sprintID: id) },
                save: { try await $0.update($1, expectedVersion: expectedVersion) },
                { sprint, _, repositories in try await change(&sprint, repositories) }))
    }

    func changeNotice(
        _ id: IntegrationNotice.ID, _ action: String, expectedVersion: Int, by principal: Principal,
        _ change: @escaping @Sendable (inout IntegrationNotice, Date, any Repositories) async throws -> Void
    ) async throws -> IntegrationNotice {
        try await changing(
            action, expectedVersion: expectedVersion, by: principal, target: \.reference,
            find: { try await $0.find(noticeID: id) },
            save: { try await $0.update($1, expectedVersion: expectedVersion) },
            change)
    }

    func changeRelease(
        _ id: Release.ID, _ action: String, expectedVersion: Int, by principal: Principal,
        _ change: @escaping @Sendable (inout Release, any Repositories) async throws -> Void
    ) async throws -> ReleaseView {
        let release = try await changing(
            action, expectedVersion: expectedVersion, by: principal, target: \.name,
            find: { try await $0.find(releaseID: id) },
            save: { try await $0.update($1, expectedVersion: expectedVersion) },
            { release, _, repositories in try await change(&release, repositories) })
        return try await view(release, in: store.repositories)
    }
}
