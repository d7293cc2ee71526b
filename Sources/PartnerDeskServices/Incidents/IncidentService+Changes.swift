import Foundation
import PartnerDeskDomain

extension IncidentService {
    /// Corrects fields of the data set. Only the fields present in `changes` change; the merged whole is
    /// checked again, patient-data guard included. `expectedVersion` must match the stored version.
    public func update(
        _ id: Incident.ID, changes: IncidentReportDraft, expectedVersion: Int, by principal: Principal
    ) async throws -> IncidentView {
        let now = clock.now()
        return try await change(id, action: .updateIncident, expectedVersion: expectedVersion, by: principal) {
            incident, partner, maskings in
            let current = IncidentReportDraft(incident.report, services: partner.services)
            let merged = current.merging(changes)
            let report = try merged.validated(services: partner.services, now: now)
            let changed = current.differences(from: merged)
            guard !changed.isEmpty else { return [] }
            (incident.report, maskings) = report.maskingSensitiveText()
            incident.updatedAt = now
            incident.version += 1
            return [(.updated(fields: changed), .public, nil)]
        }
    }

    /// Moves an incident on by one step of the process.
    public func transition(
        _ id: Incident.ID, _ request: IncidentTransitionDraft, expectedVersion: Int, by principal: Principal
    ) async throws -> IncidentView {
        let transition = try request.validated()
        let action: AccessAction =
            switch transition.action {
            case .provideInformation: .provideInformation
            // Problem managers link incidents to problems without triaging them otherwise.
            case .linkToProblem where AccessPolicy.permits(principal, .manageProblems):
                .manageProblems
            default: .triageIncident
            }
        // The role first: whether a problem exists is for those who may act here.
        try Authorization.require(principal, action)
        if case .linkToProblem(let reference) = transition, try await !problemExists(reference) {
            throw ValidationFailure([
                ValidationIssue(field: "problem", code: "not_found", message: "There is no problem \(reference).")
            ])
        }
        let note = request.note?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let note { try PatientDataGuard().check([("note", note)]) }
        let visibility: IncidentEvent.Visibility = request.internal == true ? .internal : .public
        if visibility == .internal, principal.role.isPartnerRole { throw ServiceError.forbidden }
        let now = clock.now()
        let catalog = self.catalog
        return try await change(id, action: action, expectedVersion: expectedVersion, by: principal) {
            incident, partner, maskings in
            let from = incident.status
            // The note is masked before it is applied: a resolution keeps it as its summary.
            let masked = note.map { Self.masker(for: incident).mask($0, field: "note") }
            maskings = masked?.maskings ?? []
            var request = request
            request.note = masked?.text
            do {
                try incident.apply(request.validated(), at: now, tier: catalog.tier(partner.tierID))
            } catch let error as IncidentTransitionError {
                throw ServiceError.invalidTransition(error.description)
            }
            let text = masked?.text.isEmpty == false ? masked?.text : nil
            return [(.transition(transition.action, from: from, to: incident.status), visibility, text)]
        }
    }

    private func problemExists(_ text: String) async throws -> Bool {
        guard let reference = ProblemReference(text) else { return false }
        return try await store.repositories.problems.find(reference: reference) != nil
    }

    /// Adds a comment: public (the partner sees it) or internal (staff only).
    public func comment(
        _ id: Incident.ID, text: String, visibility: IncidentEvent.Visibility, by principal: Principal
    ) async throws -> CommentOutcome {
        var check = ValidationCollector()
        let cleaned = check.requiredText("text", text, label: "comment", maxLength: 5_000, lines: .multiple)
        try check.finish()
        let trimmed = cleaned ?? text
        try PatientDataGuard().check([("text", trimmed)])
        let action: AccessAction = visibility == .internal ? .internalNotes : .commentOnIncident
        let now = clock.now()
        let ids = self.ids
        return try await store.transaction { repositories in
            let incident = try await visibleIncident(
                id, principal: principal, action: action, repositories: repositories)
            let masked = Self.masker(for: incident).mask(trimmed, field: "text")
            let event = IncidentEvent(
                id: .init(ids.make()), incidentID: incident.id, at: now, kind: .comment, visibility: visibility,
                actorName: principal.displayName, actorRole: principal.role, note: masked.text
            )
            try await repositories.incidents.append([event])
            let added = FieldChange(
                field: visibility == .internal ? "internalNote" : "comment", before: nil,
                after: FieldChange.textSummary(masked.text))
            try await audit.append(
                AuditRecord(
                    principal: principal, action: "incident.comment", outcome: .succeeded,
                    target: incident.reference.description
                ).about(incident.auditSubject, changes: [added]),
                in: repositories)
            if !masked.maskings.isEmpty {
                try await audit.append(
                    .masked(
                        masked.maskings, by: principal, in: incident.auditSubject,
                        target: incident.reference.description),
                    in: repositories)
            }
            return CommentOutcome(event: event, maskings: masked.maskings)
        }
    }

    /// Masks secrets and other people's personal data in text about an incident; the address of the user it is
    /// about may stay.
    static func masker(for incident: Incident) -> SensitiveTextMasker {
        SensitiveTextMasker(allowedEmailAddresses: [incident.report.userEmail.description])
    }

    /// Loads, checks access and version, lets `body` change the incident and name its events, then stores the
    /// incident and the events in one transaction.
    private func change(
        _ id: Incident.ID, action: AccessAction, expectedVersion: Int, by principal: Principal,
        _ body:
            @escaping @Sendable (inout Incident, Partner, inout [TextMasking]) throws -> [(
                IncidentEvent.Kind, IncidentEvent.Visibility, String?
            )]
    ) async throws -> IncidentView {
        let now = clock.now()
        let ids = self.ids
        return try await store.transaction { repositories in
            var incident = try await visibleIncident(
                id, principal: principal, action: action, repositories: repositories)
            let before = incident
            guard incident.version == expectedVersion else {
                throw ServiceError.versionMismatch(currentVersion: incident.version)
            }
            guard let partner = try await repositories.partners.find(id: incident.partnerID) else {
                throw ServiceError.notFound
            }
            var maskings: [TextMasking] = []
            let kinds = try body(&incident, partner, &maskings)
            let events = kinds.map { kind, visibility, note in
                IncidentEvent(
                    id: .init(ids.make()), incidentID: incident.id, at: now, kind: kind, visibility: visibility,
                    actorName: principal.displayName, actorRole: principal.role, note: note
                )
            }
            var view = try await record(
                incident, before: before, by: principal, expectedVersion: expectedVersion, partner: partner,
                events: events, at: now, repositories: repositories)
            if !maskings.isEmpty, !events.isEmpty {
                try await audit.append(
                    .masked(maskings, by: principal, in: incident.auditSubject, target: incident.reference.description),
                    in: repositories)
                view.maskings = maskings
            }
            return view
        }
    }

    /// Stores a changed incident with the events that changed it, inside the caller's transaction, writes the
    /// change to the audit log (what changed since `before`, and the note as its reason), and writes the
    /// partner's notifications for the desk's decisions among them: committed together or not at all.
    func record(
        _ incident: Incident, before: Incident, by principal: Principal, expectedVersion: Int, partner: Partner,
        events: [IncidentEvent], at now: Date, repositories: any Repositories
    ) async throws -> IncidentView {
        let result = view(incident, partner: partner, at: now)
        guard !events.isEmpty else { return result }
        try await repositories.incidents.update(
            incident, expectedVersion: expectedVersion,
            schedule: Self.schedule(incident, at: now, catalog: catalog, tierID: partner.tierID), events: events)
        try await ServiceReportService.requestReviews(
            of: [.partner(incident.partnerID), .wholeService],
            spanning: [
                before.raisedAt, incident.raisedAt, before.clock.stoppedAt ?? now, incident.clock.stoppedAt ?? now,
            ], at: now, calendar: catalog.calendar(ServiceLevelTier.silver.id), in: repositories)
        let action: String =
            switch events[0].kind {
            case .transition(let step, _, _): "incident.\(step.rawValue)"
            case .updated: "incident.update"
            default: "incident.change"
            }
        try await audit.append(
            .change(
                action, by: principal, from: before, to: incident, reason: events.compactMap(\.note).first,
                target: incident.reference.description),
            in: repositories)
        for event in events {
            guard case .transition(let action, _, _) = event.kind,
                let notification = IncidentNotice.Event.caused(by: action)
            else { continue }
            try await planner.plan(
                notification, incident: incident, partner: partner,
                note: event.visibility == .public ? event.note : nil, at: now, due: result.sla?.due,
                repositories: repositories)
        }
        return result
    }
}
