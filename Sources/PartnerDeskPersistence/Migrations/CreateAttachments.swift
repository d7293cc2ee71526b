import FluentKit
import SQLKit

/// Screenshot records, and the cleaned bytes they point to, stored once per content hash.
struct CreateAttachments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("blobs")
            .field("content_hash", .string, .identifier(auto: false))
            .field("bytes", .data, .required)
            .field("byte_count", .int, .required)
            .create()
        try await database.schema("attachments")
            .id()
            .field("incident_id", .uuid, .required, .references("incidents", "id", onDelete: .cascade))
            .field("file_name", .string, .required)
            .field("format", .string, .required)
            .field("byte_count", .int, .required)
            .field("width", .int, .required)
            .field("height", .int, .required)
            .field("content_hash", .string, .required, .references("blobs", "content_hash", onDelete: .restrict))
            .field("removed_metadata", .string, .required)
            .field("uploaded_at", .datetime, .required)
            .field("uploaded_by", .string, .required)
            .field("confirmed_no_patient_data", .bool, .required)
            .create()
        try await database.sql.create(index: "attachments_incident").on("attachments")
            .column("incident_id").column("uploaded_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("attachments").delete()
        try await database.schema("blobs").delete()
    }
}
