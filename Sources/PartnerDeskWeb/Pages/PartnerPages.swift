import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// `/partners`: every partner with where it stands on its way to live (staff only; a partner's people go
/// straight to their own organisation's page).
struct PartnerListPage: Encodable {
    struct Row: Encodable {
        var code: String
        var name: String
        var status: String
        var evidence: String
        var awaitingReview: Int
        var nextCheckIn: String?
        var checkInLate: Bool
    }

    var title = "Partners"
    var signedIn: SignedInHeader
    var rows: [Row]

    init(principal: Principal, csrf: String, lines: [PartnerOverview]) {
        signedIn = SignedInHeader(principal, csrf: csrf)
        let required = EvidenceRequirement.allCases.filter(\.isRequired).count
        rows = lines.map { line in
            Row(
                code: line.partner.code.value, name: line.partner.name, status: line.partner.status.label,
                evidence: "\(required - line.missing.count) of \(required) accepted",
                awaitingReview: line.awaitingReview, nextCheckIn: line.nextCheckIn.map(PageFormat.longDate),
                checkInLate: line.nextCheckIn.map { $0 < line.today } ?? false)
        }
    }
}

/// The tabs of a partner's pages, the one shown marked.
struct PartnerTabs: Encodable {
    struct Tab: Encodable {
        var label: String
        var href: String
        var current: Bool
    }

    var code: String
    var name: String
    var status: String
    var tabs: [Tab]

    init(_ partner: Partner, showing path: String) {
        code = partner.code.value
        name = partner.name
        status = partner.status.label
        let base = "/partners/\(partner.code)"
        tabs = [
            ("Details and contacts", base), ("Onboarding and early live", "\(base)/onboarding"),
            ("Service reviews", "\(base)/reviews"),
        ].map { Tab(label: $0.0, href: $0.1, current: $0.1 == path) }
    }
}

/// `/partners/:code`: a partner's details, services and contacts, the forms that change them, and its history.
struct PartnerDetailsPage: Encodable {
    struct Service: Encodable {
        var index: Int
        /// Counted from 1, for the form's legends.
        var number: Int
        var name: String
        var clientID: String
        var nameError: String?
        var clientIDError: String?
    }

    struct Contact: Encodable {
        var index: Int
        var role: String
        var roleLabel: String
        var name: String
        var email: String
        var phone: String
        var nameError: String?
        var emailError: String?
        var phoneError: String?
    }

    struct Change: Encodable {
        var at: String
        var what: String
        var by: String
        var changes: [LabelledValue]
        var hasChanges: Bool
        var reason: String?
    }

    var title: String
    var signedIn: SignedInHeader
    var csrf: String
    var tabs: PartnerTabs
    var version: Int
    var facts: [LabelledValue]
    var services: [Service]
    var contacts: [Contact]
    var contactRows: [Contact]
    var serviceRows: [Service]
    var tiers: [SelectOption]
    var nameError: String?
    var tierError: String?
    var hoursError: String?
    var canEditDetails: Bool
    var canEditContacts: Bool
    var history: [Change]
    var hasServices: Bool
    var hasContacts: Bool
    var hasHistory: Bool
    var values: [String: String]
    var errors: [PageError]
    var hasErrors: Bool

    /// Blank rows offered for new services below the partner's own.
    static let spareServiceRows = 2

    init(
        principal: Principal, csrf: String, profile: PartnerProfile, tiers: [ServiceLevelTier],
        values: [String: String] = [:], errors: [PageError] = []
    ) {
        let partner = profile.partner
        title = partner.name
        signedIn = SignedInHeader(principal, csrf: csrf)
        self.csrf = csrf
        tabs = PartnerTabs(partner, showing: "/partners/\(partner.code)")
        version = partner.version
        var facts = [
            LabelledValue(label: "Code", value: partner.code.value),
            LabelledValue(label: "Status", value: partner.status.label),
            LabelledValue(
                label: "Service level", value: tiers.first { $0.id == partner.tierID }?.name ?? partner.tierID),
            LabelledValue(label: "Hours of operation", value: partner.hoursOfOperation.summary),
        ]
        if let registered = partner.registeredAt {
            facts.append(LabelledValue(label: "Registered", value: PageFormat.londonTime(registered)))
        }
        self.facts = facts
        services = partner.services.enumerated().map {
            Service(index: $0.offset, number: $0.offset + 1, name: $0.element.name, clientID: $0.element.clientID)
        }
        contacts = partner.contacts.map { contact in
            Contact(
                index: 0, role: contact.role.rawValue, roleLabel: contact.role.label, name: contact.name,
                email: contact.email.value, phone: contact.phone ?? "")
        }
        // The form that was sent shows what was typed when it was refused; the other shows what is stored.
        let typed = values["form"] == "contacts"
        let typedDetails = values["form"] == "details"
        func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
        contactRows = PartnerContact.Role.allCases.enumerated().map { index, role in
            let stored = partner.contact(role)
            func value(_ field: String, _ current: String?) -> String {
                typed ? values["contacts.\(index).\(field)"] ?? "" : current ?? ""
            }
            return Contact(
                index: index, role: role.rawValue, roleLabel: role.label, name: value("name", stored?.name),
                email: value("email", stored?.email.value), phone: value("phone", stored?.phone),
                nameError: error("contacts.\(index).name") ?? error("contacts.\(index).role"),
                emailError: error("contacts.\(index).email"), phoneError: error("contacts.\(index).phone"))
        }
        serviceRows = (0..<(partner.services.count + Self.spareServiceRows)).map { index in
            let stored = index < partner.services.count ? partner.services[index] : nil
            return Service(
                index: index, number: index + 1,
                name: typedDetails ? values["services.\(index).name"] ?? "" : stored?.name ?? "",
                clientID: typedDetails ? values["services.\(index).clientID"] ?? "" : stored?.clientID ?? "",
                nameError: error("services.\(index).name"), clientIDError: error("services.\(index).clientID"))
        }
        let tierID = typedDetails ? values["tierID"] ?? partner.tierID : partner.tierID
        self.tiers = tiers.map { SelectOption(value: $0.id, label: $0.name, selected: $0.id == tierID) }
        nameError = error("name")
        tierError = error("tierID")
        hoursError = error("hoursOfOperation")
        canEditDetails = AccessPolicy.permits(principal, .managePartners, on: partner.owner)
        canEditContacts = AccessPolicy.permits(principal, .editPartnerContacts, on: partner.owner)
        history = profile.history.map { entry in
            Change(
                at: PageFormat.londonTime(entry.at), what: Self.describe(entry.action), by: entry.actorName,
                changes: entry.changes.map { change in
                    LabelledValue(
                        label: change.field,
                        value: "\(change.before ?? "(none)") → \(change.after ?? "(none)")")
                }, hasChanges: !entry.changes.isEmpty, reason: entry.reason)
        }
        hasServices = !services.isEmpty
        hasContacts = !contacts.isEmpty
        hasHistory = !history.isEmpty
        var shown = values
        if !typedDetails {
            shown["name"] = partner.name
            shown["hoursOfOperation"] = partner.hoursOfOperation.shortForm ?? ""
        }
        self.values = shown
        self.errors = errors
        hasErrors = !errors.isEmpty
    }

    /// An audit action in words.
    static func describe(_ action: String) -> String {
        switch action {
        case "partner.register": "Registered"
        case "partner.edit": "Details changed"
        case "partner.contacts": "Contacts changed"
        case "partner.evidence": "Evidence given"
        case "partner.evidence_review": "Evidence reviewed"
        case "partner.status": "Status moved"
        case "partner.status_override": "Status moved without the required evidence"
        case "partner.check_in": "Check-in recorded"
        case "partner.action_done": "Action done"
        case "partner.review_cadence": "Review cadence set"
        case "partner.review_schedule": "Service review scheduled"
        case "partner.review_minutes": "Service review minutes recorded"
        case "partner.review_cancel": "Service review cancelled"
        default: action
        }
    }

    /// The draft a submitted details form gives (its contacts are kept as stored): blank service rows left
    /// out, with where each came from.
    static func details(_ values: [String: String], code: String) -> (
        draft: PartnerDraft, rows: [Int]
    ) {
        var services: [PartnerDraft.Service] = []
        var rows: [Int] = []
        var index = 0
        while let name = values["services.\(index).name"], let clientID = values["services.\(index).clientID"] {
            if !(name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                && clientID.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
            {
                services.append(.init(name: name, clientID: clientID))
                rows.append(index)
            }
            index += 1
        }
        let hours = values["hoursOfOperation"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let draft = PartnerDraft(
            code: code, name: values["name"] ?? "", tierID: values["tierID"] ?? "", services: services,
            hoursOfOperation: hours.isEmpty ? nil : hours)
        return (draft, rows)
    }

    /// The contacts a submitted contacts form gives (blank rows left out), with the form row each came from.
    static func contacts(_ values: [String: String]) -> (contacts: [PartnerDraft.Contact], rows: [Int]) {
        var contacts: [PartnerDraft.Contact] = []
        var rows: [Int] = []
        for (index, role) in PartnerContact.Role.allCases.enumerated() {
            let name = values["contacts.\(index).name"] ?? ""
            let email = values["contacts.\(index).email"] ?? ""
            let phone = values["contacts.\(index).phone"] ?? ""
            guard !(name + email + phone).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
            contacts.append(.init(role: role.rawValue, name: name, email: email, phone: phone))
            rows.append(index)
        }
        return (contacts, rows)
    }

    /// A field the use case named by its place in the list it was given (`contacts[1].email`), renamed to the
    /// form's field for the row it came from (`contacts.3.email`); `rows` maps places to rows (nil: the same).
    static func rename(_ field: String, list: String, rows: [Int]?) -> String {
        let prefix = "\(list)["
        guard field.hasPrefix(prefix), let close = field.firstIndex(of: "]"),
            let index = Int(field[field.index(field.startIndex, offsetBy: prefix.count)..<close])
        else { return field }
        let row = rows.map { index < $0.count ? $0[index] : index } ?? index
        return "\(list).\(row)" + field[field.index(after: close)...]
    }
}
