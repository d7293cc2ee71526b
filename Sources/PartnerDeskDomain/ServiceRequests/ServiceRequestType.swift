import Foundation

/// A kind of service request partners may make — a new client configuration, a change of redirect addresses,
/// test accounts, … — with the details it needs and the calendar months it may take once accepted.
///
/// The kinds are data (``ServiceRequestCatalogue``): the built-in list, or an operator's JSON file.
public struct ServiceRequestType: Hashable, Sendable, Codable, Identifiable {
    /// A short stable name (`redirect_change`), kept on every request of this kind.
    public var id: String
    public var name: String
    /// What the kind is for, in a sentence partners read before choosing it.
    public var summary: String
    public var fields: [ServiceRequestField]
    /// Calendar months from acceptance to fulfilment; the partner's tier may allow fewer
    /// (``ServiceRequestTarget``).
    public var targetMonths: Int

    public init(id: String, name: String, summary: String, fields: [ServiceRequestField], targetMonths: Int) {
        self.id = id
        self.name = name
        self.summary = summary
        self.fields = fields
        self.targetMonths = targetMonths
    }
}

/// One detail a kind of request asks for.
public struct ServiceRequestField: Hashable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        /// One line of text.
        case text
        /// Several lines (a list of addresses, one per line).
        case lines
        /// An `https://` address.
        case url
        /// A whole number.
        case number
        /// A calendar date, `YYYY-MM-DD`.
        case date
        /// One of ``ServiceRequestField/choices``.
        case choice
    }

    /// The key the answer is stored and sent under (`redirectURIs`).
    public var name: String
    public var label: String
    public var kind: Kind
    public var required: Bool
    /// What to write, shown beside the field.
    public var hint: String?
    /// The answers a ``Kind/choice`` field accepts.
    public var choices: [String]?

    public init(
        _ name: String, label: String, kind: Kind, required: Bool = true, hint: String? = nil,
        choices: [String]? = nil
    ) {
        self.name = name
        self.label = label
        self.kind = kind
        self.required = required
        self.hint = hint
        self.choices = choices
    }
}

/// The kinds of service request on offer.
public struct ServiceRequestCatalogue: Hashable, Sendable {
    public let types: [ServiceRequestType]

    /// A catalogue of kinds that make sense together: ids and field names unique and well formed, every name
    /// and summary present, targets of 1 to 12 months, choices exactly where a field is a choice.
    public init(_ types: [ServiceRequestType]) throws(ServiceRequestCatalogueError) {
        var problems: [String] = []
        if types.isEmpty { problems.append("the catalogue lists no kind of request") }
        var seen: Set<String> = []
        for type in types {
            let name = "kind '\(type.id)'"
            if !Self.isKey(type.id, first: { $0.isLowercase }, rest: { $0.isLowercase || $0.isNumber || $0 == "_" }) {
                problems.append("\(name): an id is lower-case letters, digits and underscores, starting with a letter")
            }
            if !seen.insert(type.id).inserted { problems.append("\(name) is listed twice") }
            if type.name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("\(name) has no name") }
            if type.summary.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("\(name) has no summary") }
            if !(1...12).contains(type.targetMonths) {
                problems.append("\(name): the target must be 1 to 12 months, not \(type.targetMonths)")
            }
            var fields: Set<String> = []
            for field in type.fields {
                let named = "\(name), field '\(field.name)'"
                if !Self.isKey(field.name, first: { $0.isLetter }, rest: { $0.isLetter || $0.isNumber }) {
                    problems.append("\(named): a field name is letters and digits, starting with a letter")
                }
                if !fields.insert(field.name).inserted { problems.append("\(named) is listed twice") }
                if field.label.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("\(named) has no label") }
                switch (field.kind, field.choices) {
                case (.choice, let choices?) where !choices.isEmpty && Set(choices).count == choices.count: break
                case (.choice, _): problems.append("\(named): a choice needs its answers listed once each")
                case (_, nil): break
                case (_, _?): problems.append("\(named): only a choice lists answers")
                }
            }
        }
        guard problems.isEmpty else { throw ServiceRequestCatalogueError(problems: problems) }
        self.types = types
    }

    /// Reads a catalogue from JSON: `{"types": [{"id": …, "name": …, "summary": …, "targetMonths": …,
    /// "fields": [{"name": …, "label": …, "kind": "text", "required": true}]}]}`.
    public init(json: Data) throws(ServiceRequestCatalogueError) {
        struct File: Decodable { var types: [ServiceRequestType] }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: json)
        } catch {
            throw ServiceRequestCatalogueError(problems: ["the file is not a catalogue of request kinds: \(error)"])
        }
        try self.init(file.types)
    }

    /// The kind with this id, if it is offered.
    public func type(_ id: String) -> ServiceRequestType? { types.first { $0.id == id } }

    private static func isKey(_ text: String, first: (Character) -> Bool, rest: (Character) -> Bool) -> Bool {
        guard let head = text.first, head.isASCII, first(head), text.count <= 64 else { return false }
        return text.allSatisfy { $0.isASCII && rest($0) }
    }
}

/// Why a catalogue of request kinds was refused, every problem at once.
public struct ServiceRequestCatalogueError: Error, Hashable, Sendable, CustomStringConvertible {
    public var problems: [String]

    public var description: String {
        "The service request catalogue is not usable: " + problems.joined(separator: "; ")
    }
}

extension ServiceRequestCatalogue {
    /// The kinds an identity platform's partners ask for most, each within the Silver tier's three months.
    public static let standard: ServiceRequestCatalogue = {
        let environment = ServiceRequestField(
            "environment", label: "Environment", kind: .choice, choices: ["integration", "production"])
        let client = ServiceRequestField(
            "clientID", label: "Client ID", kind: .text, hint: "The client the change is for, as registered.")
        do {
            return try ServiceRequestCatalogue([
                ServiceRequestType(
                    id: "new_client", name: "New service or client configuration",
                    summary: "Register a further service or client, in integration or production.",
                    fields: [
                        environment,
                        ServiceRequestField("serviceName", label: "Service name", kind: .text),
                        ServiceRequestField(
                            "redirectURIs", label: "Redirect addresses", kind: .lines,
                            hint: "One https:// address per line."),
                        ServiceRequestField(
                            "scopes", label: "Scopes", kind: .text, hint: "Separated by spaces, such as openid profile."
                        ),
                        ServiceRequestField(
                            "publicKeys", label: "Public key set address", kind: .url, required: false,
                            hint: "Where the client's signing keys are published (JWKS)."),
                    ], targetMonths: 3),
                ServiceRequestType(
                    id: "redirect_change", name: "Change of redirect addresses",
                    summary: "Add or remove the addresses users are sent back to after signing in.",
                    fields: [
                        environment, client,
                        ServiceRequestField(
                            "add", label: "Addresses to add", kind: .lines, required: false,
                            hint: "One https:// address per line."),
                        ServiceRequestField(
                            "remove", label: "Addresses to remove", kind: .lines, required: false,
                            hint: "One address per line."),
                    ], targetMonths: 1),
                ServiceRequestType(
                    id: "test_accounts", name: "Test accounts",
                    summary: "Accounts for testing in the integration environment.",
                    fields: [
                        ServiceRequestField("count", label: "Number of accounts", kind: .number),
                        ServiceRequestField(
                            "proofingLevel", label: "Identity proofing level", kind: .choice,
                            choices: ["P0", "P5", "P9"]),
                        ServiceRequestField(
                            "purpose", label: "What they are for", kind: .lines,
                            hint: "The journeys you will test; never a real person's details."),
                    ], targetMonths: 1),
                ServiceRequestType(
                    id: "scope_change", name: "Change of scopes or claims",
                    summary: "Ask for more (or fewer) scopes or claims for a client.",
                    fields: [
                        environment, client,
                        ServiceRequestField("scopes", label: "Scopes or claims wanted", kind: .lines),
                        ServiceRequestField("reason", label: "Why the service needs them", kind: .lines),
                    ], targetMonths: 2),
                ServiceRequestType(
                    id: "key_rotation", name: "Key rotation",
                    summary: "Move a client to new signing keys.",
                    fields: [
                        environment, client,
                        ServiceRequestField("publicKeys", label: "New public key set address", kind: .url),
                        ServiceRequestField(
                            "switchOn", label: "Switch-over date", kind: .date, required: false,
                            hint: "The earliest day the old keys may stop working."),
                    ], targetMonths: 1),
                ServiceRequestType(
                    id: "offboarding", name: "Offboarding",
                    summary: "Retire clients or the whole service from the platform.",
                    fields: [
                        ServiceRequestField("clients", label: "Clients to retire", kind: .lines, hint: "One per line."),
                        ServiceRequestField("lastDay", label: "Last day of service", kind: .date),
                        ServiceRequestField("reason", label: "Reason", kind: .lines, required: false),
                    ], targetMonths: 3),
            ])
        } catch {
            preconditionFailure("The built-in service request catalogue is invalid: \(error)")
        }
    }()
}
