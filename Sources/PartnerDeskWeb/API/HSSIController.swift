import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// `/api/v1/hssis` and `/api/v1/hssi-rota`: partners and the platform declare Higher Severity Service
/// Incidents; the partner records its own steps, assessments, status updates and answers to the
/// intervention; the Service Bridge runs the rest. Changes need `If-Match`, except answers to the
/// intervention, which record a fact. The timeline exports as JSON and CSV.
struct HSSIController {
    let services: AppServices

    func register(on api: any RoutesBuilder) {
        let hssis = api.grouped("hssis")
        hssis.get(use: list).declaring(.readHSSI)
        hssis.post(use: declare).declaring(.declareHSSI)
        hssis.get(":hssiID", use: read).declaring(.readHSSI)
        hssis.post(":hssiID", "steps", use: step).declaring(.respondToHSSI)
        hssis.post(":hssiID", "assessments", use: assess).declaring(.respondToHSSI)
        hssis.post(":hssiID", "intervention", use: convene).declaring(.runHSSI)
        hssis.post(":hssiID", "intervention", "acknowledgements", use: acknowledge).declaring(.respondToHSSI)
        hssis.post(":hssiID", "intervention", "joins", use: join).declaring(.respondToHSSI)
        hssis.post(":hssiID", "updates", use: postUpdate).declaring(.respondToHSSI)
        hssis.post(":hssiID", "communications", use: communicate).declaring(.runHSSI)
        hssis.get(":hssiID", "timeline", use: timeline).declaring(.readHSSI)
        hssis.get(":hssiID", "timeline.csv", use: timelineCSV).declaring(.readHSSI)
        let rota = api.grouped("hssi-rota")
        rota.get(use: readRota).declaring(.readHSSI)
        rota.post(use: addRotaEntry).declaring(.manageHSSIRota)
        rota.delete(":entryID", use: removeRotaEntry).declaring(.manageHSSIRota)
    }

    struct Assessment: Content {
        var severity: Int?
        var category: String?
    }

    struct Convening: Content {
        var joiningDetails: String
        var at: String?
    }

    struct Answer: Content {
        /// For the Service Bridge recording an answer on a partner's behalf: the partner's code.
        var partner: String?
    }

    struct Communication: Content {
        var message: String
    }

    struct RotaEntry: Content {
        var partner: String?
        var managerName: String
        var email: String
        var phone: String?
        var startsAt: String?
        var endsAt: String?
    }

    @Sendable func list(_ request: Request) async throws -> [HSSIDTO] {
        let principal = try request.principal
        return try await services.hssis.list(as: principal).map { try HSSIDTO($0, for: principal) }
    }

    @Sendable func declare(_ request: Request) async throws -> Response {
        let principal = try request.principal
        let declaration = try request.decodeJSONBody(HSSIDeclaration.self)
        let outcome = try await services.hssis.declare(
            declaration, by: principal, idempotency: try IdempotencyKey.request(for: request, principal: principal)
        ) { view in try Self.stored(try HSSIDTO(view, for: principal)) }
        switch outcome {
        case .created(let view, let stored):
            let response = IdempotencyKey.response(try stored ?? Self.stored(HSSIDTO(view, for: principal)))
            response.headers.replaceOrAdd(name: .eTag, value: IfMatch.etag(view.hssi.version))
            return response
        case .replayed(let stored):
            return IdempotencyKey.response(stored, replayed: true)
        }
    }

    @Sendable func read(_ request: Request) async throws -> Response {
        try await respond(services.hssis.view(try hssiID(request), as: try request.principal), request)
    }

    @Sendable func step(_ request: Request) async throws -> Response {
        let body = try request.decodeJSONBody(HSSIStepRequest.self)
        return try await respond(
            services.hssis.step(
                try hssiID(request), body, expectedVersion: try IfMatch.version(request), by: try request.principal),
            request)
    }

    @Sendable func assess(_ request: Request) async throws -> Response {
        let body = try request.decodeJSONBody(Assessment.self)
        return try await respond(
            services.hssis.assess(
                try hssiID(request), severity: body.severity, category: body.category,
                expectedVersion: try IfMatch.version(request), by: try request.principal),
            request)
    }

    @Sendable func convene(_ request: Request) async throws -> Response {
        let body = try request.decodeJSONBody(Convening.self)
        return try await respond(
            services.hssis.convene(
                try hssiID(request), joiningDetails: body.joiningDetails, at: body.at,
                expectedVersion: try IfMatch.version(request), by: try request.principal),
            request)
    }

    @Sendable func acknowledge(_ request: Request) async throws -> Response {
        try await answer(request, joined: false)
    }

    @Sendable func join(_ request: Request) async throws -> Response {
        try await answer(request, joined: true)
    }

    private func answer(_ request: Request, joined: Bool) async throws -> Response {
        let body = (try? request.content.decode(Answer.self)) ?? Answer()
        return try await respond(
            services.hssis.answerInvitation(
                try hssiID(request), joined: joined, partner: body.partner, by: try request.principal),
            request)
    }

    @Sendable func postUpdate(_ request: Request) async throws -> Response {
        let body = try request.decodeJSONBody(HSSIStatusUpdateDraft.self)
        return try await respond(
            services.hssis.postUpdate(
                try hssiID(request), body, expectedVersion: try IfMatch.version(request), by: try request.principal),
            request)
    }

    @Sendable func communicate(_ request: Request) async throws -> Response {
        let body = try request.decodeJSONBody(Communication.self)
        return try await respond(
            services.hssis.communicate(
                try hssiID(request), message: body.message, expectedVersion: try IfMatch.version(request),
                by: try request.principal),
            request)
    }

    @Sendable func timeline(_ request: Request) async throws -> Response {
        let entries = try await services.hssis.timeline(try hssiID(request), as: try request.principal)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: try encoder.encode(entries)))
    }

    @Sendable func timelineCSV(_ request: Request) async throws -> Response {
        let id = try hssiID(request)
        let entries = try await services.hssis.timeline(id, as: try request.principal)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"hssi-timeline-\(id).csv\"")
        return Response(status: .ok, headers: headers, body: .init(string: HSSITimelineEntry.csv(entries)))
    }

    @Sendable func readRota(_ request: Request) async throws -> HSSIRotaDTO {
        let partner = try? request.query.get(String.self, at: "partner")
        return HSSIRotaDTO(try await services.hssis.rota(partnerCode: partner, as: try request.principal))
    }

    @Sendable func addRotaEntry(_ request: Request) async throws -> Response {
        let body = try request.decodeJSONBody(RotaEntry.self)
        let view = try await services.hssis.addRotaEntry(
            partnerCode: body.partner, managerName: body.managerName, email: body.email, phone: body.phone,
            startsAt: body.startsAt, endsAt: body.endsAt, by: try request.principal)
        return try await HSSIRotaDTO(view).encodeResponse(status: .created, for: request)
    }

    @Sendable func removeRotaEntry(_ request: Request) async throws -> HSSIRotaDTO {
        let partner = try? request.query.get(String.self, at: "partner")
        return HSSIRotaDTO(
            try await services.hssis.removeRotaEntry(
                try request.uuidParameter("entryID"), partnerCode: partner, by: try request.principal))
    }

    private func hssiID(_ request: Request) throws -> HigherSeverityIncident.ID {
        HigherSeverityIncident.ID(try request.uuidParameter("hssiID"))
    }

    private func respond(_ view: HSSIView, _ request: Request) async throws -> Response {
        let response = try await HSSIDTO(view, for: try request.principal).encodeResponse(for: request)
        response.headers.replaceOrAdd(name: .eTag, value: IfMatch.etag(view.hssi.version))
        return response
    }

    private static func stored(_ dto: HSSIDTO) throws -> StoredResponse {
        StoredResponse(status: 201, body: try JSONEncoder().encode(dto), location: "/api/v1/hssis/\(dto.id)")
    }
}
