import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// `/api/v1/hssi-rota`: who is the partner's HSSI manager when, and the gaps in cover ahead.
extension APIOperations {
    func readHSSIRota(_ input: Operations.ReadHSSIRota.Input) async throws -> Operations.ReadHSSIRota.Output {
        let view = try await services.hssis.rota(
            partnerCode: input.query.partner, as: try APIRequest.request.principal)
        return .ok(.init(body: .json(.init(view))))
    }

    func addHSSIRotaEntry(_ input: Operations.AddHSSIRotaEntry.Input) async throws
        -> Operations.AddHSSIRotaEntry.Output
    {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let view = try await services.hssis.addRotaEntry(
            partnerCode: body.partner, managerName: body.managerName, email: body.email, phone: body.phone,
            startsAt: body.startsAt, endsAt: body.endsAt, by: try APIRequest.request.principal)
        return .created(.init(body: .json(.init(view))))
    }

    func removeHSSIRotaEntry(_ input: Operations.RemoveHSSIRotaEntry.Input) async throws
        -> Operations.RemoveHSSIRotaEntry.Output
    {
        let view = try await services.hssis.removeRotaEntry(
            try UUID.inPath(input.path.entryID), partnerCode: input.query.partner,
            by: try APIRequest.request.principal)
        return .ok(.init(body: .json(.init(view))))
    }
}

/// A rota entry to add, with its times as sent (the service reads and checks them); `NewHSSIRotaEntry`.
struct RotaEntryBody: Codable, Hashable, Sendable {
    var partner: String?
    var managerName: String
    var email: String
    var phone: String?
    var startsAt: String?
    var endsAt: String?
}
