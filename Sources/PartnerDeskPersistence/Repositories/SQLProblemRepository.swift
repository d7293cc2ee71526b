import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import SQLKit

/// Problem records in SQL, with their full-text index kept in the same transaction as every write:
/// SQLite's FTS5 table `problems_fts` (ranked by bm25, highlighted by `highlight`) or PostgreSQL's
/// `search_vector` (ranked by `ts_rank`, highlighted by `ts_headline`). Both use English stemming and match
/// every word of a search, each also as a prefix.
struct SQLProblemRepository: ProblemRepository {
    static let table = "problems"
    let sql: any SQLDatabase

    private var isSQLite: Bool { sql.dialect.name == "sqlite" }

    func nextReference() async throws -> ProblemReference {
        let row = try await sql.raw("UPDATE sequences SET value = value + 1 WHERE name = 'problem' RETURNING value")
            .first()
        guard let value = try row?.decode(column: "value", as: Int.self),
            let reference = ProblemReference(number: value)
        else { throw StoredDataError.unreadable(table: "sequences", id: nil) }
        return reference
    }

    func create(_ problem: Problem) async throws {
        try await translatingConstraintFailures("A problem with this reference already exists.") {
            try await sql.insert(into: Self.table, row: try Self.row(problem))
        }
        try await index(problem)
    }

    func update(_ problem: Problem, expectedVersion: Int) async throws {
        var update = sql.update(Self.table)
        for (column, value) in try Self.row(problem).dropFirst() {
            update = update.set(quotedColumn(column), to: SQLBind(value))
        }
        let claimed = try await update.where("id", .equal, problem.id.rawValue)
            .where("version", .equal, expectedVersion).returning("id").all()
        guard !claimed.isEmpty else { throw RepositoryError.staleVersion }
        try await index(problem)
    }

    func find(id: Problem.ID) async throws -> Problem? {
        try await sql.selectAll(from: Self.table).where("id", .equal, id.rawValue).first().map(Self.problem(from:))
    }

    func find(reference: ProblemReference) async throws -> Problem? {
        try await sql.selectAll(from: Self.table).where("number", .equal, Int64(reference.number)).first()
            .map(Self.problem(from:))
    }

    func list() async throws -> [Problem] {
        try await sql.selectAll(from: Self.table).orderBy("number").all().map(Self.problem(from:))
    }

    func searchPublished(_ text: String, limit: Int) async throws -> [ProblemSearchHit] {
        let words = ProblemSearch.words(ofQuery: text)
        guard !words.isEmpty else { return [] }
        let (start, end) = (ProblemSearchHit.markStart, ProblemSearchHit.markEnd)
        let candidates = ProblemSearch.candidateLimit
        let rows: [any SQLRow]
        // Both engines rank only the newest matching problems (the index's rowid is the problem's number on
        // SQLite; PostgreSQL reads them newest first), so a common word does not rank the whole table.
        if isSQLite {
            let match = words.map { "\"\($0)\"*" }.joined(separator: " ")
            rows = try await sql.raw(
                """
                SELECT p.*, c.hit_title, c.hit_summary FROM (
                    SELECT rowid AS hit_number, bm25(problems_fts) AS hit_rank,
                        highlight(problems_fts, 1, \(bind: start), \(bind: end)) AS hit_title,
                        highlight(problems_fts, 2, \(bind: start), \(bind: end)) AS hit_summary
                    FROM problems_fts WHERE problems_fts MATCH \(bind: match) ORDER BY rowid DESC LIMIT \(bind: candidates)
                ) c JOIN problems p ON p.number = c.hit_number
                ORDER BY c.hit_rank, p.number LIMIT \(bind: limit)
                """
            ).all()
        } else {
            let query = words.map { "\($0):*" }.joined(separator: " & ")
            let options = "StartSel=\(start), StopSel=\(end), HighlightAll=true"
            rows = try await sql.raw(
                """
                SELECT p.*, ts_headline('english', p.title, q, \(bind: options)) AS hit_title,
                    ts_headline('english', coalesce(p.public_summary, ''), q, \(bind: options)) AS hit_summary
                FROM (
                    SELECT * FROM problems WHERE is_published AND search_vector @@ to_tsquery('english', \(bind: query))
                    ORDER BY number DESC LIMIT \(bind: candidates)
                ) p, to_tsquery('english', \(bind: query)) q
                ORDER BY ts_rank(p.search_vector, q) DESC, p.number LIMIT \(bind: limit)
                """
            ).all()
        }
        return try rows.map { row in
            let problem = try Self.problem(from: row)
            let summary = try row.decode(column: "hit_summary", as: String?.self)
            return ProblemSearchHit(
                problem: problem, highlightedTitle: try row.decode(column: "hit_title", as: String.self),
                highlightedSummary: problem.publicSummary == nil ? nil : summary)
        }
    }

    /// Merges at most 200 pages of FTS5 segments per call (a negative count merges segments of any level,
    /// working towards one); PostgreSQL's GIN index needs nothing beyond autovacuum.
    func maintainSearchIndex() async throws {
        guard isSQLite else { return }
        try await sql.raw("INSERT INTO problems_fts (problems_fts, rank) VALUES ('merge', -200)").run()
    }

    func linkedIncidents() async throws -> [ProblemReference: [ProblemScore.LinkedIncident]] {
        let rows = try await sql.select().column("linked_problem").column("partner_id").column("severity")
            .column("raised_at").from(IncidentRows.incidents).where("linked_problem", .isNot, SQLLiteral.null).all()
        var result: [ProblemReference: [ProblemScore.LinkedIncident]] = [:]
        for row in rows {
            guard let reference = ProblemReference(try row.decode(column: "linked_problem", as: String.self)) else {
                continue
            }
            result[reference, default: []].append(
                .init(
                    partnerID: .init(try row.decode(column: "partner_id", as: UUID.self)),
                    severity: try row.decode(column: "severity", as: Int?.self).flatMap(Severity.init),
                    raisedAt: try row.decode(column: "raised_at", as: Date.self)))
        }
        return result
    }

    /// Keeps the full-text index in step with a problem: on SQLite only published problems are in it (with
    /// the problem's number as rowid); on PostgreSQL every problem has its vector and the index is partial.
    private func index(_ problem: Problem) async throws {
        let indexed = ProblemSearch.indexed(problem)
        if isSQLite {
            let number = problem.reference.number
            try await sql.raw("DELETE FROM problems_fts WHERE rowid = \(bind: number)").run()
            guard problem.isPublished else { return }
            try await sql.raw(
                """
                INSERT INTO problems_fts (rowid, number, title, summary, workaround, error_codes) VALUES
                (\(bind: number), \(bind: number), \(bind: indexed.title), \(bind: indexed.summary),
                 \(bind: indexed.workaround), \(bind: indexed.errorCodes))
                """
            ).run()
        } else {
            try await sql.raw(
                """
                UPDATE problems SET search_vector =
                    setweight(to_tsvector('english', \(bind: indexed.title)), 'A')
                    || setweight(to_tsvector('english', \(bind: indexed.summary)), 'B')
                    || setweight(to_tsvector('english', \(bind: indexed.workaround)), 'C')
                    || setweight(to_tsvector('simple', \(bind: indexed.errorCodes)), 'A')
                WHERE id = \(bind: problem.id.rawValue)
                """
            ).run()
        }
    }

    private static func row(_ problem: Problem) throws -> [ColumnValue] {
        let codes = String(decoding: try JSONEncoder().encode(problem.errorCodes), as: UTF8.self)
        return [
            ("id", problem.id.rawValue), ("number", Int64(problem.reference.number)), ("title", problem.title),
            ("description", problem.description), ("root_cause", problem.rootCause), ("workaround", problem.workaround),
            ("status", problem.status.rawValue), ("severity", problem.severity.level),
            ("origin", problem.origin.rawValue),
            ("error_codes", codes), ("recorded_at", problem.recordedAt), ("recorded_by", problem.recordedBy),
            ("fix_release", problem.fixRelease), ("fix_released_at", problem.fixReleasedAt),
            ("public_summary", problem.publicSummary), ("public_summary_approved_by", problem.publicSummaryApprovedBy),
            ("is_published", problem.isPublished), ("merged_into", problem.mergedInto?.description),
            ("updated_at", problem.updatedAt), ("version", problem.version),
        ]
    }

    private static func problem(from row: any SQLRow) throws -> Problem {
        let id = try row.decode(column: "id", as: UUID.self)
        func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
        func optional(_ column: String) throws -> String? { try row.decode(column: column, as: String?.self) }
        guard let reference = ProblemReference(number: try row.decode(column: "number", as: Int.self)),
            let status = ProblemStatus(rawValue: try text("status")),
            let severity = Severity(try row.decode(column: "severity", as: Int.self)),
            let origin = ProblemOrigin(rawValue: try text("origin"))
        else { throw StoredDataError.unreadable(table: table, id: id) }
        var problem = Problem(
            id: .init(id), reference: reference, title: try text("title"), description: try text("description"),
            severity: severity, origin: origin,
            errorCodes: try JSONDecoder().decode([String].self, from: Data(try text("error_codes").utf8)),
            recordedAt: try row.decode(column: "recorded_at", as: Date.self), recordedBy: try text("recorded_by"))
        problem.rootCause = try optional("root_cause")
        problem.workaround = try optional("workaround")
        problem.status = status
        problem.fixRelease = try optional("fix_release")
        problem.fixReleasedAt = try row.decode(column: "fix_released_at", as: Date?.self)
        problem.publicSummary = try optional("public_summary")
        problem.publicSummaryApprovedBy = try optional("public_summary_approved_by")
        problem.isPublished = try row.decode(column: "is_published", as: Bool.self)
        problem.mergedInto = try optional("merged_into").flatMap(ProblemReference.init)
        problem.updatedAt = try row.decode(column: "updated_at", as: Date.self)
        problem.version = try row.decode(column: "version", as: Int.self)
        return problem
    }
}
