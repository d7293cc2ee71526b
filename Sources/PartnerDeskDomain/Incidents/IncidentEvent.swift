import Foundation

/// One entry of an incident's timeline: who did what, when, and who may see it.
public struct IncidentEvent: Hashable, Sendable, Identifiable {
    public typealias ID = EntityID<IncidentEvent>

    /// What happened.
    public enum Kind: Hashable, Sendable {
        /// The partner raised the incident.
        case raised
        /// A step of the process, from one status to another.
        case transition(IncidentAction, from: IncidentStatus, to: IncidentStatus)
        /// Fields of the data set were corrected (their names).
        case updated(fields: [String])
        /// A comment, public or internal.
        case comment
        /// A screenshot was attached (its file name).
        case attachment(fileName: String)
    }

    /// Who may see an event.
    public enum Visibility: String, CaseIterable, Hashable, Sendable, Codable {
        /// The partner and staff.
        case `public` = "public"
        /// Staff only.
        case `internal` = "internal"
    }

    public var id: ID
    public var incidentID: Incident.ID
    public var at: Date
    public var kind: Kind
    public var visibility: Visibility
    /// The actor's display name.
    public var actorName: String
    public var actorRole: Role
    /// Free text: a comment, or the note given with a transition.
    public var note: String?

    public init(
        id: ID, incidentID: Incident.ID, at: Date, kind: Kind, visibility: Visibility, actorName: String,
        actorRole: Role, note: String?
    ) {
        self.id = id
        self.incidentID = incidentID
        self.at = at
        self.kind = kind
        self.visibility = visibility
        self.actorName = actorName
        self.actorRole = actorRole
        self.note = note
    }
}
