import Foundation
import OpenAPIRuntime
import PartnerDeskDomain
import PartnerDeskServices

/// `/api/v1/service-report` and `/api/v1/service-report.csv`: a month's service report as JSON or CSV, for the caller's organisation or,
/// for staff, the whole service or a partner.
extension APIOperations {
    func getServiceReport(_ input: Operations.GetServiceReport.Input) async throws -> Operations.GetServiceReport.Output
    {
        let view = try await services.reports.report(
            month: input.query.month, partner: input.query.partner, edition: input.query.edition,
            as: try APIRequest.request.principal)
        return .ok(.init(body: .json(try .init(view))))
    }

    func getServiceReportCSV(_ input: Operations.GetServiceReportCSV.Input) async throws
        -> Operations.GetServiceReportCSV.Output
    {
        let view = try await services.reports.report(
            month: input.query.month, partner: input.query.partner, edition: input.query.edition,
            as: try APIRequest.request.principal)
        return .ok(
            .init(
                headers: .init(contentDisposition: "attachment; filename=\"\(view.fileName).csv\""),
                body: .textCsvCharsetUtf8(HTTPBody(view.report.csv))))
    }
}

extension ServiceReportView {
    /// `service-report-2026-11-WELLPATH-edition-2`, `service-report-2026-11-all-provisional`.
    var fileName: String {
        "service-report-\(report.month)-\(report.scope.partnerCode ?? "all")-"
            + (edition.map { "edition-\($0.number)" } ?? "provisional")
    }
}

extension Components.Schemas.ServiceReport {
    init(_ view: ServiceReportView) throws {
        let report = view.report
        self.init(
            month: report.month.description, scope: report.scope.partnerCode ?? "all", name: report.scope.name,
            tierName: report.tierName, compiledAt: report.compiledAt, edition: view.edition?.number,
            issuedAt: view.edition?.issuedAt, issuesAt: view.issuesAt,
            editions: view.editions.map { .init(number: $0.number, issuedAt: $0.issuedAt, changes: $0.changes) },
            figures: report.figures.map {
                .init(section: $0.section, item: $0.item, measure: $0.measure, value: $0.value)
            },
            breaches: try report.breaches.map { breach in
                .init(
                    reference: breach.reference, partner: breach.partnerCode, severity: breach.severity,
                    targetSeconds: breach.targetSeconds, countedSeconds: breach.countedSeconds, dueAt: breach.dueAt,
                    resolvedAt: breach.resolvedAt,
                    steps: try breach.steps.map { try Components.Schemas.ClockLine(.event($0)) })
            },
            changes: (view.edition?.changes ?? []).map {
                .init(section: $0.section, item: $0.item, measure: $0.measure, before: $0.before, after: $0.after)
            })
    }
}
