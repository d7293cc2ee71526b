import Foundation
import LeafKit
import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// The public service status page, with no sign-in: each component's state now, its last 90 days and this
/// month's availability in business support hours, open and recent outages, and announced maintenance; the
/// same as JSON, an Atom feed of outages and maintenance, and an iCalendar feed of maintenance. Nothing internal
/// appears: no notes, no partner, no member of staff.
struct PublicStatusController {
    let services: AppServices
    let publicURL: String

    func register(on routes: any RoutesBuilder) {
        routes.get(SiteURL.status.pathComponents, use: page).declaringPublic()
        routes.get(SiteURL.statusJSON.pathComponents, use: json).declaringPublic()
        routes.get(SiteURL.statusAtom.pathComponents, use: atom).declaringPublic()
        routes.get(SiteURL.statusCalendar.pathComponents, use: calendar).declaringPublic()
    }

    @Sendable func page(_ request: Request) async throws -> Response {
        try await request.view.render("status", StatusPage(try await services.serviceLevels.publicStatus()))
            .encodeResponse(for: request)
    }

    @Sendable func json(_ request: Request) async throws -> StatusDocument {
        StatusDocument(try await services.serviceLevels.publicStatus(), statusURL: statusURL)
    }

    private var statusURL: String { "\(publicURL)\(SiteURL.status.path)" }

    @Sendable func atom(_ request: Request) async throws -> Response {
        let status = try await services.serviceLevels.publicStatus()
        let names = Dictionary(
            status.components.map { ($0.component.code, $0.component.name) }, uniquingKeysWith: { first, _ in first })
        var entries: [Feeds.AtomEntry] = status.outages.map { outage in
            let name = names[outage.component] ?? outage.component
            let state =
                outage.endedAt == nil ? (outage.impact == .down ? "outage" : "degraded") : "recovered"
            return Feeds.AtomEntry(
                id: "\(statusURL)#\(outage.reference)", title: "\(outage.reference) \(name): \(state)", link: statusURL,
                updated: outage.updatedAt, summary: outage.publicSummary)
        }
        entries += status.allMaintenance.map { window in
            Feeds.AtomEntry(
                id: "\(statusURL)#\(window.reference)",
                title: "\(window.reference) planned maintenance, \(PageFormat.londonTime(window.startsAt))",
                link: statusURL, updated: window.announcedAt ?? window.updatedAt, summary: window.summary)
        }
        entries.sort { $0.updated > $1.updated }
        return Feeds.atom(
            title: "PartnerDesk: service status", page: statusURL,
            selfLink: "\(publicURL)\(SiteURL.statusAtom.path)", updated: entries.first?.updated ?? status.asOf,
            entries: entries)
    }

    /// Announced maintenance windows as events, for calendars to subscribe to.
    @Sendable func calendar(_ request: Request) async throws -> Response {
        let status = try await services.serviceLevels.publicStatus()
        let host = URLComponents(string: publicURL)?.host ?? "partnerdesk"
        let names = Dictionary(
            status.components.map { ($0.component.code, $0.component.name) }, uniquingKeysWith: { first, _ in first })
        let document = ICalendar(
            name: "PartnerDesk maintenance", product: "Service status",
            events: status.allMaintenance.map { window in
                ICalendar.Event(
                    uid: "maintenance-\(window.reference)@\(host)", start: window.startsAt, end: window.endsAt,
                    summary:
                        "Planned maintenance: \(window.components.map { names[$0] ?? $0 }.joined(separator: ", "))",
                    description: window.summary, url: statusURL, sequence: window.version - 1)
            }, stamp: services.clock.now())
        return Feeds.calendar(document)
    }
}
/// The status as JSON: components, outages and maintenance in partners' words.
struct StatusDocument: Content {
    struct Component: Content {
        var code: String
        var name: String
        var state: String
        var monthAvailabilityPercent: Double
        var monthDowntimeMinutes: Int
        var days: [Day]
    }

    struct Day: Content {
        var date: String
        var state: String
        var downMinutes: Int
    }

    struct OutageEntry: Content {
        var reference: String
        var component: String
        var impact: String
        var startedAt: String
        var endedAt: String?
        var summary: String
    }

    struct MaintenanceEntry: Content {
        var reference: String
        var components: [String]
        var startsAt: String
        var endsAt: String
        var summary: String
    }

    var asOf: String
    var url: String
    var components: [Component]
    var outages: [OutageEntry]
    var maintenance: [MaintenanceEntry]

    init(_ status: PublicStatus, statusURL: String) {
        asOf = ISO8601Instant.string(from: status.asOf)
        url = statusURL
        components = status.components.map { item in
            Component(
                code: item.component.code, name: item.component.name, state: item.state.rawValue,
                monthAvailabilityPercent: (item.month.percent * 1000).rounded() / 1000,
                monthDowntimeMinutes: item.month.downtimeSeconds / 60,
                days: item.days.map {
                    Day(date: $0.date.description, state: $0.worst.rawValue, downMinutes: $0.downMinutes)
                })
        }
        outages = status.outages.map {
            OutageEntry(
                reference: $0.reference, component: $0.component, impact: $0.impact.rawValue,
                startedAt: ISO8601Instant.string(from: $0.startedAt),
                endedAt: $0.endedAt.map(ISO8601Instant.string(from:)),
                summary: $0.publicSummary)
        }
        maintenance = status.maintenance.map {
            MaintenanceEntry(
                reference: $0.reference, components: $0.components, startsAt: ISO8601Instant.string(from: $0.startsAt),
                endsAt: ISO8601Instant.string(from: $0.endsAt), summary: $0.summary)
        }
    }
}
