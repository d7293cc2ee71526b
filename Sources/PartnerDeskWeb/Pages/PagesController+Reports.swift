import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// The monthly service report as a page, a CSV download and a PDF printed from the page: the same use case as
/// the API, for the caller's organisation or, for staff, the whole service or a partner.
extension PagesController {
    func registerServiceReportPages(on routes: any RoutesBuilder) {
        routes.get(SiteURL.serviceReports.pathComponents, use: serviceReport).declaring(.readServiceLevels)
        routes.get(SiteURL.serviceReportCSV.pathComponents, use: serviceReportCSV).declaring(.readServiceLevels)
        routes.get(SiteURL.serviceReportPDF.pathComponents, use: serviceReportPDF).declaring(.readServiceLevels)
    }

    /// What the report's address asks for: the month (the last one over when none is given), the partner and
    /// the edition.
    private func reportQuery(_ request: Request) -> (values: [String: String], edition: Int?) {
        let text = { (name: String) in (try? request.query.get(String.self, at: name)) ?? "" }
        let month = text("month").isEmpty ? services.reports.lastMonthOver.description : text("month")
        return (["month": month, "partner": text("partner")], Int(text("edition")))
    }

    private func reportView(_ request: Request, as principal: Principal) async throws -> ServiceReportView {
        let (values, edition) = reportQuery(request)
        return try await services.reports.report(
            month: values["month"] ?? "", partner: values["partner"].flatMap { $0.isEmpty ? nil : $0 },
            edition: edition, as: principal)
    }

    @Sendable func serviceReport(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else { return request.redirect(to: .signIn) }
        let values = reportQuery(request).values
        do {
            let page = try await reportPage(try await reportView(request, as: principal), principal, session, values)
            return try await request.view.render("service-report", page).encodeResponse(for: request)
        } catch let failure as ValidationFailure {
            let page = try await reportPage(
                nil, principal, session, values, errors: await pageErrors(failure, of: request))
            return try await request.view.render("service-report", page).encodeResponse(
                status: .unprocessableEntity, for: request)
        }
    }

    @Sendable func serviceReportCSV(_ request: Request) async throws -> Response {
        guard let (principal, _) = try await currentSession(request) else { return request.redirect(to: .signIn) }
        let view = try await reportView(request, as: principal)
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(view.fileName).csv\"")
        return Response(status: .ok, headers: headers, body: .init(string: view.report.csv))
    }

    @Sendable func serviceReportPDF(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else { return request.redirect(to: .signIn) }
        guard case .available(let printer) = pdf else {
            let problem = ProblemDetails(
                status: .serviceUnavailable, code: "pdf_unavailable", title: "No PDF here",
                detail: "PDFs cannot be made here: \(pdf.missingReason ?? ""). The page and its CSV have every figure.")
            return try await request.view.render("error", ErrorPage(problem)).encodeResponse(
                status: .serviceUnavailable, for: request)
        }
        let view = try await reportView(request, as: principal)
        var page = try await reportPage(view, principal, session, reportQuery(request).values)
        page.stylesheetHref = "partnerdesk.css"
        let html = try await request.view.render("service-report", page).get()
        let document = try await printer.pdf(html: String(buffer: html.data), stylesheet: stylesheet)
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "application", subType: "pdf")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(view.fileName).pdf\"")
        return Response(status: .ok, headers: headers, body: .init(data: document))
    }

    private func reportPage(
        _ view: ServiceReportView?, _ principal: Principal, _ session: SignInSession, _ values: [String: String],
        errors: [PageError] = []
    ) async throws -> ServiceReportPage {
        ServiceReportPage(
            view: view, partners: principal.role.isPartnerRole ? [] : try await services.partners.list(),
            principal: principal, csrf: session.csrfToken, pdfMissing: pdf.missingReason,
            values: errors.isEmpty ? [:] : values, errors: errors)
    }
}
