import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// Problems in memory. The search reads the fields ``ProblemSearch`` names and takes its words of a query;
/// every word must start a word of them, with a plain stemmer (a trailing "s" ignored) standing in for the
/// engines' English ones. The repository contract holds it to the same answers as both databases.
struct InMemoryProblemRepository: ProblemRepository {
    let box: StateBox

    func nextReference() async throws -> ProblemReference {
        var number = 0
        try box.write {
            $0.problemSequence += 1
            number = $0.problemSequence
        }
        return ProblemReference(number: number)!
    }

    func create(_ problem: Problem) async throws {
        try box.write { state in
            guard !state.problems.values.contains(where: { $0.reference == problem.reference }) else {
                throw RepositoryError.conflict("A problem with this reference already exists.")
            }
            state.problems[problem.id] = problem
        }
    }

    func update(_ problem: Problem, expectedVersion: Int) async throws {
        try box.write { state in
            guard state.problems[problem.id]?.version == expectedVersion else { throw RepositoryError.staleVersion }
            state.problems[problem.id] = problem
        }
    }

    func find(id: Problem.ID) async throws -> Problem? { box.read().problems[id] }

    func find(reference: ProblemReference) async throws -> Problem? {
        box.read().problems.values.first { $0.reference == reference }
    }

    func list() async throws -> [Problem] { box.read().problems.values.sorted { $0.reference < $1.reference } }

    func searchPublished(_ text: String, limit: Int) async throws -> [ProblemSearchHit] {
        let words = ProblemSearch.words(ofQuery: text).map(Self.stem)
        guard !words.isEmpty else { return [] }
        return try await list().filter(\.isPublished).reversed().filter { problem in
            let fields = ProblemSearch.indexed(problem)
            let indexed = [fields.title, fields.summary, fields.workaround, fields.errorCodes]
                .flatMap(ProblemSearch.words(in:)).map(Self.stem)
            return words.allSatisfy { word in indexed.contains { $0.hasPrefix(word) } }
        }
        .prefix(min(limit, ProblemSearch.candidateLimit)).map { problem in
            ProblemSearchHit(
                problem: problem, highlightedTitle: Self.mark(problem.title, words),
                highlightedSummary: problem.publicSummary.map { Self.mark($0, words) })
        }
    }

    func maintainSearchIndex() async throws {}

    func linkedIncidents() async throws -> [ProblemReference: [ProblemScore.LinkedIncident]] {
        var result: [ProblemReference: [ProblemScore.LinkedIncident]] = [:]
        for (incident, _) in box.read().incidents.values {
            guard let reference = incident.linkedProblem.flatMap(ProblemReference.init) else { continue }
            result[reference, default: []].append(
                .init(partnerID: incident.partnerID, severity: incident.severity, raisedAt: incident.raisedAt))
        }
        return result
    }

    private static func stem(_ word: String) -> String {
        word.count > 3 && word.hasSuffix("s") ? String(word.dropLast()) : word
    }

    private static func mark(_ text: String, _ words: [String]) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map { token in
            let bare = ProblemSearch.words(in: String(token)).first.map(stem) ?? ""
            return words.contains { !bare.isEmpty && bare.hasPrefix($0) }
                ? ProblemSearchHit.markStart + token + ProblemSearchHit.markEnd : String(token)
        }.joined(separator: " ")
    }
}
