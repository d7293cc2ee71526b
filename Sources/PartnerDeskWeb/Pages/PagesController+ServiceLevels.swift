import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// The service-levels page: a month's availability and allowance for the whole service or a partner (a
/// partner's people see their own), and for the desk the forms that record and end outages and plan and
/// announce maintenance. The same use cases as the API.
extension PagesController {
    func registerServiceLevelPages(on routes: any RoutesBuilder) {
        routes.get(SiteURL.serviceLevels.pathComponents, use: serviceLevels).declaring(.readServiceLevels)
        routes.post(SiteURL.outages.pathComponents, use: recordOutage).declaring(.manageOutages)
        routes.get(SiteURL.outage(.key).pathComponents, use: outage).declaring(.readServiceLevels)
        routes.post(SiteURL.outage(.key).pathComponents, use: correctOutage).declaring(.manageOutages)
        routes.post(SiteURL.outageEnd(.key).pathComponents, use: endOutage).declaring(.manageOutages)
        routes.post(SiteURL.maintenance.pathComponents, use: planMaintenance).declaring(.manageOutages)
        routes.post(SiteURL.maintenanceAnnouncement(.key).pathComponents, use: announceMaintenance)
            .declaring(.manageOutages)
    }

    @Sendable func serviceLevels(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else { return request.redirect(to: .signIn) }
        let query = [
            "month": (try? request.query.get(String.self, at: "month")) ?? "",
            "partner": (try? request.query.get(String.self, at: "partner")) ?? "",
        ]
        let notice = (try? request.query.get(String.self, at: "done")).flatMap { Self.serviceLevelNotices[$0] }
        return try await renderServiceLevels(
            principal: principal, session: session, request: request, query: query, notice: notice)
    }

    @Sendable func recordOutage(_ request: Request) async throws -> Response {
        try await serviceLevelStep(request, done: "recorded") { values, principal in
            _ = try await services.serviceLevels.recordOutage(Self.outageDraft(values), by: principal)
        }
    }

    @Sendable func outage(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else { return request.redirect(to: .signIn) }
        let notice = (try? request.query.get(String.self, at: "done")).flatMap { Self.serviceLevelNotices[$0] }
        return try await renderOutage(
            try request.identifier(Outage.self, "outageID"), principal: principal, session: session, request: request,
            notice: notice)
    }

    @Sendable func correctOutage(_ request: Request) async throws -> Response {
        let id = try request.identifier(Outage.self, "outageID")
        return try await formChange(request, record: "outage") { principal, values in
            _ = try await services.serviceLevels.correctOutage(
                id, Self.outageDraft(values), expectedVersion: Int(values["version"] ?? "") ?? -1, by: principal)
            return SiteURL.outage(.value(id.description)).path(query: [("done", "corrected")])
        } showAgain: { principal, session, values, errors in
            try await renderOutage(
                id, principal: principal, session: session, request: request, values: values, errors: errors)
        }
    }

    /// An outage as its form sends it (the recording form and the correction form share their fields).
    private static func outageDraft(_ values: [String: String]) -> OutageDraft {
        OutageDraft(
            component: values["component"], startedAt: PageFormat.instantText(values["startedAt"]),
            endedAt: PageFormat.instantText(values["endedAt"]), impact: values["impact"],
            maintenance: values["maintenance"].flatMap { $0.isEmpty ? nil : $0 },
            partners: ReleaseCalendarPage.list(values["partners"]),
            incidents: ReleaseCalendarPage.list(values["incidents"]), hssis: ReleaseCalendarPage.list(values["hssis"]),
            publicSummary: values["publicSummary"], internalNotes: values["internalNotes"])
    }

    private func renderOutage(
        _ id: Outage.ID, principal: Principal, session: SignInSession, request: Request,
        values: [String: String] = [:], notice: String? = nil, errors: [PageError] = []
    ) async throws -> Response {
        let levels = services.serviceLevels
        let page = OutagePage(
            detail: try await levels.outageDetail(id, as: principal),
            components: try await levels.components(
                as: principal), principal: principal, csrf: session.csrfToken, values: values, notice: notice,
            errors: errors)
        return try await request.view.render("outage", page).encodeResponse(
            status: errors.isEmpty ? .ok : .unprocessableEntity, for: request)
    }

    @Sendable func endOutage(_ request: Request) async throws -> Response {
        try await serviceLevelStep(request, done: "ended") { values, principal in
            _ = try await services.serviceLevels.closeOutage(
                try request.identifier(Outage.self, "outageID"), at: nil,
                expectedVersion: Int(values["version"] ?? "") ?? -1, by: principal)
        }
    }

    @Sendable func planMaintenance(_ request: Request) async throws -> Response {
        try await serviceLevelStep(request, done: "planned") { values, principal in
            try await ValidationFailure.naming({ $0 == "summary" ? "maintenanceSummary" : $0 }) {
                _ = try await services.serviceLevels.planMaintenance(
                    MaintenanceDraft(
                        components: ReleaseCalendarPage.list(values["components"]),
                        startsAt: PageFormat.instantText(values["startsAt"]),
                        endsAt: PageFormat.instantText(values["endsAt"]),
                        partners: ReleaseCalendarPage.list(values["maintenancePartners"]),
                        summary: values["maintenanceSummary"]), by: principal)
            }
        }
    }

    @Sendable func announceMaintenance(_ request: Request) async throws -> Response {
        try await serviceLevelStep(request, done: "announced") { values, principal in
            _ = try await services.serviceLevels.announceMaintenance(
                try request.identifier(MaintenanceWindow.self, "maintenanceID"),
                expectedVersion: Int(values["version"] ?? "") ?? -1, by: principal)
        }
    }

    private func serviceLevelStep(
        _ request: Request, done: String,
        _ step: @escaping @Sendable ([String: String], Principal) async throws -> Void
    ) async throws -> Response {
        try await formChange(request, record: "record") { principal, values in
            try await step(values, principal)
            return SiteURL.serviceLevels.path(query: [("done", done)])
        } showAgain: { principal, session, values, errors in
            try await renderServiceLevels(
                principal: principal, session: session, request: request, query: [:], values: values, errors: errors)
        }
    }

    private func renderServiceLevels(
        principal: Principal, session: SignInSession, request: Request, query: [String: String],
        values: [String: String] = [:], notice: String? = nil, errors: [PageError] = []
    ) async throws -> Response {
        let levels = services.serviceLevels
        let month =
            query["month"].flatMap { $0.isEmpty ? nil : $0 } ?? ReportingMonth(containing: levels.today).description
        let partner = query["partner"].flatMap { $0.isEmpty ? nil : $0 }
        let view = try await levels.availability(month: month, partner: partner, as: principal)
        let isStaff = !principal.role.isPartnerRole
        let page = ServiceLevelsPage(
            view: view,
            partners: isStaff && view.partner == nil
                ? try await levels.availabilityByPartner(month: view.measure.month, as: principal) : [],
            allPartners: isStaff ? try await services.partners.list() : [],
            components: try await levels.components(as: principal), principal: principal, csrf: session.csrfToken,
            values: values, notice: notice, errors: errors)
        return try await request.view.render("service-levels", page).encodeResponse(
            status: errors.isEmpty ? .ok : .unprocessableEntity, for: request)
    }

    /// What the service-levels page says after each step (`?done=`).
    static let serviceLevelNotices: [String: String] = [
        "recorded": "The outage is recorded; the partners it affects are told.",
        "ended": "The outage has ended; the partners it affected are told.",
        "planned": "The maintenance is planned. Announce it to tell the partners it affects.",
        "announced": "The maintenance is announced to the partners it affects.",
        "corrected": "The outage is corrected; its history keeps what it said before.",
        "components": "The components are saved.",
        "chosen": "The choice is saved: outage and maintenance notices follow it from now on.",
    ]
}
