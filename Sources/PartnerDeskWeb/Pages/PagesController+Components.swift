import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// The components page: everyone reads the platform's components; partners' administrators choose the ones
/// their services use (the platform's administrators for any partner), and administrators keep the list. The
/// same use cases as `/api/v1/components` and `/api/v1/component-choices`.
extension PagesController {
    func registerComponentPages(on routes: any RoutesBuilder) {
        routes.get(SiteURL.components.pathComponents, use: components).declaring(.readServiceLevels)
        routes.post(SiteURL.components.pathComponents, use: saveComponents).declaring(.manageComponents)
        routes.post(SiteURL.componentChoice.pathComponents, use: chooseComponents).declaring(.chooseComponents)
    }

    @Sendable func components(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else { return request.redirect(to: .signIn) }
        let notice = (try? request.query.get(String.self, at: "done")).flatMap { Self.serviceLevelNotices[$0] }
        var values: [String: String] = [:]
        if let partner = try? request.query.get(String.self, at: "partner") { values["partner"] = partner }
        return try await renderComponents(
            principal: principal, session: session, request: request, values: values, notice: notice)
    }

    @Sendable func saveComponents(_ request: Request) async throws -> Response {
        try await formChange(request, record: "list") { principal, values in
            let form = ComponentsPage.drafts(from: values)
            guard form.badLabels.isEmpty else {
                throw ValidationFailure(
                    form.badLabels.map {
                        ValidationIssue(
                            field: "labels-\($0)", code: "invalid_format",
                            message: "Write row \($0 + 1)'s monitoring labels as name=value, separated by commas.")
                    })
            }
            // The use case names a draft by its place in the list; the form by the row it was typed in.
            try await ValidationFailure.naming({ field in Self.rowField(field, rows: form.rows) }) {
                _ = try await services.serviceLevels.setComponents(form.drafts, by: principal)
            }
            return SiteURL.components.path(query: [("done", "components")])
        } showAgain: { principal, session, values, errors in
            try await renderComponents(
                principal: principal, session: session, request: request, values: values, errors: errors)
        }
    }

    @Sendable func chooseComponents(_ request: Request) async throws -> Response {
        try await formChange(request, record: "choice") { principal, values in
            let listed = try await services.serviceLevels.components(as: principal)
            let partner =
                principal.role.isPartnerRole
                ? try await services.serviceLevels.componentChoices(as: principal).first?.partner.code.value ?? ""
                : values["partner"] ?? ""
            _ = try await services.serviceLevels.chooseComponents(
                listed.map(\.code).filter { values["choose-\($0)"] == "on" }, partnerCode: partner, by: principal)
            return SiteURL.components.path(query: [("done", "chosen"), ("partner", partner)])
        } showAgain: { principal, session, values, errors in
            try await renderComponents(
                principal: principal, session: session, request: request, values: values, errors: errors)
        }
    }

    /// `components[2].name` as the form's field for that row (`name-3` when the third draft was typed in the
    /// fourth row); `alertLabels` is the form's `labels`; a field about the whole list stays as it is.
    private static func rowField(_ field: String, rows: [Int]) -> String {
        guard field.hasPrefix("components["), let close = field.firstIndex(of: "]"),
            let index = Int(field[field.index(field.startIndex, offsetBy: 11)..<close]), rows.indices.contains(index)
        else { return field == "components" ? "code-0" : field }
        let name = field[field.index(after: close)...].drop { $0 == "." }
        return "\(name == "alertLabels" ? "labels" : String(name))-\(rows[index])"
    }

    private func renderComponents(
        principal: Principal, session: SignInSession, request: Request, values: [String: String] = [:],
        notice: String? = nil, errors: [PageError] = []
    ) async throws -> Response {
        let levels = services.serviceLevels
        let page = ComponentsPage(
            components: try await levels.components(as: principal),
            choices: AccessPolicy.permits(principal, .chooseComponents)
                ? try await levels.componentChoices(as: principal) : [],
            principal: principal, csrf: session.csrfToken, values: values, notice: notice, errors: errors)
        return try await request.view.render("components", page).encodeResponse(
            status: errors.isEmpty ? .ok : .unprocessableEntity, for: request)
    }
}
