import Foundation
import PartnerDeskDomain

/// Higher Severity Service Incidents: declaring them, the Service Bridge's six steps, the Multi-Party
/// Intervention with its roll-call, status updates with the minimum data set, communications to affected
/// partners, the timeline export, partners' HSSI manager rotas, and the job that acts on missed deadlines.
///
/// Every deadline is worked out from the stored record (see ``HigherSeverityIncident/pendingDeadlines``);
/// the store keeps only the instant of the next one so the job can find it, whichever server runs it.
/// Messages go through the outbox in the transaction of the change that causes them.
public struct HSSIService: Sendable {
    let store: any UnitOfWork
    let ids: any IDGenerator
    let clock: any Clock
    let planner: NotificationPlanner
    let cadence: HSSIUpdateCadence
    let audit: AuditService
    let calendars = HoursCalendars()
    /// The London day this server last checked every partner's rota for gaps.
    let rotaCheckDay = RotaCheckDay()

    public init(
        store: any UnitOfWork, ids: any IDGenerator, clock: any Clock, planner: NotificationPlanner,
        audit: AuditService, cadence: HSSIUpdateCadence = .standard
    ) {
        self.audit = audit
        self.store = store
        self.ids = ids
        self.clock = clock
        self.planner = planner
        self.cadence = cadence
    }

    // MARK: Declaring

    /// Declares an HSSI. A partner's declaration is its notification to the platform: identified, notified and
    /// prioritised with the partner's severity. Staff declare on the platform's judgement, which then stands
    /// whatever the partner thinks; the partner's notification clock keeps running until the partner's
    /// identification and notification are recorded. The Service Bridge, the service managers and every affected partner's
    /// HSSI managers are told.
    public func declare(_ declaration: HSSIDeclaration, by principal: Principal) async throws -> HSSIView {
        guard case .created(let view, _) = try await declare(declaration, by: principal, idempotency: nil, render: nil)
        else { throw ServiceError.idempotencyKeyReused }
        return view
    }

    /// Declares an HSSI under an optional idempotency key (see ``declare(_:by:)``): a repeat of the same
    /// request answers as the first did.
    public func declare(
        _ declaration: HSSIDeclaration, by principal: Principal, idempotency: IdempotencyRequest?,
        render: (@Sendable (HSSIView) throws -> StoredResponse)?
    ) async throws -> CreateOutcome<HSSIView> {
        try Authorization.require(principal, .declareHSSI)
        let now = clock.now()
        var check = ValidationCollector()
        let occurredAt = instant(declaration.occurredAt, field: "occurredAt", required: true, now: now, into: &check)
        let identifiedAt = instant(
            declaration.identifiedAt, field: "identifiedAt", required: false, now: now, into: &check)
        let severity = declaration.severity
        if severity != 1 && severity != 2 {
            check.add("severity", "out_of_range", "An HSSI is severity 1 or 2.")
        }
        let category = HSSICategory(rawValue: declaration.category ?? "")
        if category == nil {
            check.add(
                "category", "unknown_value",
                "The category is potential_data_breach, wrong_information_shown or other.")
        }
        let repositories = store.repositories
        var incidentID: Incident.ID?
        var primary: Partner?
        if let text = declaration.incident?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            if let reference = IncidentReference(text),
                let incident = try await repositories.incidents.find(reference: reference),
                AccessPolicy.permits(principal, .readIncident, on: incident.owner)
            {
                incidentID = incident.id
                primary = try await repositories.partners.find(id: incident.partnerID)
            } else {
                check.add("incident", "not_found", "There is no incident with that reference that you can see.")
            }
        }
        var others: [Partner.ID] = []
        if principal.role.isPartnerRole {
            if let own = principal.partnerID, primary == nil { primary = try await repositories.partners.find(id: own) }
        } else {
            if primary == nil, let code = declaration.partner.flatMap(PartnerCode.init) {
                primary = try await repositories.partners.find(code: code)
            }
            if primary == nil { check.add("partner", "required", "Choose the partner whose service is affected.") }
            for text in declaration.affectedPartners ?? [] where !text.trimmingCharacters(in: .whitespaces).isEmpty {
                if let code = PartnerCode(text), let partner = try await repositories.partners.find(code: code) {
                    others.append(partner.id)
                } else {
                    check.add("affectedPartners", "not_found", "One of the affected partners is not known.")
                }
            }
        }
        let actor = Self.actor(principal)
        let party: HSSIAssessment.Party = principal.role.isPartnerRole ? .partner : .platform
        let declarer: HSSIDeclarer =
            principal.role.isPartnerRole
            ? .partner : principal.role == .serviceBridgeOperator ? .serviceBridge : .serviceDesk
        let issuesSoFar = check.issues
        guard let primary else { throw ValidationFailure(issuesSoFar) }
        let (affected, originating) = (others, incidentID)
        let ids = self.ids
        return try await store.creating(idempotency: idempotency, render: render, at: now) { repositories in
            var hssi: HigherSeverityIncident
            do {
                hssi = try HigherSeverityIncident(
                    id: .init(ids.make()), reference: try await repositories.hssis.nextReference(),
                    primaryPartnerID: primary.id,
                    affectedPartnerIDs: affected, originatingIncidentID: originating, title: declaration.title ?? "",
                    description: declaration.description ?? "", declaredBy: declarer, occurredAt: occurredAt ?? now,
                    recordedBy: actor, now: now)
            } catch let failure as ValidationFailure {
                throw ValidationFailure(issuesSoFar + failure.issues)
            }
            if !issuesSoFar.isEmpty { throw ValidationFailure(issuesSoFar) }
            if party == .partner {
                try hssi.record(.identify, at: identifiedAt ?? now, by: actor, now: now)
                try hssi.record(.notifyPlatform, at: now, by: actor, now: now)
                try hssi.record(
                    .prioritise(party: party, severityLevel: severity ?? 0, category: category ?? .other), at: now,
                    by: actor, now: now)
            } else {
                // The platform's judgement is recorded; the partner's identification and notification (and so its
                // 30-minute clock) stay the partner's to record, or the Bridge's on its behalf.
                try hssi.assess(
                    party: party, severityLevel: severity ?? 0, category: category ?? .other, at: now, by: actor,
                    now: now)
            }
            try await repositories.hssis.create(hssi, nextDeadlineAt: nil)
            try await audit.append(
                .change("hssi.declare", by: principal, from: nil, to: hssi, target: hssi.reference.description),
                in: repositories)
            let partners = try await Self.partners(of: hssi, in: repositories)
            var links: [HSSIMessageLink] = []
            for partner in partners {
                links += try await enqueue(
                    .declared, hssi: hssi, to: Self.hssiManagers(of: partner, in: repositories), partnerID: partner.id,
                    body: "A Higher Severity Service Incident affecting your service has been declared. Your HSSI "
                        + "manager must take part until it is resolved.",
                    at: now, in: repositories)
            }
            var body = "A Higher Severity Service Incident has been declared by \(declarer.label.lowercased())."
            let compliance = hssi.notificationCompliance(
                hours: try await calendar(forPrimaryOf: hssi, in: repositories), now: now)
            if case .late(let seconds) = compliance.timeliness {
                body +=
                    " The partner's notification is late: it came \(seconds / 60) minutes after the 30 minutes "
                    + "allowed within its hours of operation."
            }
            links += try await enqueue(
                .declared, hssi: hssi, to: try await Self.bridge(in: repositories), partnerID: nil, body: body,
                at: now, in: repositories)
            return try await save(hssi, previousVersion: nil, links: links, at: now, in: repositories, as: principal)
        }
    }

    // MARK: Reading

    /// The HSSIs the caller may see, newest first (a partner: those affecting it).
    public func list(as principal: Principal) async throws -> [HSSIView] {
        try Authorization.require(principal, .readHSSI)
        let now = clock.now()
        var views: [HSSIView] = []
        for hssi in try await store.repositories.hssis.list()
        where AccessPolicy.permits(principal, .readHSSI, on: hssi.owner) {
            views.append(try await makeView(hssi, at: now, in: store.repositories, as: principal, withMessages: false))
        }
        return views
    }

    /// One HSSI; another partner's reads as missing.
    public func view(_ id: HigherSeverityIncident.ID, as principal: Principal) async throws -> HSSIView {
        let hssi = try Authorization.require(principal, .readHSSI, on: try await store.repositories.hssis.find(id: id))
        return try await makeView(hssi, at: clock.now(), in: store.repositories, as: principal, withMessages: true)
    }

    /// One HSSI by reference, for a caller about to perform `action` on it (reading, by default): a caller whose
    /// role never allows the action is refused before the lookup; another partner's reads as missing.
    public func view(reference: HSSIReference, as principal: Principal, for action: AccessAction = .readHSSI)
        async throws -> HSSIView
    {
        try Authorization.require(principal, action)
        let hssi = try Authorization.require(
            principal, .readHSSI, on: try await store.repositories.hssis.find(reference: reference))
        return try await makeView(hssi, at: clock.now(), in: store.repositories, as: principal, withMessages: true)
    }

    // MARK: Changing

    /// Takes the next step of the process. The partner identifies and notifies (and may prioritise); the
    /// Service Bridge takes every step. Sending communications is done with ``communicate(_:message:by:)``.
    public func step(
        _ id: HigherSeverityIncident.ID, _ request: HSSIStepRequest, expectedVersion: Int, by principal: Principal
    ) async throws -> HSSIView {
        let now = clock.now()
        var check = ValidationCollector()
        let at = instant(request.at, field: "at", required: false, now: now, into: &check) ?? now
        let party: HSSIAssessment.Party = principal.role.isPartnerRole ? .partner : .platform
        let step: HSSIStep? =
            switch request.step {
            case "identify": .identify
            case "notify_platform": .notifyPlatform
            case "prioritise":
                .prioritise(
                    party: party, severityLevel: request.severity ?? 0,
                    category: HSSICategory(rawValue: request.category ?? "") ?? .other)
            case "notify_bridge": .notifyBridge
            case "engage_devops": .engageDevOps
            case "resolve": .resolve
            case "close": .close
            default: nil
            }
        guard let step else {
            throw ValidationFailure([
                ValidationIssue(
                    field: "step", code: "unknown_value",
                    message: "The step is identify, notify_platform, prioritise, notify_bridge, engage_devops, "
                        + "resolve or close (communications are sent with their own request).")
            ])
        }
        if case .prioritise = step, HSSICategory(rawValue: request.category ?? "") == nil {
            check.add(
                "category", "unknown_value", "The category is potential_data_breach, wrong_information_shown or other.")
        }
        try check.finish()
        let action: AccessAction =
            switch step {
            case .identify, .notifyPlatform, .prioritise: .respondToHSSI
            default: .runHSSI
            }
        return try await change(id, action: action, expectedVersion: expectedVersion, by: principal) { hssi, now in
            try hssi.record(step, at: at, by: Self.actor(principal), note: request.note, now: now)
            return []
        }
    }

    /// Records the caller's side's judgement (the partner's, or the platform's, which then stands).
    public func assess(
        _ id: HigherSeverityIncident.ID, severity: Int?, category: String?, expectedVersion: Int,
        by principal: Principal
    ) async throws -> HSSIView {
        guard let category = HSSICategory(rawValue: category ?? "") else {
            throw ValidationFailure([
                ValidationIssue(
                    field: "category", code: "unknown_value",
                    message: "The category is potential_data_breach, wrong_information_shown or other.")
            ])
        }
        let party: HSSIAssessment.Party = principal.role.isPartnerRole ? .partner : .platform
        let action: AccessAction = party == .partner ? .respondToHSSI : .runHSSI
        return try await change(id, action: action, expectedVersion: expectedVersion, by: principal) { hssi, now in
            try hssi.assess(
                party: party, severityLevel: severity ?? 0, category: category, at: now, by: Self.actor(principal),
                now: now)
            return []
        }
    }

    /// The Service Bridge convenes the Multi-Party Intervention: every affected partner's on-duty HSSI
    /// managers (or its HSSI manager contact) are invited by e-mail with the joining details, and have 30
    /// minutes to join.
    public func convene(
        _ id: HigherSeverityIncident.ID, joiningDetails: String, at text: String? = nil, expectedVersion: Int,
        by principal: Principal
    ) async throws -> HSSIView {
        let now = clock.now()
        var check = ValidationCollector()
        let at = instant(text, field: "at", required: false, now: now, into: &check) ?? now
        try check.finish()
        return try await change(id, action: .runHSSI, expectedVersion: expectedVersion, by: principal) {
            hssi, now, repositories in
            let partners = try await Self.partners(of: hssi, in: repositories)
            var rotas: [HSSIManagerRota] = []
            for partner in partners {
                let entries = try await repositories.hssis.rotaEntries(partnerID: partner.id).map(\.entry)
                rotas.append(HSSIManagerRota(partnerID: partner.id, entries: entries))
            }
            try hssi.convene(
                at: at, by: Self.actor(principal), joiningDetails: joiningDetails, partners: partners, rotas: rotas,
                now: now)
            var links: [HSSIMessageLink] = []
            for invitation in hssi.intervention?.invitations ?? [] {
                let joinBy = NotificationComposer.londonTime(invitation.joinDeadline)
                links += try await enqueue(
                    .invitation, hssi: hssi, to: invitation.invitees.map(\.email), partnerID: invitation.partnerID,
                    body: "The Service Bridge has convened a Multi-Party Intervention. Join by \(joinBy), then "
                        + "acknowledge and record that you joined on the HSSI's page.\n\nJoining details:\n"
                        + joiningDetails,
                    at: now, in: repositories)
            }
            return links
        }
    }

    /// Records that someone from a partner acknowledged the invitation (`joined` false) or joined the
    /// intervention. A partner's people answer for their own organisation; the Service Bridge may record an
    /// answer given by telephone for the partner named. Answers do not need the caller's last version: they
    /// record a fact, and a concurrent change is retried.
    public func answerInvitation(
        _ id: HigherSeverityIncident.ID, joined: Bool, partner code: String? = nil, by principal: Principal
    ) async throws -> HSSIView {
        let hssis = store.repositories.hssis
        // The record first: an answer about an HSSI the caller cannot see is refused before its details.
        var current = try Authorization.require(principal, .respondToHSSI, on: try await hssis.find(id: id))
        var partnerID = principal.partnerID
        if !principal.role.isPartnerRole {
            try Authorization.require(principal, .runHSSI)
            partnerID = nil
            if let code = code.flatMap(PartnerCode.init) {
                partnerID = try await store.repositories.partners.find(code: code)?.id
            }
        }
        guard let partnerID else {
            throw ValidationFailure([
                ValidationIssue(field: "partner", code: "required", message: "Name the partner whose answer this is.")
            ])
        }
        for attempt in 1...3 {
            if attempt > 1 {
                current = try Authorization.require(principal, .respondToHSSI, on: try await hssis.find(id: id))
            }
            do {
                return try await change(
                    id, action: .respondToHSSI, expectedVersion: current.version, by: principal
                ) { hssi, now in
                    if joined {
                        try hssi.recordJoin(partnerID: partnerID, at: now, by: Self.actor(principal), now: now)
                    } else {
                        try hssi.acknowledgeInvitation(
                            partnerID: partnerID, at: now, by: Self.actor(principal), now: now)
                    }
                    return []
                }
            } catch ServiceError.versionMismatch where attempt < 3 {
                continue
            }
        }
        throw ServiceError.versionMismatch(currentVersion: 0)
    }

    /// The platform's communication to every affected partner (their HSSI managers and primary contact), by
    /// e-mail through the outbox; each message's delivery is shown with the HSSI. The first one completes the
    /// process's sixth step.
    public func communicate(
        _ id: HigherSeverityIncident.ID, message: String, expectedVersion: Int, by principal: Principal
    ) async throws -> HSSIView {
        var check = ValidationCollector()
        let text = check.requiredText("message", message, label: "message", maxLength: 5_000, lines: .multiple) ?? ""
        let issues = check.issues + PatientDataGuard().refusals(for: [("message", text)])
        if !issues.isEmpty { throw ValidationFailure(issues) }
        return try await change(id, action: .runHSSI, expectedVersion: expectedVersion, by: principal) {
            hssi, now, repositories in
            if hssi.stage == .devOpsEngaged {
                try hssi.record(.sendCommunications, at: now, by: Self.actor(principal), note: text, now: now)
            } else if hssi.stage < .devOpsEngaged || hssi.stage == .closed {
                throw ValidationFailure([
                    ValidationIssue(
                        field: "message", code: "invalid_transition",
                        message: "Communications go to partners once DevOps are engaged and until the HSSI is closed.")
                ])
            }
            var links: [HSSIMessageLink] = []
            for partner in try await Self.partners(of: hssi, in: repositories) {
                var to = try await Self.hssiManagers(of: partner, in: repositories)
                if let primary = partner.contact(.primary), !to.contains(primary.email) { to.append(primary.email) }
                links += try await enqueue(
                    .communication, hssi: hssi, to: to, partnerID: partner.id, body: text, at: now, in: repositories)
            }
            return links
        }
    }
}
