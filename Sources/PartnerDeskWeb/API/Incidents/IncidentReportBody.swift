import PartnerDeskDomain

/// An incident's data set as sent, the document's `IncidentReport` (and `IncidentChanges`, where every field may
/// be left out); the Domain's draft checks it.
struct IncidentReportBody: Codable, Hashable, Sendable {
    var service: String?
    var partnerReference: String?
    var type: String?
    var occurredAt: String?
    var userEmail: String?
    var errorType: String?
    var description: String?
    var deviceType: String?
    var operatingSystem: String?
    var operatingSystemVersion: String?
    var errorCodes: [String]?
    var checkedKnownProblems: Bool?
    var suspectedProblem: String?
    var alternativeContact: String?
    var suggestedSeverity: Int?

    var draft: IncidentReportDraft {
        IncidentReportDraft(
            service: service, partnerReference: partnerReference, type: type, occurredAt: occurredAt,
            userEmail: userEmail, errorType: errorType, description: description, deviceType: deviceType,
            operatingSystem: operatingSystem, operatingSystemVersion: operatingSystemVersion, errorCodes: errorCodes,
            checkedKnownProblems: checkedKnownProblems, suspectedProblem: suspectedProblem,
            alternativeContact: alternativeContact, suggestedSeverity: suggestedSeverity)
    }
}
