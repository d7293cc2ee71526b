import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// Partner pages: staff follow every partner's way to live; a partner's people see their own organisation,
/// its administrators keep its contacts and give its onboarding evidence. The same use cases as
/// `/api/v1/partners`.
extension PagesController {
    func registerPartnerPages(on routes: any RoutesBuilder) {
        routes.get(SiteURL.partners.pathComponents, use: partnerList).declaring(.readPartner)
        routes.get(SiteURL.partner(.key).pathComponents, use: partnerDetails).declaring(.readPartner)
        routes.post(SiteURL.partnerDetails(.key).pathComponents, use: editPartnerDetails).declaring(.managePartners)
        routes.post(SiteURL.partnerContacts(.key).pathComponents, use: editPartnerContacts)
            .declaring(.editPartnerContacts)
        routes.get(SiteURL.partnerJourney(.key).pathComponents, use: partnerJourney).declaring(.readPartner)
        routes.post(SiteURL.partnerJourneyStep(.key, .evidence).pathComponents, use: giveEvidence)
            .declaring(.giveEvidence)
        routes.post(SiteURL.partnerJourneyStep(.key, .reviews).pathComponents, use: reviewEvidence)
            .declaring(.managePartners)
        routes.post(SiteURL.partnerJourneyStep(.key, .moves).pathComponents, use: movePartner)
            .declaring(.managePartners)
        routes.post(SiteURL.partnerJourneyStep(.key, .checkIns).pathComponents, use: recordCheckIn)
            .declaring(.managePartners)
        routes.post(SiteURL.partnerActionDone(.key, .key).pathComponents, use: completePartnerAction)
            .declaring(.completePartnerActions)
        routes.get(SiteURL.partnerReviews(.key).pathComponents, use: serviceReviews).declaring(.readPartner)
        routes.post(SiteURL.partnerReviews(.key).pathComponents, use: scheduleReview).declaring(.managePartners)
        routes.post(SiteURL.partnerReviewCadence(.key).pathComponents, use: setReviewCadence)
            .declaring(.managePartners)
        routes.get(SiteURL.partnerReview(.key, .key).pathComponents, use: serviceReview).declaring(.readPartner)
        routes.post(SiteURL.partnerReviewStep(.key, .key, .minutes).pathComponents, use: recordReviewMinutes)
            .declaring(.managePartners)
        routes.post(SiteURL.partnerReviewStep(.key, .key, .cancel).pathComponents, use: cancelReview)
            .declaring(.managePartners)
        routes.get(SiteURL.partnerReviewStep(.key, .key, .invitation).pathComponents, use: reviewInvitation)
            .declaring(.readPartner)
    }

    @Sendable func serviceReviews(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        let profile = try await services.journeys.profile(try partnerCode(request), as: principal)
        let page = ServiceReviewsPage(principal: principal, csrf: session.csrfToken, profile: profile)
        return try await request.view.render("service-reviews", page).encodeResponse(for: request)
    }

    @Sendable func setReviewCadence(_ request: Request) async throws -> Response {
        try await journeyChange(request, on: .reviews) { code, values, principal, version in
            _ = try await services.journeys.setReviewCadence(
                code, values["cadence"], expectedVersion: version, by: principal)
        }
    }

    @Sendable func scheduleReview(_ request: Request) async throws -> Response {
        try await journeyChange(request, on: .reviews) { code, values, principal, version in
            try await ValidationFailure.naming({
                $0.hasPrefix("agenda") ? "agenda" : $0.hasPrefix("attendees") ? "attendees" : $0
            }) {
                _ = try await services.journeys.scheduleReview(
                    code, ServiceReviewsPage.draft(values), expectedVersion: version, by: principal)
            }
        }
    }

    @Sendable func serviceReview(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        let found = try await services.journeys.review(
            try partnerCode(request), try request.uuidParameter("reviewID"), as: principal)
        let page = ServiceReviewPage(
            principal: principal, csrf: session.csrfToken, profile: found.profile, review: found.review,
            pack: found.pack, at: services.clock.now())
        return try await request.view.render("service-review", page).encodeResponse(for: request)
    }

    @Sendable func recordReviewMinutes(_ request: Request) async throws -> Response {
        let review = try request.uuidParameter("reviewID")
        return try await journeyChange(request, on: .review(review)) { code, values, principal, version in
            try await ValidationFailure.naming({ PartnerDetailsPage.rename($0, list: "actions", rows: nil) }) {
                _ = try await services.journeys.recordReview(
                    code, review, minutes: values["minutes"] ?? "",
                    actions: PartnerJourneyPage.checkIn(values).actions, expectedVersion: version, by: principal)
            }
        }
    }

    @Sendable func cancelReview(_ request: Request) async throws -> Response {
        let review = try request.uuidParameter("reviewID")
        return try await journeyChange(request, on: .review(review)) { code, _, principal, version in
            _ = try await services.journeys.cancelReview(code, review, expectedVersion: version, by: principal)
        }
    }

    @Sendable func reviewInvitation(_ request: Request) async throws -> Response {
        guard let (principal, _) = try await currentSession(request) else { return request.redirect(to: .signIn) }
        let found = try await services.journeys.review(
            try partnerCode(request), try request.uuidParameter("reviewID"), as: principal)
        let calendar = ServiceReviewInvitation.calendar(
            found.review, partner: found.profile.partner, sender: services.journeys.invitationSender,
            publicURL: services.journeys.publicURL, at: services.clock.now())
        let response = Response(status: .ok, body: .init(string: calendar.text))
        response.headers.contentType = HTTPMediaType(
            type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(
            name: .contentDisposition,
            value: "attachment; filename=\"service-review-\(found.profile.partner.code)-\(found.review.number).ics\"")
        return response
    }

    @Sendable func partnerList(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        let lines = try await services.journeys.overview(as: principal)
        // A partner's people have one organisation: its page is their list.
        if principal.role.isPartnerRole, let own = lines.first {
            return request.redirect(to: SiteURL.partner(.value(own.partner.code.value)).path)
        }
        let page = PartnerListPage(principal: principal, csrf: session.csrfToken, lines: lines)
        return try await request.view.render("partners", page).encodeResponse(for: request)
    }

    @Sendable func partnerDetails(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        let profile = try await services.journeys.profile(try partnerCode(request), as: principal)
        let page = PartnerDetailsPage(
            principal: principal, csrf: session.csrfToken, profile: profile, tiers: services.catalog.tiers)
        return try await request.view.render("partner", page).encodeResponse(for: request)
    }

    @Sendable func editPartnerDetails(_ request: Request) async throws -> Response {
        try await partnerDetailsChange(request) { code, values, principal in
            let (draft, rows) = PartnerDetailsPage.details(values, code: code)
            try await ValidationFailure.naming({ PartnerDetailsPage.rename($0, list: "services", rows: rows) }) {
                _ = try await services.journeys.editDetails(
                    code, draft, keepingContacts: true, expectedVersion: Int(values["version"] ?? "") ?? -1,
                    by: principal)
            }
        }
    }

    @Sendable func editPartnerContacts(_ request: Request) async throws -> Response {
        try await partnerDetailsChange(request) { code, values, principal in
            let (contacts, rows) = PartnerDetailsPage.contacts(values)
            try await ValidationFailure.naming({ PartnerDetailsPage.rename($0, list: "contacts", rows: rows) }) {
                _ = try await services.journeys.editContacts(
                    code, contacts, expectedVersion: Int(values["version"] ?? "") ?? -1, by: principal)
            }
        }
    }

    @Sendable func partnerJourney(_ request: Request) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        let profile = try await services.journeys.profile(try partnerCode(request), as: principal)
        let page = PartnerJourneyPage(principal: principal, csrf: session.csrfToken, profile: profile)
        return try await request.view.render("partner-journey", page).encodeResponse(for: request)
    }

    @Sendable func giveEvidence(_ request: Request) async throws -> Response {
        try await journeyChange(request) { code, values, principal, version in
            let requirement = values["requirement"] ?? ""
            try await ValidationFailure.naming({ Self.evidenceField($0, requirement) }) {
                _ = try await services.journeys.submitEvidence(
                    code, requirement, description: values["description"] ?? "",
                    links: (values["links"] ?? "").split(whereSeparator: \.isNewline).map(String.init),
                    expectedVersion: version, by: principal)
            }
        }
    }

    @Sendable func reviewEvidence(_ request: Request) async throws -> Response {
        try await journeyChange(request) { code, values, principal, version in
            let requirement = values["requirement"] ?? ""
            try await ValidationFailure.naming({ Self.evidenceField($0, requirement) }) {
                _ = try await services.journeys.reviewEvidence(
                    code, requirement, decision: values["decision"] ?? "", comment: values["comment"],
                    expectedVersion: version, by: principal)
            }
        }
    }

    @Sendable func movePartner(_ request: Request) async throws -> Response {
        try await journeyChange(request) { code, values, principal, version in
            try await ValidationFailure.naming({ $0.hasPrefix("plan") ? "planFirst" : $0 }) {
                _ = try await services.journeys.move(
                    code, to: values["status"] ?? "", reason: values["reason"],
                    plan: try PartnerJourneyPage.plan(values), expectedVersion: version, by: principal)
            }
        }
    }

    @Sendable func recordCheckIn(_ request: Request) async throws -> Response {
        try await journeyChange(request) { code, values, principal, version in
            try await ValidationFailure.naming({ PartnerDetailsPage.rename($0, list: "actions", rows: nil) }) {
                _ = try await services.journeys.recordCheckIn(
                    code, PartnerJourneyPage.checkIn(values), expectedVersion: version, by: principal)
            }
        }
    }

    @Sendable func completePartnerAction(_ request: Request) async throws -> Response {
        let action = try request.uuidParameter("actionID")
        return try await journeyChange(request) { code, _, principal, version in
            _ = try await services.journeys.completeAction(code, action, expectedVersion: version, by: principal)
        }
    }

    /// An evidence form's field as the page names it: each requirement has its own form.
    private static func evidenceField(_ field: String, _ requirement: String) -> String {
        let base = field.hasPrefix("links") ? "links" : field
        if base == "requirement" { return "\(requirement)-title" }
        return ["description", "links", "decision", "comment"].contains(base) ? "\(requirement)-\(base)" : field
    }

    private func partnerCode(_ request: Request) throws -> String {
        guard let code = request.parameters.get("partnerCode") else { throw ServiceError.notFound }
        return code
    }

    /// A change from a partner's details page: back to it when made, or the page again with what was typed.
    private func partnerDetailsChange(
        _ request: Request,
        _ change: @Sendable @escaping (String, [String: String], Principal) async throws -> Void
    ) async throws -> Response {
        let code = try partnerCode(request)
        return try await formChange(request, record: "partner") { principal, values in
            try await change(code, values, principal)
            return SiteURL.partner(.value(code)).path
        } showAgain: { principal, session, values, errors in
            let page = PartnerDetailsPage(
                principal: principal, csrf: session.csrfToken,
                profile: try await services.journeys.profile(code, as: principal), tiers: services.catalog.tiers,
                values: values, errors: errors)
            return try await request.view.render("partner", page).encodeResponse(
                status: .unprocessableEntity, for: request)
        }
    }

    /// The page a journey change comes from, and goes back to.
    enum JourneyPage {
        case onboarding
        case reviews
        case review(UUID)

        func path(_ code: String) -> String {
            switch self {
            case .onboarding: SiteURL.partnerJourney(.value(code)).path
            case .reviews: SiteURL.partnerReviews(.value(code)).path
            case .review(let id): SiteURL.partnerReview(.value(code), .value(id.uuidString.lowercased())).path
            }
        }
    }

    /// A change from one of a partner's pages: back to it when made, or the page again with what was typed.
    private func journeyChange(
        _ request: Request, on page: JourneyPage = .onboarding,
        _ change: @Sendable @escaping (String, [String: String], Principal, Int) async throws -> Void
    ) async throws -> Response {
        let code = try partnerCode(request)
        return try await formChange(request, record: "partner") { principal, values in
            try await change(code, values, principal, Int(values["version"] ?? "") ?? -1)
            // An action marked done on a review's page goes back there.
            if let back = values["returnTo"], back.hasPrefix("/partners/\(code)/reviews/") { return back }
            return page.path(code)
        } showAgain: { principal, session, values, errors in
            switch page {
            case .onboarding:
                let shown = PartnerJourneyPage(
                    principal: principal, csrf: session.csrfToken,
                    profile: try await services.journeys.profile(code, as: principal), values: values, errors: errors)
                return try await request.view.render("partner-journey", shown).encodeResponse(
                    status: .unprocessableEntity, for: request)
            case .reviews:
                let shown = ServiceReviewsPage(
                    principal: principal, csrf: session.csrfToken,
                    profile: try await services.journeys.profile(code, as: principal), values: values, errors: errors)
                return try await request.view.render("service-reviews", shown).encodeResponse(
                    status: .unprocessableEntity, for: request)
            case .review(let id):
                let found = try await services.journeys.review(code, id, as: principal)
                let shown = ServiceReviewPage(
                    principal: principal, csrf: session.csrfToken, profile: found.profile, review: found.review,
                    pack: found.pack, at: services.clock.now(), values: values, errors: errors)
                return try await request.view.render("service-review", shown).encodeResponse(
                    status: .unprocessableEntity, for: request)
            }
        }
    }
}
