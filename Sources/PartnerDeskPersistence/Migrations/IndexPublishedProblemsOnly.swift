import FluentKit
import SQLKit

/// The known-problem search only ever looks at published problems, so its index holds only them: on SQLite
/// the FTS5 table keeps one row per published problem with the problem's number as its rowid (newest
/// first is then the index's own order); on PostgreSQL the GIN index becomes a partial index over
/// published problems.
struct IndexPublishedProblemsOnly: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        if sql.dialect.name == "sqlite" {
            try await sql.raw("DELETE FROM problems_fts").run()
            try await sql.raw(
                """
                INSERT INTO problems_fts (rowid, number, title, summary, workaround, error_codes)
                SELECT p.number, p.number, p.title, coalesce(p.public_summary, ''), coalesce(p.workaround, ''),
                    coalesce((SELECT group_concat(value, ' ') FROM json_each(p.error_codes)), '')
                FROM problems p WHERE p.is_published
                """
            ).run()
        } else {
            try await sql.raw("DROP INDEX problems_search").run()
            try await sql.raw(
                "CREATE INDEX problems_published_search ON problems USING GIN (search_vector) WHERE is_published"
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        if sql.dialect.name == "sqlite" {
            try await sql.raw("DELETE FROM problems_fts").run()
            try await sql.raw(
                """
                INSERT INTO problems_fts (number, title, summary, workaround, error_codes)
                SELECT p.number, p.title, coalesce(p.public_summary, ''), coalesce(p.workaround, ''),
                    coalesce((SELECT group_concat(value, ' ') FROM json_each(p.error_codes)), '')
                FROM problems p
                """
            ).run()
        } else {
            try await sql.raw("DROP INDEX problems_published_search").run()
            try await sql.raw("CREATE INDEX problems_search ON problems USING GIN (search_vector)").run()
        }
    }
}
