import Foundation
import PartnerDeskDomain
import Vapor

/// The partner's form for raising an incident: every field of the required data set, with the partner's
/// own services to choose from, and each refusal shown beside its field and in the summary.
struct RaiseIncidentPage: Encodable {
    struct Field: Encodable {
        var name: String
        var label: String
        var kind: String
        var value: String
        var hint: String?
        var optional: Bool
        var options: [SelectOption]
        var error: String?
        var describedBy: String?
    }

    /// A published problem offered while checking known problems first.
    struct KnownProblem: Encodable {
        var reference: String
        var titleHTML: String
        var summaryHTML: String
        var workaround: String?
        /// The raise form again, with this problem as the one the incident may match.
        var useLink: String
    }

    var title = "Raise an incident"
    var signedIn: SignedInHeader
    var csrf: String
    /// What the partner searched the known problems for, and what was found.
    var problemQuery: String
    var searchedProblems: Bool
    var knownProblems: [KnownProblem]
    var fields: [Field]
    var errors: [PageError]
    var hasErrors: Bool

    /// The form values as typed (keys are the field names).
    typealias Values = [String: String]

    /// The posted form: its text fields by name, and the screenshot when one was chosen (the form is
    /// multipart; a file input left empty arrives as an empty part, read as no screenshot).
    struct Form: Decodable {
        var values: Values = [:]
        var screenshot: File?

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            for key in container.allKeys {
                if key.stringValue == "screenshot" {
                    screenshot = try container.decodeIfPresent(File.self, forKey: key)
                    if screenshot?.data.readableBytes == 0 { screenshot = nil }
                } else {
                    values[key.stringValue] = try container.decode(String.self, forKey: key)
                }
            }
        }
    }

    init(
        principal: Principal, csrf: String, services: [PartnerService], values: Values = [:],
        issues: [ValidationIssue] = [], problemQuery: String = "", knownProblems: [KnownProblem] = []
    ) {
        signedIn = SignedInHeader(principal, csrf: csrf)
        self.csrf = csrf
        self.problemQuery = problemQuery
        searchedProblems = !problemQuery.isEmpty
        self.knownProblems = knownProblems
        // A value refused for carrying patient-identifiable data is never sent back to the browser.
        var values = values
        for issue in issues where issue.code == PatientDataGuard.refusalCode {
            values[issue.field.hasPrefix("errorCodes") ? "errorCodes" : issue.field] = ""
        }
        var messages: [String: String] = [:]
        for issue in issues {
            let field = issue.field.hasPrefix("errorCodes") ? "errorCodes" : issue.field
            messages[field] = messages[field] ?? issue.message
        }
        func field(
            _ name: String, _ label: String, kind: String = "text", hint: String? = nil, optional: Bool = false,
            choices: [(String, String)] = []
        ) -> Field {
            let value = values[name] ?? ""
            let choiceList =
                choices.isEmpty
                ? []
                : ([("", optional ? "Not stated" : "Choose…")] + choices).map {
                    SelectOption(value: $0.0, label: $0.1, selected: $0.0 == value)
                }
            let error = messages[name]
            let described = [hint == nil ? nil : "\(name)-hint", error == nil ? nil : "\(name)-error"].compactMap { $0 }
            return Field(
                name: name, label: label, kind: kind, value: value, hint: hint, optional: optional, options: choiceList,
                error: error, describedBy: described.isEmpty ? nil : described.joined(separator: " ")
            )
        }
        fields = [
            field(
                "service", "Service", kind: "select", optional: true, choices: services.map { ($0.clientID, $0.name) }),
            field(
                "type", "What kind of incident is it?", kind: "select",
                choices: IncidentType.allCases.map { ($0.rawValue, $0.label) }),
            field("occurredAt", "When did it happen? (UK time)", kind: "datetime-local"),
            field("userEmail", "The user's e-mail address", kind: "email", hint: "The address they sign in with."),
            field("errorType", "Error type", hint: "For example: sign-in loop, blank page, code not received."),
            field(
                "description", "What happened?", kind: "textarea",
                hint: "What the user did, what they saw, and what they expected."),
            field("deviceType", "Device", kind: "select", choices: DeviceType.allCases.map { ($0.rawValue, $0.label) }),
            field("operatingSystem", "Operating system", hint: "For example: iOS, Android, Windows."),
            field("operatingSystemVersion", "Operating system version"),
            field("errorCodes", "Error codes", hint: "Separate several codes with commas.", optional: true),
            field("partnerReference", "Your reference", optional: true),
            field("checkedKnownProblems", "We checked the known problems first", kind: "checkbox", optional: true),
            field("suspectedProblem", "Known problem it may match", hint: "For example: PRB-000045.", optional: true),
            field(
                "alternativeContact", "Who should we contact about this incident?",
                hint: "Leave empty to use the contacts from your registration form.", optional: true),
            field(
                "suggestedSeverity", "Severity you suggest", kind: "select", optional: true,
                choices: (1...5).map { (String($0), "Severity \($0)") }),
            field(
                "screenshot", "Screenshot", kind: "file",
                hint:
                    "PNG, JPEG or WebP, up to 10 MB. Location and camera details are removed from photos. If the form is refused, choose the file again.",
                optional: true),
            field(
                "confirmNoPatientData",
                "I have checked that the screenshot shows no patient-identifiable data, such as an NHS number, a name or a date of birth",
                kind: "checkbox", optional: true),
        ]
        let order = fields.map(\.name)
        errors = issues.map { issue in
            let field = issue.field.hasPrefix("errorCodes") ? "errorCodes" : issue.field
            return PageError(field: order.contains(field) ? field : "description", message: issue.message)
        }
        hasErrors = !errors.isEmpty
    }

    /// The draft the form values describe; the UK local date and time becomes an instant.
    static func draft(from values: Values) -> IncidentReportDraft {
        func text(_ name: String) -> String? { values[name].flatMap { $0.isEmpty ? nil : $0 } }
        let occurredAt = PageFormat.instantText(text("occurredAt"))
        return IncidentReportDraft(
            service: text("service"), partnerReference: text("partnerReference"), type: text("type"),
            occurredAt: occurredAt, userEmail: text("userEmail"), errorType: text("errorType"),
            description: text("description"), deviceType: text("deviceType"), operatingSystem: text("operatingSystem"),
            operatingSystemVersion: text("operatingSystemVersion"),
            errorCodes: text("errorCodes").map {
                $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            },
            checkedKnownProblems: values["checkedKnownProblems"] == "true", suspectedProblem: text("suspectedProblem"),
            alternativeContact: text("alternativeContact"),
            suggestedSeverity: text("suggestedSeverity").flatMap(Int.init)
        )
    }
}
