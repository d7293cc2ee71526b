import PartnerDeskServices
import Vapor

/// Liveness, readiness and metrics for operators and orchestrators. Anyone may call the health routes: they
/// reveal no record, only whether the service works. The metrics are for Prometheus (see ``MetricsAccess``).
struct OperationsController: RouteCollection {
    let services: AppServices
    let metrics: @Sendable () -> String
    let metricsAccess: MetricsAccess

    func boot(routes: any RoutesBuilder) throws {
        routes.get("healthz", use: health).declaringPublic()
        routes.get("readyz", use: ready).declaringPublic()
        routes.get("metrics", use: exportMetrics).declaringMetricsAccess()
    }

    /// The process is up and answering.
    @Sendable func health(_ request: Request) async throws -> StatusReport {
        StatusReport(status: "ok", reason: nil)
    }

    /// The database answers and its schema is current; otherwise 503 with the reason.
    @Sendable func ready(_ request: Request) async throws -> Response {
        let readiness = await services.readiness.check()
        let report: StatusReport
        let status: HTTPResponseStatus
        switch readiness {
        case .ready:
            (report, status) = (StatusReport(status: "ready", reason: nil), .ok)
        case .notReady(let reason):
            (report, status) = (StatusReport(status: "not_ready", reason: reason), .serviceUnavailable)
        }
        let response = try await report.encodeResponse(status: status, for: request)
        response.headers.cacheControl = .init(noStore: true)
        return response
    }

    /// Request counts and latency histograms per route, in the Prometheus text format.
    @Sendable func exportMetrics(_ request: Request) async throws -> Response {
        try metricsAccess.check(request)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(
            type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: metrics()))
    }
}

/// The body of the health and readiness answers.
struct StatusReport: Content {
    var status: String
    var reason: String?
}
