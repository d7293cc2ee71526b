import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// `/api/v1/partners`: partners' details and contacts, and each partner's way to live (onboarding evidence,
/// status moves, early-live check-ins). A partner's callers reach only their own organisation.
extension APIOperations {
    func listPartners(_ input: Operations.ListPartners.Input) async throws -> Operations.ListPartners.Output {
        let lines = try await services.journeys.overview(as: try APIRequest.request.principal)
        return .ok(
            .init(
                body: .json(
                    try lines.map { line in
                        .init(
                            code: line.partner.code.value, name: line.partner.name,
                            status: try .documented(line.partner.status.rawValue), tierID: line.partner.tierID,
                            missingEvidence: try line.missing.map { try .documented($0.rawValue) },
                            awaitingReview: line.awaitingReview, nextCheckIn: line.nextCheckIn?.description)
                    })))
    }

    func getPartner(_ input: Operations.GetPartner.Input) async throws -> Operations.GetPartner.Output {
        let partner = try await services.journeys.profile(input.path.partnerCode, as: try APIRequest.request.principal)
            .partner
        return .ok(.init(headers: .init(eTag: IfMatch.etag(partner.version)), body: .json(try .init(partner))))
    }

    func updatePartner(_ input: Operations.UpdatePartner.Input) async throws -> Operations.UpdatePartner.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let draft = PartnerDraft(
            code: input.path.partnerCode, name: body.name, tierID: body.tierID,
            services: body.services.map { .init(name: $0.name, clientID: $0.clientID) },
            contacts: body.contacts.map(PartnerDraft.Contact.init), hoursOfOperation: body.hoursOfOperation)
        let partner = try await services.journeys.editDetails(
            input.path.partnerCode, draft, expectedVersion: try IfMatch.version(input.headers.ifMatch),
            by: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(partner.version)), body: .json(try .init(partner))))
    }

    func replacePartnerContacts(_ input: Operations.ReplacePartnerContacts.Input) async throws
        -> Operations.ReplacePartnerContacts.Output
    {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let partner = try await services.journeys.editContacts(
            input.path.partnerCode, body.contacts.map(PartnerDraft.Contact.init),
            expectedVersion: try IfMatch.version(input.headers.ifMatch), by: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(partner.version)), body: .json(try .init(partner))))
    }

    func getPartnerHistory(_ input: Operations.GetPartnerHistory.Input) async throws
        -> Operations.GetPartnerHistory.Output
    {
        let profile = try await services.journeys.profile(input.path.partnerCode, as: try APIRequest.request.principal)
        return .ok(
            .init(
                body: .json(
                    profile.history.map { entry in
                        .init(
                            at: entry.at, action: entry.action, by: entry.actorName,
                            changes: entry.changes.map { .init(field: $0.field, before: $0.before, after: $0.after) },
                            reason: entry.reason)
                    })))
    }

    func getPartnerJourney(_ input: Operations.GetPartnerJourney.Input) async throws
        -> Operations.GetPartnerJourney.Output
    {
        let profile = try await services.journeys.profile(input.path.partnerCode, as: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(profile.journey.version)), body: .json(try .init(profile))))
    }

    func submitEvidence(_ input: Operations.SubmitEvidence.Input) async throws -> Operations.SubmitEvidence.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let profile = try await services.journeys.submitEvidence(
            input.path.partnerCode, body.requirement, description: body.description, links: body.links ?? [],
            expectedVersion: try IfMatch.version(input.headers.ifMatch), by: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(profile.journey.version)), body: .json(try .init(profile))))
    }

    func reviewEvidence(_ input: Operations.ReviewEvidence.Input) async throws -> Operations.ReviewEvidence.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let profile = try await services.journeys.reviewEvidence(
            input.path.partnerCode, body.requirement, decision: body.decision.rawValue, comment: body.comment,
            expectedVersion: try IfMatch.version(input.headers.ifMatch), by: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(profile.journey.version)), body: .json(try .init(profile))))
    }

    func movePartner(_ input: Operations.MovePartner.Input) async throws -> Operations.MovePartner.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let plan = try body.plan.map { plan in
            CheckInPlan(
                first: try CheckInPlan.Cadence.inBody(plan.first.rawValue), firstWeeks: plan.firstWeeks,
                then: try CheckInPlan.Cadence.inBody(plan.then.rawValue))
        }
        let profile = try await services.journeys.move(
            input.path.partnerCode, to: body.status, reason: body.reason, plan: plan,
            expectedVersion: try IfMatch.version(input.headers.ifMatch), by: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(profile.journey.version)), body: .json(try .init(profile))))
    }

    func recordCheckIn(_ input: Operations.RecordCheckIn.Input) async throws -> Operations.RecordCheckIn.Output {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let draft = CheckIn.Draft(
            heldOn: body.heldOn, notes: body.notes,
            actions: (body.actions ?? []).map { .init(text: $0.text, owner: $0.owner, dueOn: $0.dueOn) })
        let profile = try await services.journeys.recordCheckIn(
            input.path.partnerCode, draft, expectedVersion: try IfMatch.version(input.headers.ifMatch),
            by: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(profile.journey.version)), body: .json(try .init(profile))))
    }

    func completePartnerAction(_ input: Operations.CompletePartnerAction.Input) async throws
        -> Operations.CompletePartnerAction.Output
    {
        let profile = try await services.journeys.completeAction(
            input.path.partnerCode, try UUID.inPath(input.path.actionID),
            expectedVersion: try IfMatch.version(input.headers.ifMatch), by: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(profile.journey.version)), body: .json(try .init(profile))))
    }
}

extension CheckInPlan.Cadence {
    /// A cadence the document lists (the generated enum has them all, so this never fails in practice).
    static func inBody(_ text: String) throws -> Self {
        guard let cadence = Self(rawValue: text) else {
            throw ValidationFailure([
                ValidationIssue(field: "plan", code: "unknown_value", message: "'\(text)' is not a cadence.")
            ])
        }
        return cadence
    }
}

extension PartnerDraft.Contact {
    init(_ contact: Components.Schemas.PartnerContact) {
        self.init(role: contact.role.rawValue, name: contact.name, email: contact.email, phone: contact.phone)
    }
}

extension Components.Schemas.ActorEntry {
    init(_ actor: ActedBy) {
        self.init(name: actor.name, role: actor.role.rawValue)
    }
}

extension Components.Schemas.Partner {
    init(_ partner: PartnerDeskDomain.Partner) throws {
        self.init(
            id: partner.id.description, code: partner.code.value, name: partner.name,
            status: try .documented(partner.status.rawValue), tierID: partner.tierID,
            services: partner.services.map { .init(name: $0.name, clientID: $0.clientID) },
            contacts: try partner.contacts.map {
                .init(role: try .documented($0.role.rawValue), name: $0.name, email: $0.email.value, phone: $0.phone)
            },
            hoursOfOperation: partner.hoursOfOperation.shortForm, hours: partner.hoursOfOperation.summary,
            registeredAt: partner.registeredAt, version: partner.version)
    }
}

extension Components.Schemas.PartnerJourney {
    init(_ profile: PartnerProfile) throws {
        let journey = profile.journey
        let current = journey.currentEarlyLive
        self.init(
            partner: profile.partner.code.value, status: try .documented(profile.partner.status.rawValue),
            evidence: try journey.evidence.map { item in
                .init(
                    requirement: try .documented(item.requirement.rawValue), title: item.requirement.title,
                    asks: item.requirement.asks, required: item.requirement.isRequired,
                    state: try .documented(item.state.rawValue), description: item.description, links: item.links,
                    history: try item.history.map { step in
                        .init(
                            at: step.at, by: .init(step.by), state: try .documented(step.state.rawValue),
                            text: step.text, links: step.links)
                    })
            },
            missingEvidence: try journey.missing.map { try .documented($0.rawValue) },
            moves: try journey.moves.map { move in
                .init(
                    at: move.at, by: .init(move.by), from: try .documented(move.from.rawValue),
                    to: try .documented(move.to.rawValue), reason: move.reason,
                    missingEvidence: try move.missing.map { try .documented($0.rawValue) })
            },
            earlyLivePeriods: try journey.earlyLivePeriods.map { period in
                .init(
                    startedOn: period.startedOn.description, endedOn: period.endedOn?.description,
                    plan: .init(
                        first: try .documented(period.plan.first.rawValue), firstWeeks: period.plan.firstWeeks,
                        then: try .documented(period.plan.then.rawValue), summary: period.plan.summary),
                    nextCheckIn: period == current ? profile.nextCheckIn?.description : nil,
                    checkIns: period.checkIns.map { checkIn in
                        .init(
                            id: checkIn.id.uuidString.lowercased(), heldOn: checkIn.heldOn.description,
                            notes: checkIn.notes,
                            actions: checkIn.actions.map { .init($0, today: profile.today) },
                            recordedBy: .init(checkIn.recordedBy), recordedAt: checkIn.recordedAt)
                    })
            },
            reviewCadence: try journey.reviewCadence.map { try .documented($0.rawValue) },
            nextReviewDue: journey.nextReviewDue(today: profile.today, calendar: profile.calendar)?.description,
            reviews: try journey.reviews.map { try .init($0, today: profile.today) },
            version: journey.version)
    }
}
