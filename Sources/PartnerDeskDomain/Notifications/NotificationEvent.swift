import Foundation

/// Every kind of message people and partners' systems can choose to receive: the moments in an incident's life,
/// the steps of change and release, the service's outages and maintenance, service requests, and a partner's way
/// to live. Stored and sent as its ``rawValue`` (`incident.received`,
/// `release.notes_published`).
public enum NotificationEvent: Hashable, Sendable, CaseIterable, RawRepresentable {
    case incident(IncidentNotice.Event)
    case change(ReleaseNotice.Kind)
    case service(ServiceNotice.Kind)
    case request(ServiceRequestNotice.Kind)
    case partner(PartnerNotice.Kind)

    /// Who an event is for.
    public enum Audience: String, Sendable {
        case partner
        case staff
    }

    public static var allCases: [NotificationEvent] {
        IncidentNotice.Event.allCases.map(Self.incident) + ReleaseNotice.Kind.allCases.map(Self.change)
            + ServiceNotice.Kind.allCases.map(Self.service) + ServiceRequestNotice.Kind.allCases.map(Self.request)
            + PartnerNotice.Kind.allCases.map(Self.partner)
    }

    public init?(rawValue: String) {
        if let event = IncidentNotice.Event(rawValue: rawValue) {
            self = .incident(event)
        } else if let kind = ReleaseNotice.Kind(rawValue: rawValue) {
            self = .change(kind)
        } else if let kind = ServiceNotice.Kind(rawValue: rawValue) {
            self = .service(kind)
        } else if let kind = ServiceRequestNotice.Kind(rawValue: rawValue) {
            self = .request(kind)
        } else if let kind = PartnerNotice.Kind(rawValue: rawValue) {
            self = .partner(kind)
        } else {
            return nil
        }
    }

    public var rawValue: String {
        switch self {
        case .incident(let event): event.rawValue
        case .change(let kind): kind.rawValue
        case .service(let kind): kind.rawValue
        case .request(let kind): kind.rawValue
        case .partner(let kind): kind.rawValue
        }
    }

    public var audience: Audience {
        switch self {
        case .incident(let event): event.audience
        case .change(let kind): kind == .held ? .staff : .partner
        case .service(let kind): kind == .allowanceWarning ? .staff : .partner
        case .request(let kind): kind.audience
        case .partner(let kind): kind.audience
        }
    }

    /// The event in words, for preference pages, webhook subscriptions and dead-letter lists.
    public var label: String {
        switch self {
        case .incident(let event): event.label
        case .change(let kind): kind.label
        case .service(let kind): kind.label
        case .request(let kind): kind.label
        case .partner(let kind): kind.label
        }
    }

    /// Whether people of `role` are ever sent this event by e-mail, so their preferences offer only those.
    /// A partner's incident events reach all its people; change reaches its administrators (beside the
    /// contacts on its registration form); SLA warnings reach the desk's groups and service managers; holds
    /// reach release managers; outages and maintenance reach a partner's administrators; allowance warnings reach
    /// service managers; new service requests and their target warnings reach the First Line desk and service
    /// managers, and the desk's steps a partner's administrators and the person who asked; onboarding evidence
    /// given reaches service managers, and its review, status moves and check-ins a partner's administrators.
    public func isSent(to role: Role) -> Bool {
        switch self {
        case .incident(let event) where event.audience == .partner: role.isPartnerRole
        case .incident: [.firstLineAgent, .devOpsEngineer, .serviceManager].contains(role)
        case .change(.held): role == .releaseManager
        case .change: role == .partnerAdministrator
        case .service(.allowanceWarning): role == .serviceManager
        case .service: role == .partnerAdministrator
        case .request(.moved): role.isPartnerRole
        case .request: role == .firstLineAgent || role == .serviceManager
        case .partner(.evidenceSubmitted): role == .serviceManager
        case .partner: role == .partnerAdministrator
        }
    }
}
