import Foundation
import PartnerDeskDomain

/// A release as the public service updates page shows it: only what its published notes say, with the fixes
/// of published problems, and never an approval, a reason given internally or a member of staff.
public struct PublicRelease: Sendable, Hashable {
    /// A fix it carries: the published problem's reference and the summary partners read.
    public struct Fix: Sendable, Hashable {
        public var reference: String
        public var summary: String
    }

    /// A move of its date, with the reason given to partners, if any.
    public struct Move: Sendable, Hashable {
        public var from: Date
        public var to: Date
        public var reason: String?
    }

    public var name: String
    public var summary: String
    public var plannedAt: Date
    public var status: ReleaseStatus
    public var releasedAt: Date?
    public var notesPublishedAt: Date
    public var features: [SprintFeature]
    public var fixes: [Fix]
    public var knownIssues: String?
    public var partnerActions: String?
    public var moves: [Move]
}

/// What the public service updates page shows.
public struct PublicServiceUpdates: Sendable, Hashable {
    /// Planned releases with published notes, soonest first.
    public var upcoming: [PublicRelease]
    /// Releases that went live (or were rolled back), latest first.
    public var past: [PublicRelease]
    /// The sprint running now and the one after it, once their digests have gone to partners.
    public var currentSprint: Sprint?
    public var nextSprint: Sprint?
}

extension ReleaseService {
    /// The public service updates page: no sign-in, nothing internal.
    public func publicUpdates() async throws -> PublicServiceUpdates {
        let repositories = store.repositories
        let now = clock.now()
        let today = calendar.localDate(of: now)
        let releases = try await publicReleases(in: repositories)
        let told = try await repositories.releases.sprints().filter { $0.digestSentAt != nil }
            .map { $0.withoutPartners() }
        return PublicServiceUpdates(
            upcoming: releases.filter { $0.status == .planned }.sorted { $0.plannedAt < $1.plannedAt },
            past: releases.filter { $0.status != .planned }.sorted {
                ($0.releasedAt ?? $0.plannedAt) > ($1.releasedAt ?? $1.plannedAt)
            },
            currentSprint: told.first { $0.startsOn <= today && today <= $0.endsOn },
            nextSprint: told.filter { $0.startsOn > today }.min { $0.startsOn < $1.startsOn })
    }

    /// One release whose notes are published, by its name.
    public func publicRelease(named name: String) async throws -> PublicRelease {
        guard let release = try await publicReleases(in: store.repositories).first(where: { $0.name == name }) else {
            throw ServiceError.notFound
        }
        return release
    }

    private func publicReleases(in repositories: any Repositories) async throws -> [PublicRelease] {
        let features = try await repositories.releases.sprints().flatMap(\.features)
        var releases: [PublicRelease] = []
        for release in try await repositories.releases.releases() {
            guard let published = release.notesPublishedAt else { continue }
            var fixes: [PublicRelease.Fix] = []
            for id in release.problems {
                guard let problem = try await repositories.problems.find(id: id), problem.isPublished,
                    let summary = problem.publicSummary
                else { continue }
                fixes.append(.init(reference: problem.reference.description, summary: summary))
            }
            releases.append(
                PublicRelease(
                    name: release.name, summary: release.summary, plannedAt: release.plannedAt, status: release.status,
                    releasedAt: release.releasedAt, notesPublishedAt: published,
                    features: release.features.compactMap { id in features.first { $0.id == id }?.withoutPartners() },
                    fixes: fixes, knownIssues: release.knownIssues, partnerActions: release.partnerActions,
                    moves: release.dateChanges.map { .init(from: $0.from, to: $0.to, reason: $0.reason) }))
        }
        return releases
    }
}
