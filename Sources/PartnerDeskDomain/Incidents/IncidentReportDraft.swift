import Foundation

/// An incident's data set as a partner sent it, before any of it has been checked.
///
/// Every field is optional here so that a missing value gets its own clear message rather than a generic
/// "cannot decode". ``validated(services:now:)`` checks every field, runs the patient-data guard over every
/// text value, and reports every problem at once.
public struct IncidentReportDraft: Hashable, Sendable {
    /// The client id of the partner's service the user was using.
    public var service: String?
    public var partnerReference: String?
    public var type: String?
    /// When it happened, as an ISO 8601 instant with a zone (`2026-11-26T09:30:00Z`).
    public var occurredAt: String?
    public var userEmail: String?
    public var errorType: String?
    public var description: String?
    public var deviceType: String?
    public var operatingSystem: String?
    public var operatingSystemVersion: String?
    public var errorCodes: [String]?
    public var checkedKnownProblems: Bool?
    public var suspectedProblem: String?
    public var alternativeContact: String?
    public var suggestedSeverity: Int?

    public init(
        service: String? = nil, partnerReference: String? = nil, type: String? = nil, occurredAt: String? = nil,
        userEmail: String? = nil, errorType: String? = nil, description: String? = nil, deviceType: String? = nil,
        operatingSystem: String? = nil, operatingSystemVersion: String? = nil, errorCodes: [String]? = nil,
        checkedKnownProblems: Bool? = nil, suspectedProblem: String? = nil, alternativeContact: String? = nil,
        suggestedSeverity: Int? = nil
    ) {
        self.service = service
        self.partnerReference = partnerReference
        self.type = type
        self.occurredAt = occurredAt
        self.userEmail = userEmail
        self.errorType = errorType
        self.description = description
        self.deviceType = deviceType
        self.operatingSystem = operatingSystem
        self.operatingSystemVersion = operatingSystemVersion
        self.errorCodes = errorCodes
        self.checkedKnownProblems = checkedKnownProblems
        self.suspectedProblem = suspectedProblem
        self.alternativeContact = alternativeContact
        self.suggestedSeverity = suggestedSeverity
    }

    /// Longest accepted values, in characters.
    public enum Limits {
        public static let shortText = 200
        public static let description = 5_000
        public static let errorCodes = 20
        public static let errorCode = 100
        /// How far back the occurrence may be: a year.
        public static let occurredAtPast: TimeInterval = 366 * 86_400
        /// How far ahead of the server's clock a sender's clock may run: five minutes.
        public static let clockSkew: TimeInterval = 300
    }

    /// Checks the draft against the partner's services; `now` bounds the occurrence time (no more than five
    /// minutes in the future, to allow for clock skew, and no more than a year in the past).
    public func validated(services: [PartnerService], now: Date) throws(ValidationFailure) -> IncidentReport {
        var check = ValidationCollector()
        let guardIssues = PatientDataGuard().refusals(for: rawTextFields)

        var serviceID: PartnerService.ID?
        if let service = trimmed(service) {
            if let match = services.first(where: { $0.clientID == service }) {
                serviceID = match.id
            } else {
                check.add("service", "unknown_value", "Choose one of your organisation's services by its client id.")
            }
        }
        let type = choice("type", self.type, IncidentType.self, label: "incident type", into: &check)
        var occurredAt: Date?
        if let text = trimmed(self.occurredAt) {
            if let date = ISO8601Instant.date(from: text) {
                let earliest = now.addingTimeInterval(-Limits.occurredAtPast)
                let latest = now.addingTimeInterval(Limits.clockSkew)
                let bounds =
                    "between \(ISO8601Instant.string(from: earliest)) and \(ISO8601Instant.string(from: latest))"
                if date > latest {
                    check.add(
                        "occurredAt", "in_future",
                        "The date and time it happened cannot be in the future: give an instant \(bounds).")
                } else if date < earliest {
                    check.add(
                        "occurredAt", "too_old",
                        "Incidents are raised within a year of what happened: give an instant \(bounds).")
                } else {
                    occurredAt = date
                }
            } else {
                check.add(
                    "occurredAt", "invalid_format",
                    "Enter the date and time it happened as an ISO 8601 instant, like 2026-11-26T09:30:00Z."
                )
            }
        } else {
            check.add("occurredAt", "required", "Enter the date and time the user met the problem.")
        }
        var userEmail: EmailAddress?
        if let text = trimmed(self.userEmail) {
            userEmail = EmailAddress(text)
            if userEmail == nil {
                check.add("userEmail", "invalid_format", "Enter the user's e-mail address, like name@example.org.")
            }
        } else {
            check.add("userEmail", "required", "Enter the e-mail address the user signs in with.")
        }
        let errorType = check.requiredText(
            "errorType", self.errorType ?? "", label: "error type", maxLength: Limits.shortText)
        let description = check.requiredText(
            "description", self.description ?? "", label: "description of the issue", maxLength: Limits.description,
            lines: .multiple)
        let deviceType = choice("deviceType", self.deviceType, DeviceType.self, label: "device type", into: &check)
        let operatingSystem = check.requiredText(
            "operatingSystem", self.operatingSystem ?? "", label: "operating system", maxLength: Limits.shortText
        )
        let osVersion = check.requiredText(
            "operatingSystemVersion", self.operatingSystemVersion ?? "", label: "operating system version",
            maxLength: Limits.shortText
        )
        let given = (errorCodes ?? []).compactMap(trimmed)
        if given.count > Limits.errorCodes {
            check.add("errorCodes", "too_many", "Give at most \(Limits.errorCodes) error codes.")
        }
        let codes = given.enumerated().compactMap { index, code in
            check.limitedText("errorCodes[\(index)]", code, label: "error code", maxLength: Limits.errorCode)
        }
        let partnerReference = optionalText(
            "partnerReference", self.partnerReference, label: "your reference", into: &check)
        let suspected = optionalText("suspectedProblem", suspectedProblem, label: "known problem", into: &check)
        let contact = optionalText("alternativeContact", alternativeContact, label: "alternative contact", into: &check)
        var suggested: Severity?
        if let level = suggestedSeverity {
            suggested = Severity(level)
            if suggested == nil { check.add("suggestedSeverity", "out_of_range", "Suggest a severity from 1 to 5.") }
        }
        var issues = check.issues
        issues += guardIssues
        guard issues.isEmpty, let type, let occurredAt, let userEmail, let errorType, let description, let deviceType,
            let operatingSystem, let osVersion
        else { throw ValidationFailure(issues) }
        return IncidentReport(
            serviceID: serviceID, partnerReference: partnerReference, type: type, occurredAt: occurredAt,
            userEmail: userEmail, errorType: errorType, description: description, deviceType: deviceType,
            operatingSystem: operatingSystem, operatingSystemVersion: osVersion, errorCodes: codes,
            checkedKnownProblems: checkedKnownProblems ?? false, suspectedProblem: suspected,
            alternativeContact: contact, suggestedSeverity: suggested
        )
    }

    /// Every text value as sent, so the guard sees exactly what the partner wrote.
    private var rawTextFields: [(field: String, text: String)] {
        let named: [(String, String?)] = [
            ("service", service), ("partnerReference", partnerReference), ("userEmail", userEmail),
            ("errorType", errorType), ("description", description), ("operatingSystem", operatingSystem),
            ("operatingSystemVersion", operatingSystemVersion), ("suspectedProblem", suspectedProblem),
            ("alternativeContact", alternativeContact), ("occurredAt", occurredAt),
        ]
        return named.compactMap { field, text in text.map { (field, $0) } }
            + (errorCodes ?? []).enumerated().map { ("errorCodes[\($0.offset)]", $0.element) }
    }

    private func trimmed(_ text: String?) -> String? {
        guard let text = text?.trimmingWhitespace, !text.isEmpty else { return nil }
        return text
    }

    private func choice<T: RawRepresentable & CaseIterable>(
        _ field: String, _ value: String?, _ type: T.Type, label: String, into check: inout ValidationCollector
    ) -> T? where T.RawValue == String {
        let known = T.allCases.map(\.rawValue).joined(separator: ", ")
        guard let text = trimmed(value) else {
            check.add(field, "required", "Choose the \(label): \(known).")
            return nil
        }
        guard let parsed = T(rawValue: text) else {
            check.add(field, "unknown_value", "Choose the \(label) from: \(known).")
            return nil
        }
        return parsed
    }

    private func optionalText(
        _ field: String, _ value: String?, label: String, into check: inout ValidationCollector
    ) -> String? {
        guard let text = trimmed(value) else { return nil }
        return check.limitedText(field, text, label: label, maxLength: Limits.shortText)
    }
}
