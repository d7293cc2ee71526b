import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// `/api/v1/incidents`: raise, read, list, correct, move on, comment and read the history of incidents.
struct IncidentsController {
    let services: AppServices

    func register(on api: any RoutesBuilder) {
        let incidents = api.grouped("incidents")
        incidents.post(use: raise).declaring(.raiseIncident)
        incidents.get(use: list).declaring(.readIncident)
        incidents.get(":incidentID", use: show).declaring(.readIncident)
        incidents.patch(":incidentID", use: update).declaring(.updateIncident)
        incidents.post(":incidentID", "transitions", use: transition).declaring(.triageIncident)
        incidents.post(":incidentID", "comments", use: comment).declaring(.commentOnIncident)
        incidents.get(":incidentID", "history", use: history).declaring(.readIncident)
        AttachmentsController(services: services).register(on: incidents)
    }

    @Sendable func raise(_ request: Request) async throws -> Response {
        let principal = try request.principal
        let draft = try request.decodeJSONBody(IncidentReportDraft.self)
        let idempotency = try IdempotencyKey.request(for: request, principal: principal)
        let outcome = try await services.incidents.raise(draft, by: principal, idempotency: idempotency) { view in
            try Self.stored(IncidentDTO(view))
        }
        switch outcome {
        case .created(let view, let stored):
            return IdempotencyKey.response(try stored ?? Self.stored(IncidentDTO(view)))
        case .replayed(let stored):
            return IdempotencyKey.response(stored, replayed: true)
        }
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let view = try await services.incidents.view(try request.incidentID(), as: try request.principal)
        return try await Self.respond(view, to: request)
    }

    @Sendable func list(_ request: Request) async throws -> IncidentListDTO {
        let principal = try request.principal
        let query = try await IncidentListParameters.query(
            from: request, now: services.clock.now(), partners: services.partners, principal: principal)
        let (views, next) = try await services.incidents.list(query, as: principal)
        return IncidentListDTO(items: views.map(IncidentDTO.init), nextCursor: next.map(IncidentListParameters.encode))
    }

    @Sendable func update(_ request: Request) async throws -> Response {
        let changes = try request.decodeJSONBody(IncidentReportDraft.self)
        let view = try await services.incidents.update(
            try request.incidentID(), changes: changes, expectedVersion: try IfMatch.version(request),
            by: try request.principal
        )
        return try await Self.respond(view, to: request)
    }

    @Sendable func transition(_ request: Request) async throws -> Response {
        let body = try request.decodeJSONBody(TransitionRequest.self)
        let view = try await services.incidents.transition(
            try request.incidentID(), body, expectedVersion: try IfMatch.version(request), by: try request.principal
        )
        return try await Self.respond(view, to: request)
    }

    @Sendable func comment(_ request: Request) async throws -> Response {
        let body = try request.decodeJSONBody(CommentRequest.self)
        let outcome = try await services.incidents.comment(
            try request.incidentID(), text: body.text, visibility: body.internal == true ? .internal : .public,
            by: try request.principal
        )
        return try await IncidentEventDTO(outcome.event, maskings: outcome.maskings)
            .encodeResponse(status: .created, for: request)
    }

    @Sendable func history(_ request: Request) async throws -> [IncidentEventDTO] {
        try await services.incidents.history(try request.incidentID(), as: try request.principal).map {
            IncidentEventDTO($0)
        }
    }

    private static func respond(_ view: IncidentView, to request: Request) async throws -> Response {
        let response = try await IncidentDTO(view).encodeResponse(for: request)
        response.headers.replaceOrAdd(name: .eTag, value: IfMatch.etag(view.incident.version))
        return response
    }

    private static func stored(_ dto: IncidentDTO) throws -> StoredResponse {
        StoredResponse(status: 201, body: try JSONEncoder().encode(dto), location: "/api/v1/incidents/\(dto.id)")
    }
}

extension Request {
    /// The incident named in the path; a malformed id answers like a missing incident.
    func incidentID() throws -> Incident.ID {
        Incident.ID(try uuidParameter("incidentID"))
    }

    /// The identifier in the path parameter `name`; a malformed one answers like a missing record.
    func uuidParameter(_ name: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else { throw ServiceError.notFound }
        return id
    }
}
