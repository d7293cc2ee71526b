import Foundation
import PartnerDeskDomain

/// One known problem found by a search, with where the words matched.
public struct ProblemSearchHit: Sendable, Hashable {
    public var problem: Problem
    /// The title and the public summary with each matched word between ``ProblemSearchHit/markStart`` and ``ProblemSearchHit/markEnd``.
    public var highlightedTitle: String
    public var highlightedSummary: String?

    /// Marks around matched words (control characters, which no stored text contains), for pages and the API to
    /// turn into their own markup after escaping the text.
    public static let markStart = "\u{2}"
    public static let markEnd = "\u{3}"

    public init(problem: Problem, highlightedTitle: String, highlightedSummary: String?) {
        self.problem = problem
        self.highlightedTitle = highlightedTitle
        self.highlightedSummary = highlightedSummary
    }
}

/// Stores problem records and finds them by their words.
public protocol ProblemRepository: Sendable {
    /// The next reference number, never handed out twice.
    func nextReference() async throws -> ProblemReference
    func create(_ problem: Problem) async throws
    /// Replaces a stored problem when its stored version is still `expectedVersion`; otherwise throws
    /// ``RepositoryError/staleVersion``.
    func update(_ problem: Problem, expectedVersion: Int) async throws
    func find(id: Problem.ID) async throws -> Problem?
    func find(reference: ProblemReference) async throws -> Problem?
    /// Every problem, oldest first.
    func list() async throws -> [Problem]
    /// Published problems whose title, public summary, workaround or error codes contain every word of `text`
    /// (each word also as the start of a longer one, and in any inflection: "upload" finds "uploads"), best
    /// match first. When more than ``ProblemSearch/candidateLimit`` problems match, only that many of the
    /// most recently recorded are ranked: the answer stays quick however common the words, and favours
    /// problems that are current.
    func searchPublished(_ text: String, limit: Int) async throws -> [ProblemSearchHit]
    /// A bounded piece of upkeep on the search index, cheap when there is nothing to do: on SQLite it merges
    /// the FTS5 index's segments a little at a time, so searches read one segment rather than many.
    func maintainSearchIndex() async throws
    /// The incidents linked to problems, by problem reference, as the ranking needs them.
    func linkedIncidents() async throws -> [ProblemReference: [ProblemScore.LinkedIncident]]
}
