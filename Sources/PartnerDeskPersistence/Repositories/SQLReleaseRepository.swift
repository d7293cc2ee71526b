import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import SQLKit

/// Sprints, releases, integration notices and assurance levels in SQL: each record a JSON document (read and
/// written whole, under its version) beside the columns that order, find and keep it unique.
struct SQLReleaseRepository: ReleaseRepository {
    let sql: any SQLDatabase

    private var store: SQLDocuments { SQLDocuments(sql: sql) }

    func create(_ sprint: Sprint) async throws {
        try await translatingConstraintFailures("Sprint \(sprint.number) already exists.") {
            try await sql.insert(into: "sprints", row: try Self.row(sprint))
        }
    }

    func update(_ sprint: Sprint, expectedVersion: Int) async throws {
        try await translatingConstraintFailures("Sprint \(sprint.number) already exists.") {
            try await store.replace(
                "sprints", id: sprint.id.rawValue, row: try Self.row(sprint), expectedVersion: expectedVersion)
        }
    }

    func find(sprintID: Sprint.ID) async throws -> Sprint? {
        try await store.document("sprints", where: "id", sprintID.rawValue)
    }

    func find(sprintNumber: Int) async throws -> Sprint? {
        try await store.document("sprints", where: "number", Int64(sprintNumber))
    }

    func sprints() async throws -> [Sprint] {
        try await store.documents(sql.select().column("document").from("sprints").orderBy("number", .descending))
    }

    func create(_ release: Release) async throws {
        try await translatingConstraintFailures("Release \(release.name) already exists.") {
            try await sql.insert(into: "releases", row: try Self.row(release))
        }
    }

    func update(_ release: Release, expectedVersion: Int) async throws {
        try await translatingConstraintFailures("Release \(release.name) already exists.") {
            try await store.replace(
                "releases", id: release.id.rawValue, row: try Self.row(release), expectedVersion: expectedVersion)
        }
    }

    func find(releaseID: Release.ID) async throws -> Release? {
        try await store.document("releases", where: "id", releaseID.rawValue)
    }

    func find(releaseName: String) async throws -> Release? {
        try await store.document("releases", where: "name", releaseName)
    }

    func releases() async throws -> [Release] {
        try await store.documents(
            sql.select().column("document").from("releases").orderBy("planned_at", .descending)
                .orderBy("name", .descending))
    }

    func nextNoticeNumber() async throws -> Int { try await store.next("integration_notice") }

    func create(_ notice: IntegrationNotice) async throws {
        try await translatingConstraintFailures("A notice with this number already exists.") {
            try await sql.insert(into: "integration_notices", row: try Self.row(notice))
        }
    }

    func update(_ notice: IntegrationNotice, expectedVersion: Int) async throws {
        try await store.replace(
            "integration_notices", id: notice.id.rawValue, row: try Self.row(notice), expectedVersion: expectedVersion)
    }

    func find(noticeID: IntegrationNotice.ID) async throws -> IntegrationNotice? {
        try await store.document("integration_notices", where: "id", noticeID.rawValue)
    }

    func notices() async throws -> [IntegrationNotice] {
        try await store.documents(
            sql.select().column("document").from("integration_notices").orderBy("number", .descending))
    }

    func approvalLevels() async throws -> [ApprovalLevel] {
        try await store.documents(sql.select().column("document").from("approval_levels").orderBy("position"))
    }

    func replaceApprovalLevels(_ levels: [ApprovalLevel]) async throws {
        try await sql.delete(from: "approval_levels").run()
        for (position, level) in levels.enumerated() {
            try await sql.insert(
                into: "approval_levels",
                row: [("code", level.code), ("position", position), ("document", try SQLDocuments.json(level))])
        }
    }

    private static func row(_ sprint: Sprint) throws -> [ColumnValue] {
        [
            ("id", sprint.id.rawValue), ("number", Int64(sprint.number)), ("starts_on", sprint.startsOn.description),
            ("document", try SQLDocuments.json(sprint)), ("version", sprint.version),
            ("updated_at", sprint.updatedAt.timeIntervalSince1970),
        ]
    }

    private static func row(_ release: Release) throws -> [ColumnValue] {
        [
            ("id", release.id.rawValue), ("name", release.name),
            ("planned_at", release.plannedAt.timeIntervalSince1970), ("status", release.status.rawValue),
            ("document", try SQLDocuments.json(release)), ("version", release.version),
            ("updated_at", release.updatedAt.timeIntervalSince1970),
        ]
    }

    private static func row(_ notice: IntegrationNotice) throws -> [ColumnValue] {
        [
            ("id", notice.id.rawValue), ("number", Int64(notice.number)), ("document", try SQLDocuments.json(notice)),
            ("version", notice.version), ("updated_at", notice.updatedAt.timeIntervalSince1970),
        ]
    }
}
