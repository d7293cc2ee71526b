import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// Sprints, releases, integration notices and assurance levels in memory.
struct InMemoryReleaseRepository: ReleaseRepository {
    let box: StateBox

    func create(_ sprint: Sprint) async throws {
        try box.write { state in
            guard !state.sprints.values.contains(where: { $0.number == sprint.number }) else {
                throw RepositoryError.conflict("Sprint \(sprint.number) already exists.")
            }
            state.sprints[sprint.id] = sprint
        }
    }

    func update(_ sprint: Sprint, expectedVersion: Int) async throws {
        try box.write { state in
            guard state.sprints[sprint.id]?.version == expectedVersion else { throw RepositoryError.staleVersion }
            state.sprints[sprint.id] = sprint
        }
    }

    func find(sprintID: Sprint.ID) async throws -> Sprint? { box.read().sprints[sprintID] }

    func find(sprintNumber: Int) async throws -> Sprint? {
        box.read().sprints.values.first { $0.number == sprintNumber }
    }

    func sprints() async throws -> [Sprint] { box.read().sprints.values.sorted { $0.number > $1.number } }

    func create(_ release: Release) async throws {
        try box.write { state in
            guard !state.releases.values.contains(where: { $0.name == release.name }) else {
                throw RepositoryError.conflict("Release \(release.name) already exists.")
            }
            state.releases[release.id] = release
        }
    }

    func update(_ release: Release, expectedVersion: Int) async throws {
        try box.write { state in
            guard state.releases[release.id]?.version == expectedVersion else { throw RepositoryError.staleVersion }
            guard !state.releases.values.contains(where: { $0.name == release.name && $0.id != release.id }) else {
                throw RepositoryError.conflict("Release \(release.name) already exists.")
            }
            state.releases[release.id] = release
        }
    }

    func find(releaseID: Release.ID) async throws -> Release? { box.read().releases[releaseID] }

    func find(releaseName: String) async throws -> Release? {
        box.read().releases.values.first { $0.name == releaseName }
    }

    func releases() async throws -> [Release] {
        box.read().releases.values.sorted { ($0.plannedAt, $0.name) > ($1.plannedAt, $1.name) }
    }

    func nextNoticeNumber() async throws -> Int {
        var number = 0
        try box.write {
            $0.noticeSequence += 1
            number = $0.noticeSequence
        }
        return number
    }

    func create(_ notice: IntegrationNotice) async throws {
        try box.write { state in
            guard !state.notices.values.contains(where: { $0.number == notice.number }) else {
                throw RepositoryError.conflict("A notice with this number already exists.")
            }
            state.notices[notice.id] = notice
        }
    }

    func update(_ notice: IntegrationNotice, expectedVersion: Int) async throws {
        try box.write { state in
            guard state.notices[notice.id]?.version == expectedVersion else { throw RepositoryError.staleVersion }
            state.notices[notice.id] = notice
        }
    }

    func find(noticeID: IntegrationNotice.ID) async throws -> IntegrationNotice? { box.read().notices[noticeID] }

    func notices() async throws -> [IntegrationNotice] { box.read().notices.values.sorted { $0.number > $1.number } }

    func approvalLevels() async throws -> [ApprovalLevel] { box.read().approvalLevels }

    func replaceApprovalLevels(_ levels: [ApprovalLevel]) async throws {
        try box.write { $0.approvalLevels = levels }
    }
}
