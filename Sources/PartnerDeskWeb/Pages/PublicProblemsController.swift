import Foundation
import LeafKit
import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// The public problems-and-fixes page, with no sign-in: partners check it before raising an incident.
/// Only published problems appear, each with its approved summary, status, workaround, target fix date and
/// fix release, never partner names, incident details or internal notes. Also as JSON and as an Atom feed.
struct PublicProblemsController {
    let services: AppServices
    let publicURL: String

    func register(on routes: any RoutesBuilder) {
        routes.get(SiteURL.problems.pathComponents, use: page).declaringPublic()
        routes.get(SiteURL.problemsJSON.pathComponents, use: json).declaringPublic()
        routes.get(SiteURL.problemsAtom.pathComponents, use: atom).declaringPublic()
        routes.get(SiteURL.publicProblem(.key).pathComponents, use: detail).declaringPublic()
    }

    /// A published problem as partners see it.
    struct PublicProblem: Content {
        var reference: String
        var title: String
        var summary: String
        var status: String
        var statusLabel: String
        var workaround: String?
        var fixDueDate: String
        var fixRelease: String?
        /// The planned release agreed to carry the fix, when one is, and whether its notes (its page) are out.
        var agreedRelease: String?
        var agreedReleaseIsPublished: Bool
        var url: String
        var updatedAt: String

        init(_ view: ProblemView, publicURL: String) {
            let problem = view.problem
            reference = problem.reference.description
            title = problem.title
            summary = problem.publicSummary ?? ""
            status = problem.status.rawValue
            statusLabel = problem.status.label
            workaround = problem.workaround
            fixDueDate = view.target.dueDate.description
            fixRelease = problem.fixRelease
            agreedRelease = view.target.agreedRelease
            agreedReleaseIsPublished = view.target.agreedReleaseIsPublished
            url = "\(publicURL)/problems/\(problem.reference)"
            updatedAt = ISO8601Instant.string(from: problem.updatedAt)
        }
    }

    struct ListPage: Encodable {
        struct Entry: Encodable {
            var problem: PublicProblem
            /// Title and summary as HTML with matched words marked (escaped first), for search results.
            var titleHTML: String
            var summaryHTML: String
            var due: String
        }

        var title = "Problems and fixes"
        var query: String
        var searched: Bool
        var entries: [Entry]
        var hasEntries: Bool
    }

    @Sendable func page(_ request: Request) async throws -> Response {
        let query = ((try? request.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespaces)
        let entries: [ListPage.Entry]
        if query.isEmpty {
            entries = try await services.problems.published().map { view in
                let problem = PublicProblem(view, publicURL: publicURL)
                return .init(
                    problem: problem, titleHTML: problem.title.htmlEscaped(),
                    summaryHTML: problem.summary.htmlEscaped(),
                    due: PageFormat.longDate(view.target.dueDate))
            }
        } else {
            var found: [ListPage.Entry] = []
            for hit in try await services.problems.searchPublished(query) {
                let view = try await services.problems.publishedView(hit)
                found.append(
                    .init(
                        problem: PublicProblem(view, publicURL: publicURL),
                        titleHTML: Self.marked(hit.highlightedTitle),
                        summaryHTML: Self.marked(hit.highlightedSummary ?? view.problem.publicSummary ?? ""),
                        due: PageFormat.longDate(view.target.dueDate)))
            }
            entries = found
        }
        let page = ListPage(query: query, searched: !query.isEmpty, entries: entries, hasEntries: !entries.isEmpty)
        return try await request.view.render("problems", page).encodeResponse(for: request)
    }

    @Sendable func detail(_ request: Request) async throws -> Response {
        guard let view = try await services.problems.publishedProblem(try request.problemReference()) else {
            throw ServiceError.notFound
        }
        struct DetailPage: Encodable {
            var title: String
            var problem: PublicProblem
            var due: String
        }
        let page = DetailPage(
            title: "\(view.problem.reference): \(view.problem.title)",
            problem: PublicProblem(view, publicURL: publicURL),
            due: PageFormat.longDate(view.target.dueDate))
        return try await request.view.render("problem", page).encodeResponse(for: request)
    }

    /// Every published problem, or with `q` the 20 that best match its words.
    @Sendable func json(_ request: Request) async throws -> [PublicProblem] {
        let query = ((try? request.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespaces)
        guard !query.isEmpty else {
            return try await services.problems.published().map { PublicProblem($0, publicURL: publicURL) }
        }
        var found: [PublicProblem] = []
        for hit in try await services.problems.searchPublished(query) {
            found.append(PublicProblem(try await services.problems.publishedView(hit), publicURL: publicURL))
        }
        return found
    }

    @Sendable func atom(_ request: Request) async throws -> Response {
        let problems = try await services.problems.published().map { PublicProblem($0, publicURL: publicURL) }
        let updated = problems.map(\.updatedAt).max() ?? ISO8601Instant.string(from: services.clock.now())
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
            <title>PartnerDesk: problems and fixes</title>
            <id>\(publicURL.htmlEscaped())/problems</id>
            <link rel="alternate" href="\(publicURL.htmlEscaped())/problems"/>
            <link rel="self" href="\(publicURL.htmlEscaped())/problems.atom"/>
            <updated>\(updated)</updated>

            """
        for problem in problems {
            var summary = "\(problem.statusLabel). \(problem.summary) Fix due by \(problem.fixDueDate)."
            if let workaround = problem.workaround { summary += " Workaround: \(workaround)" }
            if let release = problem.fixRelease { summary += " Fixed in release \(release)." }
            xml += """
                <entry>
                <id>\(problem.url.htmlEscaped())</id>
                <title>\("\(problem.reference): \(problem.title)".htmlEscaped())</title>
                <link rel="alternate" href="\(problem.url.htmlEscaped())"/>
                <updated>\(problem.updatedAt)</updated>
                <summary>\(summary.htmlEscaped())</summary>
                </entry>

                """
        }
        xml += "</feed>\n"
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "atom+xml", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: xml))
    }

    /// Escapes the text, then turns the search's match marks into `<mark>` elements.
    static func marked(_ text: String) -> String {
        text.htmlEscaped().replacingOccurrences(of: ProblemSearchHit.markStart, with: "<mark>")
            .replacingOccurrences(of: ProblemSearchHit.markEnd, with: "</mark>")
    }
}
