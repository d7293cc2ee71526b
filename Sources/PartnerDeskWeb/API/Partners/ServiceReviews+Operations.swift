import Foundation
import OpenAPIRuntime
import PartnerDeskDomain
import PartnerDeskServices

/// `/api/v1/partners/{code}/service-reviews`: a partner's service reviews, scheduled at its cadence with a
/// prepared pack, their minutes and actions, and their invitations as iCalendar files.
extension APIOperations {
    func setReviewCadence(_ input: Operations.SetReviewCadence.Input) async throws -> Operations.SetReviewCadence.Output
    {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let profile = try await services.journeys.setReviewCadence(
            input.path.partnerCode, body.cadence.rawValue, expectedVersion: try IfMatch.version(input.headers.ifMatch),
            by: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(profile.journey.version)), body: .json(try .init(profile))))
    }

    func scheduleServiceReview(_ input: Operations.ScheduleServiceReview.Input) async throws
        -> Operations.ScheduleServiceReview.Output
    {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let draft = ServiceReview.Draft(
            startsAt: body.startsAt, endsAt: body.endsAt, location: body.location, firstMonth: body.firstMonth,
            lastMonth: body.lastMonth, agenda: body.agenda,
            attendees: body.attendees.map { .init(name: $0.name, organisation: $0.organisation, email: $0.email) })
        let profile = try await services.journeys.scheduleReview(
            input.path.partnerCode, draft, expectedVersion: try IfMatch.version(input.headers.ifMatch),
            by: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(profile.journey.version)), body: .json(try .init(profile))))
    }

    func getServiceReview(_ input: Operations.GetServiceReview.Input) async throws -> Operations.GetServiceReview.Output
    {
        let found = try await services.journeys.review(
            input.path.partnerCode, try UUID.inPath(input.path.reviewID), as: try APIRequest.request.principal)
        let pack = found.pack
        return .ok(
            .init(
                body: .json(
                    .init(
                        review: try .init(found.review, today: found.profile.today),
                        pack: .init(
                            reports: try pack.reports.map(Components.Schemas.ServiceReport.init),
                            openProblems: pack.openProblems.map {
                                .init(reference: $0.reference, title: $0.title, status: $0.status)
                            },
                            releases: pack.releases.map {
                                .init(name: $0.name, summary: $0.summary, plannedAt: $0.plannedAt)
                            },
                            maintenance: pack.maintenance.map {
                                .init(
                                    reference: $0.reference, summary: $0.summary, startsAt: $0.startsAt,
                                    endsAt: $0.endsAt)
                            },
                            openActions: pack.openActions.map { .init($0, today: found.profile.today) })))))
    }

    func recordServiceReviewMinutes(_ input: Operations.RecordServiceReviewMinutes.Input) async throws
        -> Operations.RecordServiceReviewMinutes.Output
    {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let profile = try await services.journeys.recordReview(
            input.path.partnerCode, try UUID.inPath(input.path.reviewID), minutes: body.minutes,
            actions: (body.actions ?? []).map { .init(text: $0.text, owner: $0.owner, dueOn: $0.dueOn) },
            expectedVersion: try IfMatch.version(input.headers.ifMatch), by: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(profile.journey.version)), body: .json(try .init(profile))))
    }

    func cancelServiceReview(_ input: Operations.CancelServiceReview.Input) async throws
        -> Operations.CancelServiceReview.Output
    {
        let profile = try await services.journeys.cancelReview(
            input.path.partnerCode, try UUID.inPath(input.path.reviewID),
            expectedVersion: try IfMatch.version(input.headers.ifMatch), by: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(profile.journey.version)), body: .json(try .init(profile))))
    }

    func getServiceReviewInvitation(_ input: Operations.GetServiceReviewInvitation.Input) async throws
        -> Operations.GetServiceReviewInvitation.Output
    {
        let found = try await services.journeys.review(
            input.path.partnerCode, try UUID.inPath(input.path.reviewID), as: try APIRequest.request.principal)
        let calendar = ServiceReviewInvitation.calendar(
            found.review, partner: found.profile.partner, sender: services.journeys.invitationSender,
            publicURL: services.journeys.publicURL, at: services.clock.now())
        return .ok(.init(body: .textCalendar(HTTPBody(calendar.text))))
    }
}

extension Components.Schemas.FollowUpAction {
    init(_ action: PartnerDeskDomain.FollowUpAction, today: LocalDate) {
        self.init(
            id: action.id.uuidString.lowercased(), text: action.text, owner: action.owner,
            dueOn: action.dueOn.description, overdue: action.isOverdue(today: today), doneAt: action.doneAt,
            doneBy: action.doneBy.map(Components.Schemas.ActorEntry.init))
    }
}

extension Components.Schemas.ServiceReview {
    init(_ review: PartnerDeskDomain.ServiceReview, today: LocalDate) throws {
        self.init(
            id: review.id.uuidString.lowercased(), number: review.number,
            status: try .documented(review.status.rawValue),
            startsAt: review.startsAt, endsAt: review.endsAt, location: review.location,
            firstMonth: review.firstMonth.description, lastMonth: review.lastMonth.description, agenda: review.agenda,
            attendees: review.attendees.map {
                .init(name: $0.name, organisation: $0.organisation, email: $0.email?.value)
            },
            minutes: review.minutes, actions: review.actions.map { .init($0, today: today) })
    }
}
