import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// `/admin/bank-holidays`: administrators upload a GOV.UK bank-holidays list, see what it would change, and take
/// it in; the page then lists every incident whose due time moved. The same use case as
/// `partnerdesk calendar import`.
extension PagesController {
    func registerBankHolidayPages(on routes: any RoutesBuilder) {
        routes.get(SiteURL.bankHolidays.pathComponents, use: bankHolidays).declaring(.manageBankHolidays)
        routes.on(
            .POST, SiteURL.bankHolidayPreview.pathComponents, body: .collect(maxSize: "1mb"), use: previewHolidays
        )
        .declaring(.manageBankHolidays).acceptingBodies(upTo: 1024 * 1024)
        routes.on(.POST, SiteURL.bankHolidays.pathComponents, body: .collect(maxSize: "1mb"), use: importHolidays)
            .declaring(.manageBankHolidays).acceptingBodies(upTo: 1024 * 1024)
    }

    @Sendable func bankHolidays(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else { return request.redirect(to: .signIn) }
        return try await renderBankHolidays(request, principal, session)
    }

    @Sendable func previewHolidays(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else { return request.redirect(to: .signIn) }
        struct Upload: Content {
            var csrf: String?
            var file: File?
        }
        let form = (try? request.content.decode(Upload.self)) ?? Upload()
        try checkSessionToken(form.csrf, session: session)
        do {
            guard let file = form.file, file.data.readableBytes > 0 else {
                throw ValidationFailure([
                    ValidationIssue(field: "file", code: "required", message: "Choose a bank-holidays file to upload.")
                ])
            }
            let document = String(buffer: file.data)
            let changes = try await services.bankHolidays.preview(Data(document.utf8), as: principal)
            return try await renderBankHolidays(request, principal, session, preview: (changes, document))
        } catch let failure as ValidationFailure {
            return try await renderBankHolidays(
                request, principal, session, errors: await pageErrors(failure, of: request),
                status: .unprocessableEntity)
        }
    }

    @Sendable func importHolidays(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else { return request.redirect(to: .signIn) }
        let values = try signedInForm(request, session: session)
        do {
            let result = try await services.bankHolidays.apply(
                Data((values["document"] ?? "").utf8), basedOn: Int(values["basedOn"] ?? "") ?? -1, as: principal)
            return try await renderBankHolidays(request, principal, session, result: result)
        } catch let failure as ValidationFailure {
            return try await renderBankHolidays(
                request, principal, session, errors: await pageErrors(failure, of: request),
                status: .unprocessableEntity)
        } catch ServiceError.versionMismatch {
            let error = PageError(
                field: "file",
                message: "Another list was taken in since you looked: upload yours again to see what it changes now.")
            return try await renderBankHolidays(request, principal, session, errors: [error], status: .conflict)
        }
    }

    private func renderBankHolidays(
        _ request: Request, _ principal: Principal, _ session: SignInSession,
        preview: (changes: BankHolidayImport, document: String)? = nil, result: HolidayImportResult? = nil,
        errors: [PageError] = [], status: HTTPStatus = .ok
    ) async throws -> Response {
        let page = BankHolidaysPage(
            current: try await services.bankHolidays.current(as: principal), catalog: services.catalog,
            today: services.catalog.calendar(ServiceLevelTier.silver.id).localDate(of: services.clock.now()),
            principal: principal, csrf: session.csrfToken, preview: preview, result: result, errors: errors)
        return try await request.view.render("bank-holidays", page).encodeResponse(status: status, for: request)
    }
}
