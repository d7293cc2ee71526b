import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// `/api/v1/sprints`, `/api/v1/releases` and `/api/v1/approval-levels`: release managers plan sprints (and
/// send their digests) and releases (and publish their notes, re-plan, release and roll back); assurance
/// approvers approve or hold releases; administrators name who decides for each level.
extension APIOperations {
    func listSprints(_ input: Operations.ListSprints.Input) async throws -> Operations.ListSprints.Output {
        let views = try await services.releases.sprints(as: try APIRequest.request.principal)
        let (codes, levels) = try await names()
        return .ok(.init(body: .json(try views.map { try .init($0, codes: codes, levels: levels) })))
    }

    func planSprint(_ input: Operations.PlanSprint.Input) async throws -> Operations.PlanSprint.Output {
        let draft =
            switch input.body {
            case .json(let body): body.draft
            }
        let (codes, levels) = try await names()
        let sprint = try await created(
            key: input.headers.idempotencyKey, location: { "/api/v1/sprints/\($0.id)" },
            render: { try Components.Schemas.Sprint($0, codes: codes, levels: levels) },
            create: { try await services.releases.planSprint(draft, by: $0, idempotency: $1, render: $2) })
        return .created(
            .init(
                headers: .init(
                    location: sprint.location, idempotentReplayed: sprint.replayed,
                    eTag: IfMatch.etag(sprint.body.version)),
                body: .json(sprint.body)))
    }

    func getSprint(_ input: Operations.GetSprint.Input) async throws -> Operations.GetSprint.Output {
        let view = try await services.releases.sprint(
            try Sprint.ID.inPath(input.path.sprintID), as: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(view.sprint.version)), body: .json(try await sprint(view))))
    }

    func reviseSprint(_ input: Operations.ReviseSprint.Input) async throws -> Operations.ReviseSprint.Output {
        let draft =
            switch input.body {
            case .json(let body): body.draft
            }
        let view = try await services.releases.reviseSprint(
            try Sprint.ID.inPath(input.path.sprintID), draft,
            expectedVersion: try IfMatch.version(input.headers.ifMatch),
            by: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(view.sprint.version)), body: .json(try await sprint(view))))
    }

    func previewSprintDigest(_ input: Operations.PreviewSprintDigest.Input) async throws
        -> Operations.PreviewSprintDigest.Output
    {
        let notice = try await services.releases.digestPreview(
            try Sprint.ID.inPath(input.path.sprintID), as: try APIRequest.request.principal)
        return .ok(.init(body: .json(.init(notice))))
    }

    func sendSprintDigest(_ input: Operations.SendSprintDigest.Input) async throws -> Operations.SendSprintDigest.Output
    {
        let view = try await services.releases.sendDigest(
            try Sprint.ID.inPath(input.path.sprintID), expectedVersion: try IfMatch.version(input.headers.ifMatch),
            by: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(view.sprint.version)), body: .json(try await sprint(view))))
    }

    func decideSprintDigest(_ input: Operations.DecideSprintDigest.Input) async throws
        -> Operations.DecideSprintDigest.Output
    {
        let draft =
            switch input.body {
            case .json(let body): body.draft
            }
        let view = try await services.releases.decideOnDigest(
            try Sprint.ID.inPath(input.path.sprintID), draft,
            expectedVersion: try IfMatch.version(input.headers.ifMatch), by: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(view.sprint.version)), body: .json(try await sprint(view))))
    }

    func listReleases(_ input: Operations.ListReleases.Input) async throws -> Operations.ListReleases.Output {
        let views = try await services.releases.releases(as: try APIRequest.request.principal)
        let codes = try await services.releases.partnerCodesByID()
        return .ok(.init(body: .json(try views.map { try .init($0, codes: codes) })))
    }

    func planRelease(_ input: Operations.PlanRelease.Input) async throws -> Operations.PlanRelease.Output {
        let draft =
            switch input.body {
            case .json(let body): body.draft
            }
        let codes = try await services.releases.partnerCodesByID()
        let release = try await created(
            key: input.headers.idempotencyKey, location: { "/api/v1/releases/\($0.id)" },
            render: { try Components.Schemas.Release($0, codes: codes) },
            create: { try await services.releases.planRelease(draft, by: $0, idempotency: $1, render: $2) })
        return .created(
            .init(
                headers: .init(
                    location: release.location, idempotentReplayed: release.replayed,
                    eTag: IfMatch.etag(release.body.version)),
                body: .json(release.body)))
    }

    func getRelease(_ input: Operations.GetRelease.Input) async throws -> Operations.GetRelease.Output {
        let view = try await services.releases.release(
            try Release.ID.inPath(input.path.releaseID), as: try APIRequest.request.principal)
        return .ok(
            .init(headers: .init(eTag: IfMatch.etag(view.release.version)), body: .json(try await release(view))))
    }

    func reviseRelease(_ input: Operations.ReviseRelease.Input) async throws -> Operations.ReviseRelease.Output {
        let draft =
            switch input.body {
            case .json(let body): body.draft
            }
        let view = try await services.releases.reviseRelease(
            try Release.ID.inPath(input.path.releaseID), draft,
            expectedVersion: try IfMatch.version(input.headers.ifMatch), by: try APIRequest.request.principal)
        return .ok(
            .init(headers: .init(eTag: IfMatch.etag(view.release.version)), body: .json(try await release(view))))
    }

    func publishReleaseNotes(_ input: Operations.PublishReleaseNotes.Input) async throws
        -> Operations.PublishReleaseNotes.Output
    {
        let view = try await services.releases.publishNotes(
            try Release.ID.inPath(input.path.releaseID), expectedVersion: try IfMatch.version(input.headers.ifMatch),
            by: try APIRequest.request.principal)
        return .ok(
            .init(headers: .init(eTag: IfMatch.etag(view.release.version)), body: .json(try await release(view))))
    }

    func decideRelease(_ input: Operations.DecideRelease.Input) async throws -> Operations.DecideRelease.Output {
        let draft =
            switch input.body {
            case .json(let body): body.draft
            }
        let view = try await services.releases.decide(
            try Release.ID.inPath(input.path.releaseID), draft,
            expectedVersion: try IfMatch.version(input.headers.ifMatch), by: try APIRequest.request.principal)
        return .ok(
            .init(headers: .init(eTag: IfMatch.etag(view.release.version)), body: .json(try await release(view))))
    }

    func replanRelease(_ input: Operations.ReplanRelease.Input) async throws -> Operations.ReplanRelease.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let view = try await services.releases.replan(
            try Release.ID.inPath(input.path.releaseID), to: body.plannedAt ?? "", reason: body.reason,
            expectedVersion: try IfMatch.version(input.headers.ifMatch), by: try APIRequest.request.principal)
        return .ok(
            .init(headers: .init(eTag: IfMatch.etag(view.release.version)), body: .json(try await release(view))))
    }

    func markReleased(_ input: Operations.MarkReleased.Input) async throws -> Operations.MarkReleased.Output {
        let view = try await services.releases.markReleased(
            try Release.ID.inPath(input.path.releaseID), expectedVersion: try IfMatch.version(input.headers.ifMatch),
            by: try APIRequest.request.principal)
        return .ok(
            .init(headers: .init(eTag: IfMatch.etag(view.release.version)), body: .json(try await release(view))))
    }

    func rollBackRelease(_ input: Operations.RollBackRelease.Input) async throws -> Operations.RollBackRelease.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let view = try await services.releases.rollBack(
            try Release.ID.inPath(input.path.releaseID), reason: body.reason ?? "",
            expectedVersion: try IfMatch.version(input.headers.ifMatch), by: try APIRequest.request.principal)
        return .ok(
            .init(headers: .init(eTag: IfMatch.etag(view.release.version)), body: .json(try await release(view))))
    }

    func listApprovalLevels(_ input: Operations.ListApprovalLevels.Input) async throws
        -> Operations.ListApprovalLevels.Output
    {
        let levels = try await services.releases.approvalLevels(as: try APIRequest.request.principal)
        return .ok(.init(body: .json(levels.map(Components.Schemas.ApprovalLevel.init))))
    }

    func setLevelApprovers(_ input: Operations.SetLevelApprovers.Input) async throws
        -> Operations.SetLevelApprovers.Output
    {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let levels = try await services.releases.setApprovers(
            of: input.path.code, to: body.approvers, by: try APIRequest.request.principal)
        return .ok(.init(body: .json(levels.map(Components.Schemas.ApprovalLevel.init))))
    }

    private func sprint(_ view: SprintView) async throws -> Components.Schemas.Sprint {
        let (codes, levels) = try await names()
        return try .init(view, codes: codes, levels: levels)
    }

    private func release(_ view: ReleaseView) async throws -> Components.Schemas.Release {
        try .init(view, codes: try await services.releases.partnerCodesByID())
    }
}
