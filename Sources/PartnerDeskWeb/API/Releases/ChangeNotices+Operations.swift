import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// `/api/v1/change-notices` and `/api/v1/change-approvals`: release managers write and send
/// integration-environment notices; partners read those sent to them, acknowledge and sign them off, and
/// approve the major changes that affect them.
extension APIOperations {
    func listChangeNotices(_ input: Operations.ListChangeNotices.Input) async throws
        -> Operations.ListChangeNotices.Output
    {
        let notices = try await services.releases.notices(as: try APIRequest.request.principal)
        let (codes, levels) = try await names()
        return .ok(.init(body: .json(try notices.map { try .init($0, codes: codes, levels: levels) })))
    }

    func createChangeNotice(_ input: Operations.CreateChangeNotice.Input) async throws
        -> Operations.CreateChangeNotice.Output
    {
        let draft =
            switch input.body {
            case .json(let body): body.draft
            }
        let (codes, levels) = try await names()
        let notice = try await created(
            key: input.headers.idempotencyKey, location: { "/api/v1/change-notices/\($0.id)" },
            render: { try Components.Schemas.IntegrationNotice($0, codes: codes, levels: levels) },
            create: { try await services.releases.createNotice(draft, by: $0, idempotency: $1, render: $2) })
        return .created(
            .init(
                headers: .init(
                    location: notice.location, idempotentReplayed: notice.replayed,
                    eTag: IfMatch.etag(notice.body.version)),
                body: .json(notice.body)))
    }

    func getChangeNotice(_ input: Operations.GetChangeNotice.Input) async throws -> Operations.GetChangeNotice.Output {
        let notice = try await services.releases.notice(
            try IntegrationNotice.ID.inPath(input.path.noticeID), as: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(notice.version)), body: .json(try await answer(notice))))
    }

    func sendChangeNotice(_ input: Operations.SendChangeNotice.Input) async throws -> Operations.SendChangeNotice.Output
    {
        let notice = try await services.releases.sendNotice(
            try IntegrationNotice.ID.inPath(input.path.noticeID),
            expectedVersion: try IfMatch.version(input.headers.ifMatch), by: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(notice.version)), body: .json(try await answer(notice))))
    }

    func decideChangeNotice(_ input: Operations.DecideChangeNotice.Input) async throws
        -> Operations.DecideChangeNotice.Output
    {
        let draft =
            switch input.body {
            case .json(let body): body.draft
            }
        let notice = try await services.releases.decideOnNotice(
            try IntegrationNotice.ID.inPath(input.path.noticeID), draft,
            expectedVersion: try IfMatch.version(input.headers.ifMatch), by: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(notice.version)), body: .json(try await answer(notice))))
    }

    func respondToChangeNotice(_ input: Operations.RespondToChangeNotice.Input) async throws
        -> Operations.RespondToChangeNotice.Output
    {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let notice = try await services.releases.respond(
            to: try IntegrationNotice.ID.inPath(input.path.noticeID), signOff: body.signOff ?? false, note: body.note,
            by: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(notice.version)), body: .json(try await answer(notice))))
    }

    func listChangeApprovals(_ input: Operations.ListChangeApprovals.Input) async throws
        -> Operations.ListChangeApprovals.Output
    {
        let views = try await services.releases.approvalsAsked(of: try APIRequest.request.principal)
        let codes = try await services.releases.partnerCodesByID()
        return .ok(.init(body: .json(try views.map { try .init($0, codes: codes) })))
    }

    func decideChangeAsPartner(_ input: Operations.DecideChangeAsPartner.Input) async throws
        -> Operations.DecideChangeAsPartner.Output
    {
        let draft =
            switch input.body {
            case .json(let body): body.draft
            }
        let view = try await services.releases.decideAsPartner(
            try Release.ID.inPath(input.path.releaseID), draft,
            expectedVersion: try IfMatch.version(input.headers.ifMatch), by: try APIRequest.request.principal)
        let codes = try await services.releases.partnerCodesByID()
        return .ok(
            .init(headers: .init(eTag: IfMatch.etag(view.release.version)), body: .json(try .init(view, codes: codes))))
    }

    private func answer(_ notice: IntegrationNotice) async throws -> Components.Schemas.IntegrationNotice {
        let (codes, levels) = try await names()
        return try .init(notice, codes: codes, levels: levels)
    }

    /// Partners' codes and assurance levels' names, for answers that name them.
    func names() async throws -> (codes: [Partner.ID: String], levels: [String: String]) {
        (try await services.releases.partnerCodesByID(), try await services.releases.levelNamesByCode())
    }
}
