import Foundation
import OpenAPIRuntime
import PartnerDeskDomain
import PartnerDeskServices

/// `/api/v1/hssis`: partners and the platform declare Higher Severity Service Incidents; the partner records
/// its own steps, assessments, status updates and answers to the intervention; the Service Bridge runs the
/// rest. Changes need `If-Match`, except answers to the intervention, which record a fact. The timeline
/// exports as JSON and CSV.
extension APIOperations {
    func listHSSIs(_ input: Operations.ListHSSIs.Input) async throws -> Operations.ListHSSIs.Output {
        let principal = try APIRequest.request.principal
        let views = try await services.hssis.list(as: principal)
        return .ok(.init(body: .json(try views.map { try Components.Schemas.HSSIRecord($0, for: principal) })))
    }

    func declareHSSI(_ input: Operations.DeclareHSSI.Input) async throws -> Operations.DeclareHSSI.Output {
        let declaration =
            switch input.body {
            case .json(let body): body
            }
        let hssi = try await created(
            key: input.headers.idempotencyKey, location: { "/api/v1/hssis/\($0.id)" },
            render: { [principal = try APIRequest.request.principal] in
                try Components.Schemas.HSSIRecord($0, for: principal)
            },
            create: { try await services.hssis.declare(declaration.draft, by: $0, idempotency: $1, render: $2) })
        return .created(
            .init(
                headers: .init(
                    location: hssi.location, idempotentReplayed: hssi.replayed, eTag: IfMatch.etag(hssi.body.version)),
                body: .json(hssi.body)))
    }

    func readHSSI(_ input: Operations.ReadHSSI.Input) async throws -> Operations.ReadHSSI.Output {
        let (etag, hssi) = try await answering {
            try await services.hssis.view(try HigherSeverityIncident.ID.inPath(input.path.hssiID), as: $0)
        }
        return .ok(.init(headers: .init(eTag: etag), body: .json(hssi)))
    }

    func takeHSSIStep(_ input: Operations.TakeHSSIStep.Input) async throws -> Operations.TakeHSSIStep.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let (etag, hssi) = try await answering {
            try await services.hssis.step(
                try HigherSeverityIncident.ID.inPath(input.path.hssiID), body.request,
                expectedVersion: try IfMatch.version(input.headers.ifMatch), by: $0)
        }
        return .ok(.init(headers: .init(eTag: etag), body: .json(hssi)))
    }

    func assessHSSI(_ input: Operations.AssessHSSI.Input) async throws -> Operations.AssessHSSI.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let (etag, hssi) = try await answering {
            try await services.hssis.assess(
                try HigherSeverityIncident.ID.inPath(input.path.hssiID), severity: body.severity,
                category: body.category, expectedVersion: try IfMatch.version(input.headers.ifMatch), by: $0)
        }
        return .ok(.init(headers: .init(eTag: etag), body: .json(hssi)))
    }

    func conveneIntervention(_ input: Operations.ConveneIntervention.Input) async throws
        -> Operations.ConveneIntervention.Output
    {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let (etag, hssi) = try await answering {
            try await services.hssis.convene(
                try HigherSeverityIncident.ID.inPath(input.path.hssiID), joiningDetails: body.joiningDetails,
                at: body.at, expectedVersion: try IfMatch.version(input.headers.ifMatch), by: $0)
        }
        return .ok(.init(headers: .init(eTag: etag), body: .json(hssi)))
    }

    func acknowledgeIntervention(_ input: Operations.AcknowledgeIntervention.Input) async throws
        -> Operations.AcknowledgeIntervention.Output
    {
        let partner: String? =
            switch input.body {
            case .json(let body)?: body.partner
            case nil: nil
            }
        let (etag, hssi) = try await answer(input.path.hssiID, joined: false, partner: partner)
        return .ok(.init(headers: .init(eTag: etag), body: .json(hssi)))
    }

    func joinIntervention(_ input: Operations.JoinIntervention.Input) async throws
        -> Operations.JoinIntervention.Output
    {
        let partner: String? =
            switch input.body {
            case .json(let body)?: body.partner
            case nil: nil
            }
        let (etag, hssi) = try await answer(input.path.hssiID, joined: true, partner: partner)
        return .ok(.init(headers: .init(eTag: etag), body: .json(hssi)))
    }

    /// A partner's answer to the invitation (or the Bridge's on its behalf).
    private func answer(_ id: String, joined: Bool, partner: String?) async throws
        -> (String, Components.Schemas.HSSIRecord)
    {
        try await answering {
            try await services.hssis.answerInvitation(
                try HigherSeverityIncident.ID.inPath(id), joined: joined, partner: partner, by: $0)
        }
    }

    func postHSSIUpdate(_ input: Operations.PostHSSIUpdate.Input) async throws -> Operations.PostHSSIUpdate.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let (etag, hssi) = try await answering {
            try await services.hssis.postUpdate(
                try HigherSeverityIncident.ID.inPath(input.path.hssiID), body.draft,
                expectedVersion: try IfMatch.version(input.headers.ifMatch), by: $0)
        }
        return .ok(.init(headers: .init(eTag: etag), body: .json(hssi)))
    }

    func communicateHSSI(_ input: Operations.CommunicateHSSI.Input) async throws -> Operations.CommunicateHSSI.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let (etag, hssi) = try await answering {
            try await services.hssis.communicate(
                try HigherSeverityIncident.ID.inPath(input.path.hssiID), message: body.message,
                expectedVersion: try IfMatch.version(input.headers.ifMatch), by: $0)
        }
        return .ok(.init(headers: .init(eTag: etag), body: .json(hssi)))
    }

    func hssiTimeline(_ input: Operations.HssiTimeline.Input) async throws -> Operations.HssiTimeline.Output {
        let entries = try await services.hssis.timeline(
            try HigherSeverityIncident.ID.inPath(input.path.hssiID), as: try APIRequest.request.principal)
        return .ok(
            .init(
                body: .json(
                    entries.map {
                        .init(
                            at: $0.at, kind: $0.kind.name, actor: $0.actor, text: $0.text,
                            partnerID: $0.partnerID?.description)
                    })))
    }

    func hssiTimelineCSV(_ input: Operations.HssiTimelineCSV.Input) async throws -> Operations.HssiTimelineCSV.Output {
        let id = try HigherSeverityIncident.ID.inPath(input.path.hssiID)
        let entries = try await services.hssis.timeline(id, as: try APIRequest.request.principal)
        return .ok(
            .init(
                headers: .init(contentDisposition: "attachment; filename=\"hssi-timeline-\(id).csv\""),
                body: .textCsvCharsetUtf8(HTTPBody(HSSITimelineEntry.csv(entries)))))
    }

    /// Runs a use case as the caller and answers the HSSI it returns, as that caller sees it, with its ETag.
    private func answering(_ useCase: (Principal) async throws -> HSSIView) async throws
        -> (String, Components.Schemas.HSSIRecord)
    {
        let principal = try APIRequest.request.principal
        let view = try await useCase(principal)
        return (IfMatch.etag(view.hssi.version), try .init(view, for: principal))
    }

}

/// A partner's or the platform's assessment, read as sent so that the service names a wrong value;
/// `HSSIAssessmentRequest`.
struct AssessmentBody: Codable, Hashable, Sendable {
    var severity: Int?
    var category: String?
}

/// The Bridge convening the intervention, with the time as sent (the service reads it); `HSSIConvening`.
struct ConveningBody: Codable, Hashable, Sendable {
    var joiningDetails: String
    var at: String?
}

/// A step as sent, the document's `HSSIStepRequest`; the service checks it.
struct HSSIStepBody: Codable, Hashable, Sendable {
    var step: String
    var at: String?
    var note: String?
    var severity: Int?
    var category: String?

    var request: HSSIStepRequest {
        HSSIStepRequest(step: step, at: at, note: note, severity: severity, category: category)
    }
}

/// A status update as sent, the document's `HSSIStatusUpdateDraft`; the Domain's draft checks it.
struct HSSIStatusUpdateBody: Codable, Hashable, Sendable {
    var currentImpact: String?
    var usersAffected: String?
    var actionsTaken: String?
    var nextUpdateDue: String?

    var draft: HSSIStatusUpdateDraft {
        HSSIStatusUpdateDraft(
            currentImpact: currentImpact, usersAffected: usersAffected, actionsTaken: actionsTaken,
            nextUpdateDue: nextUpdateDue)
    }
}

/// A declaration as sent, the document's `HSSIDeclaration`; the Domain's draft checks it.
struct HSSIDeclarationBody: Codable, Hashable, Sendable {
    var partner: String?
    var affectedPartners: [String]?
    var incident: String?
    var title: String?
    var description: String?
    var occurredAt: String?
    var identifiedAt: String?
    var severity: Int?
    var category: String?

    var draft: HSSIDeclarationDraft {
        HSSIDeclarationDraft(
            partner: partner, affectedPartners: affectedPartners, incident: incident, title: title,
            description: description, occurredAt: occurredAt, identifiedAt: identifiedAt, severity: severity,
            category: category)
    }
}
