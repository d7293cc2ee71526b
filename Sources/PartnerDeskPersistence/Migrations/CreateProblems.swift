import FluentKit
import SQLKit

/// Problem records, their reference sequence and their full-text index: an FTS5 table on SQLite, a
/// `tsvector` column with a GIN index on PostgreSQL (both stem English words, so "uploads" finds "upload").
struct CreateProblems: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw("INSERT INTO sequences (name, value) VALUES ('problem', 0)").run()
        try await database.schema("problems")
            .id()
            .field("number", .int64, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("root_cause", .string)
            .field("workaround", .string)
            .field("status", .string, .required)
            .field("severity", .int, .required)
            .field("origin", .string, .required)
            .field("error_codes", .string, .required)
            .field("recorded_at", .datetime, .required)
            .field("recorded_by", .string, .required)
            .field("fix_release", .string)
            .field("fix_released_at", .datetime)
            .field("public_summary", .string)
            .field("public_summary_approved_by", .string)
            .field("is_published", .bool, .required)
            .field("merged_into", .string)
            .field("updated_at", .datetime, .required)
            .field("version", .int, .required)
            .unique(on: "number")
            .create()
        if sql.dialect.name == "sqlite" {
            try await sql.raw(
                """
                CREATE VIRTUAL TABLE problems_fts USING fts5(
                    number UNINDEXED, title, summary, workaround, error_codes, tokenize = 'porter unicode61')
                """
            ).run()
        } else {
            try await sql.raw("ALTER TABLE problems ADD COLUMN search_vector tsvector").run()
            try await sql.raw("CREATE INDEX problems_search ON problems USING GIN (search_vector)").run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        if sql.dialect.name == "sqlite" { try await sql.raw("DROP TABLE problems_fts").run() }
        try await database.schema("problems").delete()
        try await sql.raw("DELETE FROM sequences WHERE name = 'problem'").run()
    }
}
