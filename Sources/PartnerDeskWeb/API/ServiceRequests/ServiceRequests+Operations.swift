import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// `/api/v1/service-requests` and `/api/v1/service-request-types`: partners make requests from the catalogue
/// and follow their own; the service desk works every partner's.
extension APIOperations {
    func listServiceRequestTypes(_ input: Operations.ListServiceRequestTypes.Input) async throws
        -> Operations.ListServiceRequestTypes.Output
    {
        let principal = try APIRequest.request.principal
        guard AccessPolicy.permits(principal, .readServiceRequests) else { throw ServiceError.forbidden }
        return .ok(
            .init(body: .json(try services.serviceRequests.types.types.map(Components.Schemas.ServiceRequestType.init)))
        )
    }

    func listServiceRequests(_ input: Operations.ListServiceRequests.Input) async throws
        -> Operations.ListServiceRequests.Output
    {
        let statuses = input.query.status.flatMap { ServiceRequestStatus(rawValue: $0.rawValue) }.map { [$0] } ?? []
        let views = try await services.serviceRequests.list(
            statuses: Set(statuses), partnerCode: input.query.partner, as: try APIRequest.request.principal)
        return .ok(.init(body: .json(try views.map(Components.Schemas.ServiceRequest.init))))
    }

    func submitServiceRequest(_ input: Operations.SubmitServiceRequest.Input) async throws
        -> Operations.SubmitServiceRequest.Output
    {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let draft = ServiceRequestDraft(
            type: body._type, title: body.title, answers: body.answers?.additionalProperties ?? [:])
        let created = try await created(
            key: input.headers.idempotencyKey, location: { "/api/v1/service-requests/\($0.id)" },
            render: Components.Schemas.ServiceRequest.init,
            create: { try await services.serviceRequests.submit(draft, by: $0, idempotency: $1, render: $2) })
        return .created(
            .init(
                headers: .init(
                    location: created.location, idempotentReplayed: created.replayed,
                    eTag: IfMatch.etag(created.body.version)),
                body: .json(created.body)))
    }

    func getServiceRequest(_ input: Operations.GetServiceRequest.Input) async throws
        -> Operations.GetServiceRequest.Output
    {
        let view = try await services.serviceRequests.view(
            try ServiceRequest.ID.inPath(input.path.serviceRequestID), as: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(view.request.version)), body: .json(try .init(view))))
    }

    func actOnServiceRequest(_ input: Operations.ActOnServiceRequest.Input) async throws
        -> Operations.ActOnServiceRequest.Output
    {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let view = try await services.serviceRequests.act(
            try ServiceRequest.ID.inPath(input.path.serviceRequestID), body.action, note: body.note,
            expectedVersion: try IfMatch.version(input.headers.ifMatch), by: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(view.request.version)), body: .json(try .init(view))))
    }

    func addServiceRequestNote(_ input: Operations.AddServiceRequestNote.Input) async throws
        -> Operations.AddServiceRequestNote.Output
    {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let view = try await services.serviceRequests.comment(
            try ServiceRequest.ID.inPath(input.path.serviceRequestID), note: body.note,
            isInternal: body._internal ?? false, expectedVersion: try IfMatch.version(input.headers.ifMatch),
            by: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(view.request.version)), body: .json(try .init(view))))
    }
}

extension Components.Schemas.ServiceRequestType {
    init(_ type: PartnerDeskDomain.ServiceRequestType) throws {
        self.init(
            id: type.id, name: type.name, summary: type.summary, targetMonths: type.targetMonths,
            fields: try type.fields.map { field in
                .init(
                    name: field.name, label: field.label, kind: try .documented(field.kind.rawValue),
                    required: field.required, hint: field.hint, choices: field.choices)
            })
    }
}

extension Components.Schemas.ServiceRequest {
    init(_ view: ServiceRequestView) throws {
        let request = view.request
        self.init(
            id: request.id.description, reference: request.reference.description, partner: view.partnerCode,
            _type: request.type.id, typeName: request.type.name, title: request.title,
            answers: request.answers.map { .init(field: $0.field, label: $0.label, value: $0.value) },
            status: try .documented(request.status.rawValue), submittedAt: request.submittedAt,
            submittedBy: request.submittedBy,
            target: request.target.map {
                .init(acceptedAt: $0.acceptedAt, months: $0.months, dueDate: $0.dueDate.description, dueAt: $0.dueAt)
            },
            finishedAt: request.finishedAt, overdue: view.isOverdue,
            steps: try request.steps.map { step in
                .init(
                    at: step.at, action: step.action?.rawValue, status: try .documented(step.to.rawValue),
                    by: step.by.name, role: step.by.role.rawValue, note: step.note, _internal: step.isInternal)
            },
            version: request.version)
    }
}
