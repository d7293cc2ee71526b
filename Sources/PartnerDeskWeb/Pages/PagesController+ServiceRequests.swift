import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// Service request pages: partners make requests from the catalogue and follow their own; the service desk
/// works the queue of every partner's. The same use cases as `/api/v1/service-requests`.
extension PagesController {
    func registerServiceRequestPages(on routes: any RoutesBuilder) {
        routes.get(SiteURL.serviceRequests.pathComponents, use: serviceRequestList).declaring(.readServiceRequests)
        routes.get(SiteURL.newServiceRequest.pathComponents, use: newServiceRequestForm)
            .declaring(.raiseServiceRequests)
        routes.post(SiteURL.serviceRequests.pathComponents, use: submitServiceRequest)
            .declaring(.raiseServiceRequests)
        routes.get(SiteURL.serviceRequest(.key).pathComponents, use: serviceRequestRecord)
            .declaring(.readServiceRequests)
        routes.post(SiteURL.serviceRequestActions(.key).pathComponents, use: actOnServiceRequest)
            .declaring(.updateServiceRequest)
        routes.post(SiteURL.serviceRequestNotes(.key).pathComponents, use: noteOnServiceRequest)
            .declaring(.updateServiceRequest)
    }

    @Sendable func serviceRequestList(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        let all = (try? request.query.get(String.self, at: "all")) == "true"
        let open: Set<ServiceRequestStatus> = Set(ServiceRequestStatus.allCases.filter { !$0.isFinished })
        let views = try await services.serviceRequests.list(statuses: all ? [] : open, as: principal)
        let page = ServiceRequestListPage(
            principal: principal, csrf: session.csrfToken, views: views, showingFinished: all,
            maximumMonths: ServiceLevelTier.silver.serviceRequestMaximumAgeMonths)
        return try await request.view.render("service-requests", page).encodeResponse(for: request)
    }

    @Sendable func newServiceRequestForm(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        guard AccessPolicy.permits(principal, .raiseServiceRequests) else { throw ServiceError.forbidden }
        let page = NewServiceRequestPage(
            principal: principal, csrf: session.csrfToken, catalogue: services.serviceRequests.types,
            chosen: try? request.query.get(String.self, at: "type"))
        return try await request.view.render("service-request-new", page).encodeResponse(for: request)
    }

    @Sendable func submitServiceRequest(_ request: Request) async throws -> Response {
        try await formChange(request, record: "service request") { principal, values in
            let view = try await services.serviceRequests.submit(NewServiceRequestPage.draft(values), by: principal)
            return SiteURL.serviceRequest(.value(view.request.id.description)).path
        } showAgain: { principal, session, values, errors in
            let page = NewServiceRequestPage(
                principal: principal, csrf: session.csrfToken, catalogue: services.serviceRequests.types,
                chosen: values["type"], values: values, errors: errors)
            return try await request.view.render("service-request-new", page).encodeResponse(
                status: .unprocessableEntity, for: request)
        }
    }

    @Sendable func serviceRequestRecord(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        let view = try await services.serviceRequests.view(
            try request.identifier(ServiceRequest.self, "serviceRequestID"), as: principal)
        let page = ServiceRequestPage(principal: principal, csrf: session.csrfToken, view: view)
        return try await request.view.render("service-request", page).encodeResponse(for: request)
    }

    @Sendable func actOnServiceRequest(_ request: Request) async throws -> Response {
        try await serviceRequestChange(request) { id, values, principal in
            try await services.serviceRequests.act(
                id, values["action"] ?? "", note: values["note"], expectedVersion: Int(values["version"] ?? "") ?? -1,
                by: principal)
        }
    }

    @Sendable func noteOnServiceRequest(_ request: Request) async throws -> Response {
        try await serviceRequestChange(request) { id, values, principal in
            var view: ServiceRequestView?
            // The page's note box for this form is `comment`; the action form has its own `note`.
            try await ValidationFailure.naming({ $0 == "note" ? "comment" : $0 }) {
                view = try await services.serviceRequests.comment(
                    id, note: values["comment"] ?? "", isInternal: values["internal"] == "true",
                    expectedVersion: Int(values["version"] ?? "") ?? -1, by: principal)
            }
            guard let view else { throw ServiceError.notFound }
            return view
        }
    }

    /// A change from the request's page: back to the page when it is made, or the page again with what was
    /// typed and why it was refused.
    private func serviceRequestChange(
        _ request: Request,
        _ change:
            @Sendable @escaping (ServiceRequest.ID, [String: String], Principal) async throws -> ServiceRequestView
    ) async throws -> Response {
        let id = try request.identifier(ServiceRequest.self, "serviceRequestID")
        return try await formChange(request, record: "service request") { principal, values in
            _ = try await change(id, values, principal)
            return SiteURL.serviceRequest(.value(id.description)).path
        } showAgain: { principal, session, values, errors in
            let view = try await services.serviceRequests.view(id, as: principal)
            let page = ServiceRequestPage(
                principal: principal, csrf: session.csrfToken, view: view, values: values, errors: errors)
            return try await request.view.render("service-request", page).encodeResponse(
                status: .unprocessableEntity, for: request)
        }
    }
}
