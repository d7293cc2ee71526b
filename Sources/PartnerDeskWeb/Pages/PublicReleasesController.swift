import Foundation
import LeafKit
import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// The public service updates and releases page, with no sign-in: upcoming releases with their notes, past
/// releases, and the features of the current and next sprints, in partners' words; one page per release; and
/// the same as JSON, an Atom feed and an iCalendar feed of planned releases. Nothing internal appears: no
/// approval, no reason given internally, no member of staff, no partner's name.
struct PublicReleasesController {
    let services: AppServices
    let publicURL: String

    func register(on routes: any RoutesBuilder) {
        routes.get(SiteURL.serviceUpdates.pathComponents, use: page).declaringPublic()
        routes.get(SiteURL.serviceUpdatesJSON.pathComponents, use: json).declaringPublic()
        routes.get(SiteURL.serviceUpdatesAtom.pathComponents, use: atom).declaringPublic()
        routes.get(SiteURL.serviceUpdatesCalendar.pathComponents, use: calendar).declaringPublic()
        routes.get(SiteURL.publicRelease(.key).pathComponents, use: detail).declaringPublic()
    }

    /// A feature as everyone reads it.
    struct PublicFeature: Content {
        var title: String
        var description: String
        var services: [String]
        var impact: String
        var impactLabel: String
        var partnerAction: String?

        init(_ feature: SprintFeature) {
            title = feature.title
            description = feature.description
            services = feature.services
            impact = feature.impact.rawValue
            impactLabel = feature.impact.label
            partnerAction = feature.partnerAction
        }
    }

    /// A release as everyone reads it, with its times in words for the page.
    struct ReleaseEntry: Content {
        struct Fix: Content {
            var reference: String
            var summary: String
            var url: String
        }

        struct Move: Content {
            var from: String
            var to: String
            var reason: String?
        }

        var name: String
        var summary: String
        var plannedAt: String
        var plannedAtText: String
        var status: String
        var releasedAt: String?
        var releasedAtText: String?
        var notesPublishedAt: String
        var features: [PublicFeature]
        var fixes: [Fix]
        var knownIssues: String?
        var partnerActions: String?
        var moves: [Move]
        /// When it was first planned for, if it moved since.
        var firstPlannedText: String?
        var url: String

        init(_ release: PublicRelease, publicURL: String) {
            name = release.name
            summary = release.summary
            plannedAt = ISO8601Instant.string(from: release.plannedAt)
            plannedAtText = PageFormat.londonTime(release.plannedAt)
            status = release.status.rawValue
            releasedAt = release.releasedAt.map(ISO8601Instant.string(from:))
            releasedAtText = release.releasedAt.map(PageFormat.londonTime)
            notesPublishedAt = ISO8601Instant.string(from: release.notesPublishedAt)
            features = release.features.map(PublicFeature.init)
            fixes = release.fixes.map {
                .init(reference: $0.reference, summary: $0.summary, url: "\(publicURL)/problems/\($0.reference)")
            }
            knownIssues = release.knownIssues
            partnerActions = release.partnerActions
            moves = release.moves.map {
                .init(from: PageFormat.londonTime($0.from), to: PageFormat.londonTime($0.to), reason: $0.reason)
            }
            firstPlannedText = release.moves.first.map { PageFormat.londonTime($0.from) }
            url = "\(publicURL)\(SiteURL.publicRelease(.value(release.name)).path)"
        }
    }

    struct SprintEntry: Content {
        var name: String
        var dates: String
        var goal: String?
        var features: [PublicFeature]

        init(_ sprint: Sprint) {
            name = sprint.name
            dates = "\(PageFormat.longDate(sprint.startsOn)) to \(PageFormat.longDate(sprint.endsOn))"
            goal = sprint.goal
            features = sprint.features.map(PublicFeature.init)
        }
    }

    /// The page's and the JSON's contents.
    struct Updates: Content {
        var upcoming: [ReleaseEntry]
        var past: [ReleaseEntry]
        var currentSprint: SprintEntry?
        var nextSprint: SprintEntry?
    }

    private func updates() async throws -> Updates {
        let updates = try await services.releases.publicUpdates()
        return Updates(
            upcoming: updates.upcoming.map { .init($0, publicURL: publicURL) },
            past: updates.past.map { .init($0, publicURL: publicURL) },
            currentSprint: updates.currentSprint.map(SprintEntry.init),
            nextSprint: updates.nextSprint.map(SprintEntry.init))
    }

    @Sendable func page(_ request: Request) async throws -> Response {
        struct Page: Encodable {
            var title = "Service updates and releases"
            var updates: Updates
        }
        return try await request.view.render("service-updates", Page(updates: try await updates()))
            .encodeResponse(for: request)
    }

    @Sendable func json(_ request: Request) async throws -> Updates { try await updates() }

    @Sendable func detail(_ request: Request) async throws -> Response {
        guard let name = request.parameters.get("name") else { throw ServiceError.notFound }
        let release = ReleaseEntry(try await services.releases.publicRelease(named: name), publicURL: publicURL)
        struct Page: Encodable {
            var title: String
            var release: ReleaseEntry
        }
        return try await request.view.render("service-update", Page(title: "Release \(release.name)", release: release))
            .encodeResponse(for: request)
    }

    @Sendable func atom(_ request: Request) async throws -> Response {
        let updates = try await services.releases.publicUpdates()
        let releases = (updates.upcoming + updates.past).sorted { $0.notesPublishedAt > $1.notesPublishedAt }
        return Feeds.atom(
            title: "PartnerDesk: service updates and releases", page: "\(publicURL)/service-updates",
            selfLink: "\(publicURL)/service-updates.atom",
            updated: releases.first?.notesPublishedAt ?? services.clock.now(),
            entries: releases.map { release in
                let entry = ReleaseEntry(release, publicURL: publicURL)
                let when = entry.releasedAtText.map { "Released \($0)." } ?? "Planned for \(entry.plannedAtText)."
                return Feeds.AtomEntry(
                    id: entry.url, title: "Release \(entry.name)", link: entry.url, updated: release.notesPublishedAt,
                    summary: "\(when) \(entry.summary)")
            })
    }

    /// Planned releases (and past ones, for calendars that already hold them) as hour-long events.
    @Sendable func calendar(_ request: Request) async throws -> Response {
        let updates = try await services.releases.publicUpdates()
        let host = URLComponents(string: publicURL)?.host ?? "partnerdesk"
        let document = ICalendar(
            name: "PartnerDesk releases",
            events: (updates.upcoming + updates.past).map { release in
                let entry = ReleaseEntry(release, publicURL: publicURL)
                let start = release.releasedAt ?? release.plannedAt
                return ICalendar.Event(
                    uid: "release-\(release.name)@\(host)", start: start, end: start.addingTimeInterval(3_600),
                    summary: "Release \(release.name)", description: release.summary, url: entry.url,
                    sequence: release.moves.count, cancelled: release.status == .rolledBack)
            }, stamp: services.clock.now())
        return Feeds.calendar(document)
    }
}
