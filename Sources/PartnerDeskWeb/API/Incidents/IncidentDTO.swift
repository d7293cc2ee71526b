import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// An incident as the API shows it, with its SLA state as of the response.
struct IncidentDTO: Content, Equatable {
    struct SLA: Codable, Equatable {
        var state: String
        var targetSeconds: Int
        var elapsedSeconds: Int
        var remainingSeconds: Int
        var shareUsed: Double
        var dueAt: String?
        var paused: Bool
        var breached: Bool
        var warningsCrossed: [Double]
    }

    var id: String
    var reference: String
    var partnerID: String
    var status: String
    var statusLabel: String
    var severity: Int?
    var suggestedSeverity: Int?
    var group: String
    var service: String?
    var partnerReference: String?
    var type: String
    var occurredAt: String
    var userEmail: String
    var errorType: String
    var description: String
    var deviceType: String
    var operatingSystem: String
    var operatingSystemVersion: String
    var errorCodes: [String]
    var checkedKnownProblems: Bool
    var suspectedProblem: String?
    var alternativeContact: String?
    var linkedProblem: String?
    var resolution: IncidentResolution?
    var raisedAt: String
    var raisedBy: String
    var updatedAt: String
    var version: Int
    var tier: String
    /// Absent until the desk has received the incident and assigned a severity.
    var sla: SLA?
    /// Only in the answer to a raise or a change: what was masked in the text just sent.
    var masked: [MaskingDTO]?

    init(_ view: IncidentView) {
        masked = MaskingDTO.list(view.maskings)
        let incident = view.incident
        let report = incident.report
        id = incident.id.description
        reference = incident.reference.description
        partnerID = incident.partnerID.description
        status = incident.status.rawValue
        statusLabel = incident.status.label
        severity = incident.severity?.level
        suggestedSeverity = report.suggestedSeverity?.level
        group = incident.group.rawValue
        service = view.serviceClientID
        partnerReference = report.partnerReference
        type = report.type.rawValue
        occurredAt = ISO8601Instant.string(from: report.occurredAt)
        userEmail = report.userEmail.display
        errorType = report.errorType
        description = report.description
        deviceType = report.deviceType.rawValue
        operatingSystem = report.operatingSystem
        operatingSystemVersion = report.operatingSystemVersion
        errorCodes = report.errorCodes
        checkedKnownProblems = report.checkedKnownProblems
        suspectedProblem = report.suspectedProblem
        alternativeContact = report.alternativeContact
        linkedProblem = incident.linkedProblem
        resolution = incident.resolution
        raisedAt = ISO8601Instant.string(from: incident.raisedAt)
        raisedBy = incident.raisedBy
        updatedAt = ISO8601Instant.string(from: incident.updatedAt)
        version = incident.version
        tier = view.tier.id
        sla = view.sla.map { status in
            SLA(
                state: status.state.rawValue, targetSeconds: status.targetSeconds,
                elapsedSeconds: status.elapsedSeconds,
                remainingSeconds: status.remainingSeconds, shareUsed: status.shareUsed,
                dueAt: (status.due ?? status.projectedDue).map(ISO8601Instant.string(from:)), paused: status.isPaused,
                breached: status.state == .breached, warningsCrossed: status.crossedWarningThresholds
            )
        }
    }
}

/// Sensitive text masked before it was stored: where, what and how many, and a sentence for the sender.
struct MaskingDTO: Codable, Equatable {
    var field: String
    var kind: String
    var count: Int
    var message: String

    /// The maskings, or `nil` (left out of the answer) when there were none.
    static func list(_ maskings: [TextMasking]) -> [MaskingDTO]? {
        maskings.isEmpty
            ? nil
            : maskings.map {
                let named = TextMasking(field: "the \($0.field) field", kind: $0.kind, count: $0.count)
                return MaskingDTO(field: $0.field, kind: $0.kind.rawValue, count: $0.count, message: named.message)
            }
    }
}
