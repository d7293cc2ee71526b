import Foundation

/// A partner organisation: a business that runs one or more health services on the identity platform.
///
/// Each partner has a short code used in references and on the command line, the service-level tier it
/// signed up to, the services it runs (each with the client id the identity platform knows it by), and the
/// contacts it gave on its National Service Desk registration form.
public struct Partner: Hashable, Sendable, Identifiable {
    public typealias ID = EntityID<Partner>

    /// Stable identifier.
    public var id: ID
    /// Short code, unique across partners (for example `HEALTHAPP`).
    public var code: PartnerCode
    /// The organisation's name as people know it.
    public var name: String
    /// Where the partner is on its journey with the platform.
    public var status: PartnerStatus
    /// Identifier of the service-level tier that sets its targets (Silver unless agreed otherwise).
    public var tierID: String
    /// The partner's services.
    public var services: [PartnerService]
    /// People the service desk may contact, by role.
    public var contacts: [PartnerContact]
    /// When the partner's own desk works (Higher Severity Service Incident deadlines count within them).
    public var hoursOfOperation: OperatingHours
    /// When the partner was registered in PartnerDesk; nil for partners registered before it was recorded that
    /// have no incidents either. No monthly report is made for a month before it.
    public var registeredAt: Date?
    /// Counts changes to the partner's details, contacts and status, for optimistic concurrency.
    public var version: Int

    /// Creates a partner from values that have already been checked (see ``PartnerDraft/validated(id:)``).
    public init(
        id: ID,
        code: PartnerCode,
        name: String,
        status: PartnerStatus,
        tierID: String,
        services: [PartnerService],
        contacts: [PartnerContact],
        hoursOfOperation: OperatingHours = .alwaysOpen,
        registeredAt: Date? = nil,
        version: Int = 1
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.status = status
        self.tierID = tierID
        self.services = services
        self.contacts = contacts
        self.hoursOfOperation = hoursOfOperation
        self.registeredAt = registeredAt
        self.version = version
    }

    /// The first contact holding the given role, if the partner named one.
    public func contact(_ role: PartnerContact.Role) -> PartnerContact? {
        contacts.first { $0.role == role }
    }
}

/// Where a partner is on its journey with the platform.
public enum PartnerStatus: String, CaseIterable, Hashable, Sendable, Codable {
    /// Integrating and being assured; not yet serving the public.
    case onboarding = "onboarding"
    /// Newly live and receiving early-live support.
    case earlyLive = "early_live"
    /// Fully live.
    case live = "live"
    /// No longer uses the platform; its records are kept.
    case offboarded = "offboarded"

    /// Whether the partner's people and systems may use PartnerDesk at all. An offboarded partner's records
    /// stay for the platform's staff and its reports, but nobody of that partner signs in or calls the API.
    public var mayUsePartnerDesk: Bool { self != .offboarded }

    /// A short label for pages and command-line listings.
    public var label: String {
        switch self {
        case .onboarding: "Onboarding"
        case .earlyLive: "Early live"
        case .live: "Live"
        case .offboarded: "Offboarded"
        }
    }
}

/// One health service run by a partner.
public struct PartnerService: Hashable, Sendable, Identifiable {
    public typealias ID = EntityID<PartnerService>

    /// Stable identifier.
    public var id: ID
    /// The service's name as users see it.
    public var name: String
    /// The client id the identity platform issued for this service.
    public var clientID: String

    /// Creates a service record.
    public init(id: ID, name: String, clientID: String) {
        self.id = id
        self.name = name
        self.clientID = clientID
    }
}

/// A person the service desk may contact on a partner's behalf, from the registration form.
public struct PartnerContact: Hashable, Sendable {
    /// Why the desk would call this person.
    public enum Role: String, CaseIterable, Hashable, Sendable, Codable {
        /// The first person to contact.
        case primary = "primary"
        /// Contacted when the primary contact cannot be reached.
        case secondary = "secondary"
        /// Contacted when a matter needs escalating within the partner.
        case escalation = "escalation"
        /// The single point of contact for Higher Severity Service Incidents.
        case hssiManager = "hssi_manager"

        /// A short label for pages and listings.
        public var label: String {
            switch self {
            case .primary: "Primary"
            case .secondary: "Secondary"
            case .escalation: "Escalation"
            case .hssiManager: "HSSI manager"
            }
        }
    }

    /// The contacts in the order they are always listed: by role, primary first, the HSSI manager last (the
    /// order of ``Role``), and in the order given within a role.
    public static func inRoleOrder(_ contacts: [PartnerContact]) -> [PartnerContact] {
        let rank = { (contact: PartnerContact) in Role.allCases.firstIndex(of: contact.role) ?? Role.allCases.count }
        return contacts.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
            .map(\.element)
    }

    /// The contact's role.
    public var role: Role
    /// The person's name.
    public var name: String
    /// Their e-mail address.
    public var email: EmailAddress
    /// Their telephone number, as given.
    public var phone: String?

    /// Creates a contact from checked values.
    public init(role: Role, name: String, email: EmailAddress, phone: String?) {
        self.role = role
        self.name = name
        self.email = email
        self.phone = phone
    }
}
