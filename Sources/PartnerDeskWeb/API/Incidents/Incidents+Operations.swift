import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// `/api/v1/incidents`: raise, read, list, correct, move on, comment and read the history of incidents.
extension APIOperations {
    func raiseIncident(_ input: Operations.RaiseIncident.Input) async throws -> Operations.RaiseIncident.Output {
        let draft =
            switch input.body {
            case .json(let body): body.draft
            }
        let incident = try await created(
            key: input.headers.idempotencyKey, location: { "/api/v1/incidents/\($0.id)" },
            render: { try Components.Schemas.Incident($0) },
            create: { try await services.incidents.raise(draft, by: $0, idempotency: $1, render: $2) })
        return .created(
            .init(
                headers: .init(
                    location: incident.location, idempotentReplayed: incident.replayed,
                    eTag: IfMatch.etag(incident.body.version)),
                body: .json(incident.body)))
    }

    func getIncident(_ input: Operations.GetIncident.Input) async throws -> Operations.GetIncident.Output {
        let view = try await services.incidents.view(
            try Incident.ID.inPath(input.path.incidentID), as: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(view.incident.version)), body: .json(try .init(view))))
    }

    func listIncidents(_ input: Operations.ListIncidents.Input) async throws -> Operations.ListIncidents.Output {
        let principal = try APIRequest.request.principal
        let given = input.query
        let query = try await IncidentListParameters.query(
            from: .init(
                status: given.status, severity: given.severity, partner: given.partner, breached: given.breached,
                dueBefore: given.dueBefore, q: given.q, sort: given.sort, limit: given.limit, cursor: given.cursor),
            now: services.clock.now(), partners: services.partners, principal: principal)
        let (views, next) = try await services.incidents.list(query, as: principal)
        return .ok(
            .init(
                body: .json(
                    .init(
                        items: try views.map { try Components.Schemas.Incident($0) },
                        nextCursor: next.map(IncidentListParameters.encode)))))
    }

    func updateIncident(_ input: Operations.UpdateIncident.Input) async throws -> Operations.UpdateIncident.Output {
        let changes =
            switch input.body {
            case .json(let body): body.draft
            }
        let view = try await services.incidents.update(
            try Incident.ID.inPath(input.path.incidentID), changes: changes,
            expectedVersion: try IfMatch.version(input.headers.ifMatch), by: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(view.incident.version)), body: .json(try .init(view))))
    }

    func transitionIncident(_ input: Operations.TransitionIncident.Input) async throws
        -> Operations.TransitionIncident.Output
    {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let view = try await services.incidents.transition(
            try Incident.ID.inPath(input.path.incidentID), body.draft,
            expectedVersion: try IfMatch.version(input.headers.ifMatch), by: try APIRequest.request.principal)
        return .ok(.init(headers: .init(eTag: IfMatch.etag(view.incident.version)), body: .json(try .init(view))))
    }

    func commentOnIncident(_ input: Operations.CommentOnIncident.Input) async throws
        -> Operations.CommentOnIncident.Output
    {
        let body =
            switch input.body {
            case .json(let body): body
            }
        let outcome = try await services.incidents.comment(
            try Incident.ID.inPath(input.path.incidentID), text: body.text,
            visibility: body._internal == true ? .internal : .public, by: try APIRequest.request.principal)
        return .created(.init(body: .json(try .init(outcome.event, maskings: outcome.maskings))))
    }

    func incidentClock(_ input: Operations.IncidentClock.Input) async throws -> Operations.IncidentClock.Output {
        let story = try await services.incidents.clockStory(
            try Incident.ID.inPath(input.path.incidentID), as: try APIRequest.request.principal)
        return .ok(
            .init(
                body: .json(
                    .init(
                        sla: try story.map { try .init($0.status) },
                        lines: try story?.lines.map(Components.Schemas.ClockLine.init) ?? []))))
    }

    func incidentHistory(_ input: Operations.IncidentHistory.Input) async throws -> Operations.IncidentHistory.Output {
        let events = try await services.incidents.history(
            try Incident.ID.inPath(input.path.incidentID), as: try APIRequest.request.principal)
        return .ok(.init(body: .json(try events.map { try Components.Schemas.IncidentEvent($0) })))
    }

}

extension Components.Schemas.Incident {
    /// An incident as the API shows it, with its SLA state as of the answer.
    init(_ view: IncidentView) throws {
        let incident = view.incident
        let report = incident.report
        self.init(
            id: incident.id.description, reference: incident.reference.description,
            partnerID: incident.partnerID.description, status: try .documented(incident.status.rawValue),
            statusLabel: incident.status.label, severity: incident.severity?.level,
            suggestedSeverity: report.suggestedSeverity?.level, group: try .documented(incident.group.rawValue),
            service: view.serviceClientID, partnerReference: report.partnerReference, _type: report.type.rawValue,
            occurredAt: report.occurredAt, userEmail: report.userEmail.display, errorType: report.errorType,
            description: report.description, deviceType: report.deviceType.rawValue,
            operatingSystem: report.operatingSystem, operatingSystemVersion: report.operatingSystemVersion,
            errorCodes: report.errorCodes, checkedKnownProblems: report.checkedKnownProblems,
            suspectedProblem: report.suspectedProblem, alternativeContact: report.alternativeContact,
            linkedProblem: incident.linkedProblem,
            resolution: try incident.resolution.map {
                .init(kind: try .documented($0.kind.rawValue), summary: $0.summary)
            },
            raisedAt: incident.raisedAt, raisedBy: incident.raisedBy, updatedAt: incident.updatedAt,
            version: incident.version, tier: view.tier.id,
            sla: try view.sla.map(Components.Schemas.Sla.init),
            masked: try Components.Schemas.Masking.list(view.maskings))
    }
}

extension Components.Schemas.Sla {
    /// A clock's status as of the answer.
    init(_ status: SLAStatus) throws {
        self.init(
            state: try .documented(status.state.rawValue), targetSeconds: status.targetSeconds,
            elapsedSeconds: status.elapsedSeconds, remainingSeconds: status.remainingSeconds,
            shareUsed: status.shareUsed, dueAt: status.due ?? status.projectedDue, paused: status.isPaused,
            breached: status.state == .breached, warningsCrossed: status.crossedWarningThresholds)
    }
}

extension Components.Schemas.ClockLine {
    /// One line of a clock's story.
    init(_ line: SLAStory.Line) throws {
        switch line {
        case .event(let event):
            self.init(
                _type: .event, at: event.at, event: try .documented(event.kind.rawValue),
                targetSeconds: event.targetSeconds, previousTargetSeconds: event.previousTargetSeconds,
                reason: event.reason)
        case .stretch(let stretch):
            self.init(
                _type: .stretch, at: stretch.start, end: stretch.end, treatment: try .documented(stretch.kind.rawValue),
                countedSeconds: stretch.countedSeconds, totalSeconds: stretch.totalSeconds, names: stretch.names)
        }
    }
}

extension Components.Schemas.IncidentEvent {
    /// One entry of an incident's history; what was masked only in the answer to a new comment.
    init(_ event: IncidentEvent, maskings: [TextMasking] = []) throws {
        self.init(
            id: event.id.description, at: event.at, kind: .raised,
            visibility: try .documented(event.visibility.rawValue),
            actor: event.actorName, actorRole: event.actorRole.rawValue, note: event.note,
            masked: try Components.Schemas.Masking.list(maskings))
        switch event.kind {
        case .raised: kind = .raised
        case .comment: kind = .comment
        case .transition(let action, let from, let to):
            kind = .transition
            self.action = action.rawValue
            self.from = from.rawValue
            self.to = to.rawValue
        case .updated(let fields):
            kind = .updated
            self.fields = fields
        case .attachment(let fileName):
            kind = .attachment
            self.fileName = fileName
        }
    }
}

extension Components.Schemas.Masking {
    /// Sensitive text masked before it was stored: where, what and how many, and a sentence for the sender;
    /// `nil` (left out of the answer) when there were none.
    static func list(_ maskings: [TextMasking]) throws -> [Self]? {
        maskings.isEmpty
            ? nil
            : try maskings.map {
                let named = TextMasking(field: "the \($0.field) field", kind: $0.kind, count: $0.count)
                return .init(
                    field: $0.field, kind: try .documented($0.kind.rawValue), count: $0.count, message: named.message)
            }
    }
}

/// A transition as sent, the document's `Transition`; the Domain's draft checks it.
struct TransitionBody: Codable, Hashable, Sendable {
    var action: String
    var severity: Int?
    var resolution: String?
    var problem: String?
    var note: String?
    var `internal`: Bool?

    var draft: IncidentTransitionDraft {
        IncidentTransitionDraft(
            action: action, severity: severity, resolution: resolution, problem: problem, note: note,
            internal: `internal`)
    }
}
