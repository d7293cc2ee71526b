import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import SQLKit

/// Sprints, releases, integration notices and assurance levels in SQL: each record a JSON document (read and
/// written whole, under its version) beside the columns that order, find and keep it unique.
struct SQLReleaseRepository: ReleaseRepository {
    let sql: any SQLDatabase

    private static let encoder = JSONEncoder()

    func create(_ sprint: Sprint) async throws {
        try await translatingConstraintFailures("Sprint \(sprint.number) already exists.") {
            try await sql.insert(into: "sprints", row: try Self.row(sprint))
        }
    }

    func update(_ sprint: Sprint, expectedVersion: Int) async throws {
        try await translatingConstraintFailures("Sprint \(sprint.number) already exists.") {
            try await replace(
                "sprints", id: sprint.id.rawValue, row: try Self.row(sprint), expectedVersion: expectedVersion)
        }
    }

    func find(sprintID: Sprint.ID) async throws -> Sprint? {
        try await document("sprints", where: "id", sprintID.rawValue)
    }

    func find(sprintNumber: Int) async throws -> Sprint? {
        try await document("sprints", where: "number", Int64(sprintNumber))
    }

    func sprints() async throws -> [Sprint] {
        try await documents(sql.select().column("document").from("sprints").orderBy("number", .descending))
    }

    func create(_ release: Release) async throws {
        try await translatingConstraintFailures("Release \(release.name) already exists.") {
            try await sql.insert(into: "releases", row: try Self.row(release))
        }
    }

    func update(_ release: Release, expectedVersion: Int) async throws {
        try await translatingConstraintFailures("Release \(release.name) already exists.") {
            try await replace(
                "releases", id: release.id.rawValue, row: try Self.row(release), expectedVersion: expectedVersion)
        }
    }

    func find(releaseID: Release.ID) async throws -> Release? {
        try await document("releases", where: "id", releaseID.rawValue)
    }

    func find(releaseName: String) async throws -> Release? {
        try await document("releases", where: "name", releaseName)
    }

    func releases() async throws -> [Release] {
        try await documents(
            sql.select().column("document").from("releases").orderBy("planned_at", .descending)
                .orderBy("name", .descending))
    }

    func nextNoticeNumber() async throws -> Int {
        let row = try await sql.raw(
            "UPDATE sequences SET value = value + 1 WHERE name = 'integration_notice' RETURNING value"
        ).first()
        guard let value = try row?.decode(column: "value", as: Int.self) else {
            throw StoredDataError.unreadable(table: "sequences", id: nil)
        }
        return value
    }

    func create(_ notice: IntegrationNotice) async throws {
        try await translatingConstraintFailures("A notice with this number already exists.") {
            try await sql.insert(into: "integration_notices", row: try Self.row(notice))
        }
    }

    func update(_ notice: IntegrationNotice, expectedVersion: Int) async throws {
        try await replace(
            "integration_notices", id: notice.id.rawValue, row: try Self.row(notice), expectedVersion: expectedVersion)
    }

    func find(noticeID: IntegrationNotice.ID) async throws -> IntegrationNotice? {
        try await document("integration_notices", where: "id", noticeID.rawValue)
    }

    func notices() async throws -> [IntegrationNotice] {
        try await documents(
            sql.select().column("document").from("integration_notices").orderBy("number", .descending))
    }

    func approvalLevels() async throws -> [ApprovalLevel] {
        try await documents(sql.select().column("document").from("approval_levels").orderBy("position"))
    }

    func replaceApprovalLevels(_ levels: [ApprovalLevel]) async throws {
        try await sql.delete(from: "approval_levels").run()
        for (position, level) in levels.enumerated() {
            try await sql.insert(
                into: "approval_levels",
                row: [("code", level.code), ("position", position), ("document", try Self.json(level))])
        }
    }

    /// Writes every column but the id where the row still has `expectedVersion`.
    private func replace(_ table: String, id: UUID, row: [ColumnValue], expectedVersion: Int) async throws {
        var update = sql.update(table)
        for (column, value) in row.dropFirst() { update = update.set(quotedColumn(column), to: SQLBind(value)) }
        let claimed = try await update.where("id", .equal, id).where("version", .equal, expectedVersion)
            .returning("id").all()
        guard !claimed.isEmpty else { throw RepositoryError.staleVersion }
    }

    private func document<Record: Decodable>(_ table: String, where column: String, _ value: any Encodable & Sendable)
        async throws -> Record?
    {
        let found: [Record] = try await documents(
            sql.select().column("document").from(table).where(column, .equal, value))
        return found.first
    }

    private func documents<Record: Decodable>(_ query: SQLSelectBuilder) async throws -> [Record] {
        try await query.all().map { row in
            let document = try row.decode(column: "document", as: String.self)
            do {
                return try JSONDecoder().decode(Record.self, from: Data(document.utf8))
            } catch {
                throw StoredDataError.unreadable(table: "\(Record.self)", id: nil)
            }
        }
    }

    private static func json(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private static func row(_ sprint: Sprint) throws -> [ColumnValue] {
        [
            ("id", sprint.id.rawValue), ("number", Int64(sprint.number)), ("starts_on", sprint.startsOn.description),
            ("document", try json(sprint)), ("version", sprint.version),
            ("updated_at", sprint.updatedAt.timeIntervalSince1970),
        ]
    }

    private static func row(_ release: Release) throws -> [ColumnValue] {
        [
            ("id", release.id.rawValue), ("name", release.name),
            ("planned_at", release.plannedAt.timeIntervalSince1970), ("status", release.status.rawValue),
            ("document", try json(release)), ("version", release.version),
            ("updated_at", release.updatedAt.timeIntervalSince1970),
        ]
    }

    private static func row(_ notice: IntegrationNotice) throws -> [ColumnValue] {
        [
            ("id", notice.id.rawValue), ("number", Int64(notice.number)), ("document", try json(notice)),
            ("version", notice.version), ("updated_at", notice.updatedAt.timeIntervalSince1970),
        ]
    }
}
