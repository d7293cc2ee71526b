import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// `/api/v1/components`, `/api/v1/outages`, `/api/v1/maintenance`, `/api/v1/availability` and
/// `/api/v1/monitoring/alertmanager`: the desk records outages and maintenance, monitoring opens and closes
/// outages, and everyone reads availability as far as they may.
extension APIOperations {
    func listComponents(_ input: Operations.ListComponents.Input) async throws -> Operations.ListComponents.Output {
        let components = try await services.serviceLevels.components(as: try APIRequest.request.principal)
        return .ok(.init(body: .json(components.map(Components.Schemas.ServiceComponent.init))))
    }

    func replaceComponents(_ input: Operations.ReplaceComponents.Input) async throws
        -> Operations.ReplaceComponents.Output
    {
        let drafts =
            switch input.body {
            case .json(let body): (body.components ?? []).map(\.draft)
            }
        let components = try await services.serviceLevels.setComponents(drafts, by: try APIRequest.request.principal)
        return .ok(.init(body: .json(components.map(Components.Schemas.ServiceComponent.init))))
    }

    func listComponentChoices(_ input: Operations.ListComponentChoices.Input) async throws
        -> Operations.ListComponentChoices.Output
    {
        let choices = try await services.serviceLevels.componentChoices(as: try APIRequest.request.principal)
        return .ok(.init(body: .json(choices.map(Components.Schemas.ComponentChoice.init))))
    }

    func chooseComponents(_ input: Operations.ChooseComponents.Input) async throws
        -> Operations.ChooseComponents.Output
    {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let choice = try await services.serviceLevels.chooseComponents(
            body.components, partnerCode: input.path.partnerCode, by: try APIRequest.request.principal)
        return .ok(.init(body: .json(.init(choice))))
    }

    func listOutages(_ input: Operations.ListOutages.Input) async throws -> Operations.ListOutages.Output {
        let view = try await availability(month: input.query.month, partner: nil)
        return .ok(.init(body: .json(view.outages)))
    }

    func recordOutage(_ input: Operations.RecordOutage.Input) async throws -> Operations.RecordOutage.Output {
        let draft =
            switch input.body {
            case .json(let body): body.draft
            }
        let (codes, windows) = try await serviceLevelNames()
        let outage = try await created(
            key: input.headers.idempotencyKey, location: { "/api/v1/outages/\($0.id)" },
            render: { try Components.Schemas.Outage($0, codes: codes, windows: windows) },
            create: { try await services.serviceLevels.recordOutage(draft, by: $0, idempotency: $1, render: $2) })
        return .created(
            .init(
                headers: .init(
                    location: outage.location, idempotentReplayed: outage.replayed,
                    eTag: IfMatch.etag(outage.body.version)),
                body: .json(outage.body)))
    }

    func getOutage(_ input: Operations.GetOutage.Input) async throws -> Operations.GetOutage.Output {
        let outage = try await services.serviceLevels.outage(
            try Outage.ID.inPath(input.path.outageID), as: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(outage.version)), body: .json(try await answer(outage))))
    }

    func correctOutage(_ input: Operations.CorrectOutage.Input) async throws -> Operations.CorrectOutage.Output {
        let draft =
            switch input.body {
            case .json(let body): body.draft
            }
        let outage = try await services.serviceLevels.correctOutage(
            try Outage.ID.inPath(input.path.outageID), draft,
            expectedVersion: try IfMatch.version(input.headers.ifMatch), by: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(outage.version)), body: .json(try await answer(outage))))
    }

    func endOutage(_ input: Operations.EndOutage.Input) async throws -> Operations.EndOutage.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let outage = try await services.serviceLevels.closeOutage(
            try Outage.ID.inPath(input.path.outageID), at: body.endedAt,
            expectedVersion: try IfMatch.version(input.headers.ifMatch), by: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(outage.version)), body: .json(try await answer(outage))))
    }

    func listMaintenance(_ input: Operations.ListMaintenance.Input) async throws -> Operations.ListMaintenance.Output {
        let view = try await availability(month: input.query.month, partner: nil)
        return .ok(.init(body: .json(view.maintenance)))
    }

    func planMaintenance(_ input: Operations.PlanMaintenance.Input) async throws -> Operations.PlanMaintenance.Output {
        let draft =
            switch input.body {
            case .json(let body): body.draft
            }
        let codes = try await services.releases.partnerCodesByID()
        let window = try await created(
            key: input.headers.idempotencyKey, location: { "/api/v1/maintenance/\($0.id)" },
            render: { try Components.Schemas.MaintenanceWindow($0, codes: codes) },
            create: { try await services.serviceLevels.planMaintenance(draft, by: $0, idempotency: $1, render: $2) })
        return .created(
            .init(
                headers: .init(
                    location: window.location, idempotentReplayed: window.replayed,
                    eTag: IfMatch.etag(window.body.version)),
                body: .json(window.body)))
    }

    func announceMaintenance(_ input: Operations.AnnounceMaintenance.Input) async throws
        -> Operations.AnnounceMaintenance.Output
    {
        let view = try await services.serviceLevels.announceMaintenance(
            try MaintenanceWindow.ID.inPath(input.path.maintenanceID),
            expectedVersion: try IfMatch.version(input.headers.ifMatch), by: try APIRequest.request.principal)
        let codes = try await services.releases.partnerCodesByID()
        return .ok(
            .init(headers: .init(eTag: IfMatch.etag(view.window.version)), body: .json(try .init(view, codes: codes))))
    }

    func getAvailability(_ input: Operations.GetAvailability.Input) async throws -> Operations.GetAvailability.Output {
        .ok(.init(body: .json(try await availability(month: input.query.month, partner: input.query.partner))))
    }

    func receiveAlertmanagerNotification(_ input: Operations.ReceiveAlertmanagerNotification.Input) async throws
        -> Operations.ReceiveAlertmanagerNotification.Output
    {
        let alerts =
            switch input.body {
            case .json(let body): try body.monitoringAlerts()
            }
        let report = try await services.serviceLevels.receive(alerts, by: try APIRequest.request.principal)
        return .ok(
            .init(
                body: .json(
                    .init(
                        opened: report.opened, closed: report.closed, unchanged: report.unchanged,
                        unmatched: report.unmatched))))
    }

    /// A month's availability (the current month when none is named) as the caller may see it.
    private func availability(month: String?, partner: String?) async throws -> Components.Schemas.Availability {
        let principal = try APIRequest.request.principal
        let services = self.services
        let text = month ?? ReportingMonth(containing: services.serviceLevels.today).description
        let view = try await services.serviceLevels.availability(month: text, partner: partner, as: principal)
        return try .init(view, codes: try await services.releases.partnerCodesByID())
    }

    private func answer(_ outage: Outage) async throws -> Components.Schemas.Outage {
        let (codes, windows) = try await serviceLevelNames()
        return try .init(outage, codes: codes, windows: windows)
    }

    /// Partners' codes and maintenance windows' references, for answers that name them.
    private func serviceLevelNames() async throws -> ([Partner.ID: String], [MaintenanceWindow.ID: String]) {
        (
            try await services.releases.partnerCodesByID(),
            try await services.serviceLevels.maintenanceReferences()
        )
    }
}
