import Foundation

/// What a notification about an incident may say: its reference and state, never the user's e-mail
/// address, the description, the reporter, or anything about another partner.
public struct IncidentNotice: Sendable, Hashable {
    public var event: NotificationEvent
    public var incidentID: Incident.ID
    public var reference: IncidentReference
    /// The partner's own reference for the incident, if they gave one.
    public var partnerReference: String?
    public var partnerName: String
    public var errorType: String
    public var status: IncidentStatus
    public var severity: Severity?
    /// When the resolution target falls due, if the clock is running.
    public var due: Date?
    /// The desk's public note with the change (the question when information is awaited, the fix or
    /// workaround when resolved); staff-only notes never appear.
    public var note: String?
    /// The incident's page.
    public var link: String

    public init(
        event: NotificationEvent, incidentID: Incident.ID, reference: IncidentReference, partnerReference: String?,
        partnerName: String, errorType: String, status: IncidentStatus, severity: Severity?, due: Date?,
        note: String?, link: String
    ) {
        self.event = event
        self.incidentID = incidentID
        self.reference = reference
        self.partnerReference = partnerReference
        self.partnerName = partnerName
        self.errorType = errorType
        self.status = status
        self.severity = severity
        self.due = due
        self.note = note
        self.link = link
    }
}
