import Foundation

/// The kinds of incident the process names.
public enum IncidentType: String, CaseIterable, Hashable, Sendable, Codable {
    case accessingService = "accessing_service"
    case provingIdentity = "proving_identity"
    case connectedServiceUnavailable = "connected_service_unavailable"
    case other = "other"

    public var label: String {
        switch self {
        case .accessingService: "Users cannot access the service"
        case .provingIdentity: "Users cannot prove their identity"
        case .connectedServiceUnavailable: "A connected or reliant service is unavailable"
        case .other: "Something else"
        }
    }
}

/// The device the user was on.
public enum DeviceType: String, CaseIterable, Hashable, Sendable, Codable {
    case mobile = "mobile"
    case tablet = "tablet"
    case pc = "pc"
    case laptop = "laptop"

    public var label: String {
        switch self {
        case .mobile: "Mobile"
        case .tablet: "Tablet"
        case .pc: "PC"
        case .laptop: "Laptop"
        }
    }
}

/// The data set a partner gives when raising an incident, checked and free of patient-identifiable data.
///
/// The process asks for the date and time, the user's e-mail address, the error type, a description, the
/// device type, the operating system and its version, any error codes and any screenshots (uploaded
/// separately), and never anything that identifies a patient.
public struct IncidentReport: Hashable, Sendable {
    public var serviceID: PartnerService.ID?
    /// The partner's own reference for the incident, if it has one.
    public var partnerReference: String?
    public var type: IncidentType
    /// When the user met the problem.
    public var occurredAt: Date
    /// The e-mail address the user signs in with.
    public var userEmail: EmailAddress
    public var errorType: String
    public var description: String
    public var deviceType: DeviceType
    public var operatingSystem: String
    public var operatingSystemVersion: String
    public var errorCodes: [String]
    /// Whether the partner looked at the known problems first (step 3 of the process).
    public var checkedKnownProblems: Bool
    /// The known problem the partner thinks this matches, if any.
    public var suspectedProblem: String?
    /// Whom to contact about this incident instead of the registration-form contacts.
    public var alternativeContact: String?
    /// The severity the partner thinks fits; the desk decides.
    public var suggestedSeverity: Severity?

    public init(
        serviceID: PartnerService.ID?, partnerReference: String?, type: IncidentType, occurredAt: Date,
        userEmail: EmailAddress, errorType: String, description: String, deviceType: DeviceType,
        operatingSystem: String, operatingSystemVersion: String, errorCodes: [String], checkedKnownProblems: Bool,
        suspectedProblem: String?, alternativeContact: String?, suggestedSeverity: Severity?
    ) {
        self.serviceID = serviceID
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

    /// Every free-text value with the name of its field, for the patient-data guard.
    public var textFields: [(field: String, text: String)] {
        var fields: [(String, String)] = [
            ("errorType", errorType), ("description", description), ("operatingSystem", operatingSystem),
            ("operatingSystemVersion", operatingSystemVersion),
        ]
        if let partnerReference { fields.append(("partnerReference", partnerReference)) }
        if let suspectedProblem { fields.append(("suspectedProblem", suspectedProblem)) }
        if let alternativeContact { fields.append(("alternativeContact", alternativeContact)) }
        for (index, code) in errorCodes.enumerated() { fields.append(("errorCodes[\(index)]", code)) }
        return fields
    }
}
