import Foundation
import PartnerDeskDomain

/// Stores sprints (with their features), releases, integration-environment notices and the assurance levels.
/// Updates replace a record when its stored version is still `expectedVersion`, and otherwise throw
/// ``RepositoryError/staleVersion``; a second sprint with the same number, or release with the same name,
/// throws ``RepositoryError/conflict(_:)``.
public protocol ReleaseRepository: Sendable {
    func create(_ sprint: Sprint) async throws
    func update(_ sprint: Sprint, expectedVersion: Int) async throws
    func find(sprintID: Sprint.ID) async throws -> Sprint?
    func find(sprintNumber: Int) async throws -> Sprint?
    /// Every sprint, the highest number first.
    func sprints() async throws -> [Sprint]

    func create(_ release: Release) async throws
    func update(_ release: Release, expectedVersion: Int) async throws
    func find(releaseID: Release.ID) async throws -> Release?
    func find(releaseName: String) async throws -> Release?
    /// Every release, the latest planned first.
    func releases() async throws -> [Release]

    /// The next notice number, never handed out twice.
    func nextNoticeNumber() async throws -> Int
    func create(_ notice: IntegrationNotice) async throws
    func update(_ notice: IntegrationNotice, expectedVersion: Int) async throws
    func find(noticeID: IntegrationNotice.ID) async throws -> IntegrationNotice?
    /// Every notice, the newest first.
    func notices() async throws -> [IntegrationNotice]

    /// The stored assurance levels in their order; empty until someone first changes the defaults.
    func approvalLevels() async throws -> [ApprovalLevel]
    /// Replaces every level, in this order.
    func replaceApprovalLevels(_ levels: [ApprovalLevel]) async throws
}
