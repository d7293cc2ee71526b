import FluentKit
import Foundation
import PartnerDeskDomain
import SQLKit

/// Outbox e-mails keep their words as content blocks (``EmailContentJSON``) instead of a plain-text and an HTML
/// body: the mail adapter lays them out when it sends. Messages already queued keep their plain text, one
/// paragraph per blank-line-separated block; their HTML is not needed any more.
struct StoreEmailContent: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("outbox")
            .field("content", .string, .required, .sql(.default(SQLLiteral.string("[]")))).update()
        let sql = database.sql
        let rows = try await sql.select().column("id").column("text_body").from("outbox")
            .where("channel", .equal, "email").all()
        for row in rows {
            let text = try row.decode(column: "text_body", as: String.self)
            let paragraphs = text.components(separatedBy: "\n\n")
                .map { $0.trimmingCharacters(in: .newlines) }.filter { !$0.isEmpty }
            try await sql.update("outbox")
                .set("content", to: EmailContentJSON.encode(EmailContent(paragraphs.map { .paragraph($0) })))
                .where("id", .equal, try row.decode(column: "id", as: UUID.self)).run()
        }
        // SQLite drops one column per statement.
        for column: FieldKey in ["text_body", "html_body"] {
            try await database.schema("outbox").deleteField(column).update()
        }
    }

    /// Gives the bodies back for the version before: the words as plain text, and the same text preformatted as
    /// HTML (a layout of its own would belong to the mail adapter, which migrations do not use).
    func revert(on database: any Database) async throws {
        for column: FieldKey in ["text_body", "html_body"] {
            try await database.schema("outbox")
                .field(column, .string, .required, .sql(.default(SQLLiteral.string("")))).update()
        }
        let sql = database.sql
        let rows = try await sql.select().column("id").column("content").from("outbox").all()
        for row in rows {
            let content = EmailContentJSON.decode(try row.decode(column: "content", as: String.self)) ?? .none
            let text = content.strings.joined(separator: "\n\n")
            let escaped = text.replacingOccurrences(of: "&", with: "&amp;")
                .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            try await sql.update("outbox").set("text_body", to: text)
                .set("html_body", to: text.isEmpty ? "" : "<pre>\(escaped)</pre>")
                .where("id", .equal, try row.decode(column: "id", as: UUID.self)).run()
        }
        try await database.schema("outbox").deleteField("content").update()
    }
}
