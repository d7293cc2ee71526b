import Foundation

/// A partner as typed by a person or sent by a client, before any of it has been checked.
///
/// ``validated(makeID:)`` checks every field and reports every problem at once, so the person can fix the
/// whole form in one go.
public struct PartnerDraft: Hashable, Sendable, Codable {
    /// A service as typed.
    public struct Service: Hashable, Sendable, Codable {
        public var name: String
        public var clientID: String

        public init(name: String, clientID: String) {
            self.name = name
            self.clientID = clientID
        }
    }

    /// A contact as typed.
    public struct Contact: Hashable, Sendable, Codable {
        public var role: String
        public var name: String
        public var email: String
        public var phone: String?

        public init(role: String, name: String, email: String, phone: String? = nil) {
            self.role = role
            self.name = name
            self.email = email
            self.phone = phone
        }
    }

    public var code: String
    public var name: String
    public var status: String
    public var tierID: String
    public var services: [Service]
    public var contacts: [Contact]
    /// `always`, or `HH:MM-HH:MM` for Monday to Friday (see ``OperatingHours/init(shortForm:)``).
    public var hoursOfOperation: String?

    public init(
        code: String,
        name: String,
        status: String = PartnerStatus.onboarding.rawValue,
        tierID: String = "silver",
        services: [Service] = [],
        contacts: [Contact] = [],
        hoursOfOperation: String? = nil
    ) {
        self.code = code
        self.name = name
        self.status = status
        self.tierID = tierID
        self.services = services
        self.contacts = contacts
        self.hoursOfOperation = hoursOfOperation
    }

    /// Checks every field; returns the partner, or throws every problem found.
    ///
    /// Rules: a valid code, a name of at most 200 characters, a known status, a tier id, services with
    /// distinct client ids, contacts with a known role and a valid e-mail address, and at most one contact
    /// per role.
    public func validated(makeID: () -> UUID) throws(ValidationFailure) -> Partner {
        var check = ValidationCollector()
        let code = PartnerCode(self.code)
        if code == nil {
            check.add(
                "code", "invalid_format",
                "Enter a partner code of 2 to 16 capital letters, digits or hyphens, starting with a letter."
            )
        }
        let name = check.requiredText("name", self.name, label: "partner name", maxLength: 200)
        let status = PartnerStatus(rawValue: self.status)
        if status == nil {
            let known = PartnerStatus.allCases.map(\.rawValue).joined(separator: ", ")
            check.add("status", "unknown_value", "Choose a status from: \(known).")
        }
        let tierID = check.requiredText("tierID", self.tierID, label: "service-level tier", maxLength: 40)

        var services: [PartnerService] = []
        var clientIDs: Set<String> = []
        for (index, service) in self.services.enumerated() {
            let field = "services[\(index)]"
            let serviceName = check.requiredText("\(field).name", service.name, label: "service name", maxLength: 200)
            let clientID = check.requiredText(
                "\(field).clientID", service.clientID, label: "client id", maxLength: 200
            )
            if let clientID, !clientIDs.insert(clientID).inserted {
                check.add("\(field).clientID", "duplicate", "Each service needs its own client id.")
            }
            if let serviceName, let clientID {
                services.append(PartnerService(id: .init(makeID()), name: serviceName, clientID: clientID))
            }
        }

        let contacts = Self.contacts(self.contacts, check: &check)
        var hours = OperatingHours.alwaysOpen
        if let text = hoursOfOperation {
            if let parsed = OperatingHours(shortForm: text) {
                hours = parsed
            } else {
                check.add(
                    "hoursOfOperation", "invalid_format",
                    "Give the hours of operation as 'always' or as opening and closing times like 08:00-20:00."
                )
            }
        }
        try check.finish()
        guard let code, let name, let status, let tierID else {
            throw ValidationFailure(check.issues)
        }
        return Partner(
            id: .init(makeID()), code: code, name: name, status: status, tierID: tierID,
            services: services, contacts: contacts, hoursOfOperation: hours
        )
    }

    /// Checks contacts as typed: a known role, at most one contact per role, a name, a valid e-mail address and
    /// a telephone number of at most 40 characters; problems are reported under `contacts[N]`.
    static func contacts(_ drafts: [Contact], check: inout ValidationCollector) -> [PartnerContact] {
        var contacts: [PartnerContact] = []
        var roles: Set<PartnerContact.Role> = []
        for (index, contact) in drafts.enumerated() {
            let field = "contacts[\(index)]"
            let role = PartnerContact.Role(rawValue: contact.role)
            if role == nil {
                let known = PartnerContact.Role.allCases.map(\.rawValue).joined(separator: ", ")
                check.add("\(field).role", "unknown_value", "Choose a contact role from: \(known).")
            } else if let role, !roles.insert(role).inserted {
                check.add("\(field).role", "duplicate", "Give one \(role.label.lowercased()) contact only.")
            }
            let contactName = check.requiredText("\(field).name", contact.name, label: "contact name", maxLength: 200)
            let email = EmailAddress(contact.email)
            if email == nil {
                check.add("\(field).email", "invalid_format", "Enter an e-mail address like name@example.org.")
            }
            let phone = contact.phone?.trimmingCharacters(in: .whitespaces)
            if let phone, phone.count > 40 {
                check.add("\(field).phone", "too_long", "The telephone number must be 40 characters or fewer.")
            }
            if let role, let contactName, let email {
                contacts.append(
                    PartnerContact(
                        role: role, name: contactName, email: email, phone: phone?.isEmpty == false ? phone : nil)
                )
            }
        }
        return PartnerContact.inRoleOrder(contacts)
    }

    /// Checks a new set of contacts for a partner on its own (what a partner's administrator may change).
    public static func validatedContacts(_ drafts: [Contact]) throws(ValidationFailure) -> [PartnerContact] {
        var check = ValidationCollector()
        let contacts = contacts(drafts, check: &check)
        try check.finish()
        return contacts
    }

    /// Checks a change to an existing partner's details: its code, status and registration stay as they are,
    /// each service keeps its id while its client id stays the same, and hours left out stay as they were.
    public func validatedChange(of partner: Partner, makeID: () -> UUID) throws(ValidationFailure) -> Partner {
        var draft = self
        draft.code = partner.code.value
        draft.status = partner.status.rawValue
        var changed = try draft.validated(makeID: makeID)
        let serviceIDs = Dictionary(partner.services.map { ($0.clientID, $0.id) }) { first, _ in first }
        for index in changed.services.indices {
            if let id = serviceIDs[changed.services[index].clientID] { changed.services[index].id = id }
        }
        changed.id = partner.id
        changed.registeredAt = partner.registeredAt
        if hoursOfOperation == nil { changed.hoursOfOperation = partner.hoursOfOperation }
        changed.version = partner.version
        return changed
    }
}
