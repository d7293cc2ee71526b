import Foundation

/// An outage as a person entered or corrected it, before any of it has been checked; every field is optional so
/// each missing one gets its own message.
public struct OutageDraft: Hashable, Sendable {
    /// The component's code.
    public var component: String?
    public var startedAt: String?
    /// Left out while it lasts.
    public var endedAt: String?
    /// `down` or `degraded`.
    public var impact: String?
    /// The maintenance window's reference (`MNT-000004`) when the outage is its planned work.
    public var maintenance: String?
    /// Partner codes; none means every partner.
    public var partners: [String]?
    /// Incident references, `INC-000042`.
    public var incidents: [String]?
    /// HSSI references.
    public var hssis: [String]?
    public var publicSummary: String?
    public var internalNotes: String?

    public init(
        component: String? = nil, startedAt: String? = nil, endedAt: String? = nil, impact: String? = nil,
        maintenance: String? = nil, partners: [String]? = nil, incidents: [String]? = nil, hssis: [String]? = nil,
        publicSummary: String? = nil, internalNotes: String? = nil
    ) {
        self.component = component
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.impact = impact
        self.maintenance = maintenance
        self.partners = partners
        self.incidents = incidents
        self.hssis = hssis
        self.publicSummary = publicSummary
        self.internalNotes = internalNotes
    }

    /// What the references in a draft resolve to.
    public struct Lookup: Sendable {
        public var component: @Sendable (String) -> ServiceComponent?
        public var maintenance: @Sendable (String) -> MaintenanceWindow?
        public var partner: @Sendable (String) -> Partner.ID?
        public var incident: @Sendable (String) -> Incident.ID?
        public var hssi: @Sendable (String) -> HigherSeverityIncident.ID?

        public init(
            component: @escaping @Sendable (String) -> ServiceComponent?,
            maintenance: @escaping @Sendable (String) -> MaintenanceWindow?,
            partner: @escaping @Sendable (String) -> Partner.ID?,
            incident: @escaping @Sendable (String) -> Incident.ID?,
            hssi: @escaping @Sendable (String) -> HigherSeverityIncident.ID?
        ) {
            self.component = component
            self.maintenance = maintenance
            self.partner = partner
            self.incident = incident
            self.hssi = hssi
        }
    }

    /// A checked outage's fields.
    public struct Plan: Hashable, Sendable {
        public var component: String
        public var startedAt: Date
        public var endedAt: Date?
        public var impact: OutageImpact
        public var maintenanceID: MaintenanceWindow.ID?
        public var partners: [Partner.ID]
        public var incidents: [Incident.ID]
        public var hssis: [HigherSeverityIncident.ID]
        public var publicSummary: String
        public var internalNotes: String?
    }

    /// Checks every field (texts through the patient-data guard) and reports every problem at once. Times may
    /// not lie ahead of `now`, and an end must follow the start.
    public func validated(lookup: Lookup, now: Date) throws(ValidationFailure) -> Plan {
        var check = ValidationCollector()
        let code = component?.trimmingWhitespace.lowercased() ?? ""
        let found = code.isEmpty ? nil : lookup.component(code)
        if code.isEmpty {
            check.add("component", "required", "Choose the component.")
        } else if found == nil {
            check.add("component", "unknown_component", "No component has the code \(code).")
        }
        let start = check.instant(startedAt, field: "startedAt", required: true, now: now)
        let end = check.instant(endedAt, field: "endedAt", required: false, now: now)
        if let start, let end, end <= start {
            check.add("endedAt", "before_start", "The outage must end after it started.")
        }
        let impact = OutageImpact(rawValue: impact?.trimmingWhitespace.lowercased() ?? "")
        if impact == nil {
            check.add("impact", self.impact == nil ? "required" : "invalid_value", "Choose down or degraded.")
        }
        var maintenanceID: MaintenanceWindow.ID?
        if let reference = maintenance?.trimmingWhitespace, !reference.isEmpty {
            if let window = lookup.maintenance(reference) {
                maintenanceID = window.id
                if !window.components.contains(code), found != nil {
                    check.add("maintenance", "other_component", "\(window.reference) is not work on \(code).")
                }
            } else {
                check.add("maintenance", "unknown_maintenance", "No maintenance window is \(reference).")
            }
        }
        let partners = check.resolved(
            partners ?? [], field: "partners", code: "unknown_partner", missing: { "No partner has the code \($0)." },
            lookup: lookup.partner)
        let incidents = check.resolved(
            incidents ?? [], field: "incidents", code: "unknown_incident", missing: { "No incident is \($0)." },
            lookup: lookup.incident)
        let hssis = check.resolved(
            hssis ?? [], field: "hssis", code: "unknown_hssi", missing: { "No HSSI is \($0)." }, lookup: lookup.hssi)
        let summary = check.guardedText(
            "publicSummary", publicSummary ?? "", label: "summary for partners", maxLength: TextLimits.text)
        let notes = check.optionalGuardedText(
            "internalNotes", internalNotes, label: "internal notes", maxLength: TextLimits.text)
        guard check.issues.isEmpty, let found, let start, let impact, let summary else {
            throw ValidationFailure(check.issues)
        }
        return Plan(
            component: found.code, startedAt: start, endedAt: end, impact: impact, maintenanceID: maintenanceID,
            partners: partners, incidents: incidents, hssis: hssis, publicSummary: summary, internalNotes: notes)
    }
}

extension Outage {
    /// A new outage from a checked plan.
    public init(id: ID, number: Int, plan: OutageDraft.Plan, createdAt: Date) {
        self.init(
            id: id, number: number, component: plan.component, startedAt: plan.startedAt, impact: plan.impact,
            maintenanceID: plan.maintenanceID, affectedPartners: plan.partners, publicSummary: plan.publicSummary,
            createdAt: createdAt)
        apply(plan)
    }

    /// Takes every field of a checked plan: a correction keeps the record's history in the audit log.
    public mutating func apply(_ plan: OutageDraft.Plan) {
        (component, startedAt, endedAt, impact) = (plan.component, plan.startedAt, plan.endedAt, plan.impact)
        (maintenanceID, affectedPartners) = (plan.maintenanceID, plan.partners)
        (incidents, hssis, publicSummary, internalNotes) = (
            plan.incidents, plan.hssis, plan.publicSummary, plan.internalNotes
        )
    }

    /// Records that it recovered at `instant`; refused when it has already ended or `instant` precedes its start.
    public mutating func close(at instant: Date) throws(ValidationFailure) {
        guard endedAt == nil else {
            throw ValidationFailure([
                .init(field: "endedAt", code: "already_ended", message: "\(reference) has ended already.")
            ])
        }
        guard instant > startedAt else {
            throw ValidationFailure([
                .init(field: "endedAt", code: "before_start", message: "The outage must end after it started.")
            ])
        }
        endedAt = instant
        updatedAt = max(updatedAt, instant)
    }

    /// A new outage opened by a firing alert about `component`.
    public init(id: ID, number: Int, alert: MonitoringAlert, component: ServiceComponent, createdAt: Date) {
        self.init(
            id: id, number: number, component: component.code, startedAt: min(alert.startsAt, createdAt),
            impact: alert.impact, publicSummary: alert.publicSummary(for: component), createdAt: createdAt)
        internalNotes = alert.internalNotes
        alertKey = alert.key
    }
}
