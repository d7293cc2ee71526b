import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import SQLKit

/// Converts incidents to rows and back. Every stored string must read back as a valid domain value;
/// anything else is reported as ``StoredDataError`` rather than skipped.
enum IncidentRecordMapping {
    /// Stands in for "no due instant" so incidents without a running clock sort after all others.
    static let noDue: Int64 = 99_999_999_999

    static func fill(_ record: IncidentRecord, from incident: Incident, schedule: IncidentSchedule) throws {
        let report = incident.report
        record.id = incident.id.rawValue
        record.number = Int64(incident.reference.number)
        record.partnerID = incident.partnerID.rawValue
        record.serviceID = report.serviceID?.rawValue
        record.partnerReference = report.partnerReference
        record.type = report.type.rawValue
        record.occurredAt = report.occurredAt
        record.userEmail = report.userEmail.value
        record.errorType = report.errorType
        record.description = report.description
        record.deviceType = report.deviceType.rawValue
        record.operatingSystem = report.operatingSystem
        record.operatingSystemVersion = report.operatingSystemVersion
        record.errorCodes = try json(report.errorCodes)
        record.checkedKnownProblems = report.checkedKnownProblems
        record.suspectedProblem = report.suspectedProblem
        record.alternativeContact = report.alternativeContact
        record.suggestedSeverity = report.suggestedSeverity?.level
        record.status = incident.status.rawValue
        record.statusBeforeWaiting = incident.statusBeforeWaiting?.rawValue
        record.severity = incident.severity?.level
        record.group = incident.group.rawValue
        record.linkedProblem = incident.linkedProblem
        record.resolutionKind = incident.resolution?.kind.rawValue
        record.resolutionSummary = incident.resolution?.summary
        record.clockEvents = try json(incident.clock)
        record.raisedAt = incident.raisedAt
        record.raisedBy = incident.raisedBy
        record.updatedAt = incident.updatedAt
        record.version = incident.version
        record.sortDue = schedule.dueAt.map { Int64($0.timeIntervalSince1970.rounded(.up)) } ?? noDue
        record.breachAt = schedule.breachAt.map { Int64($0.timeIntervalSince1970.rounded(.up)) }
        record.searchText =
            ([incident.reference.description, report.errorType, report.description]
            + report.errorCodes + [report.partnerReference ?? ""]).joined(separator: " ").lowercased()
    }

    /// A record read from a raw `SELECT *` row of `incidents`, without Fluent's model decoding.
    static func record(from row: any SQLRow) throws -> IncidentRecord {
        let record = IncidentRecord()
        record.id = try row.decode(column: "id", as: UUID?.self)
        record.number = try row.decode(column: "number", as: Int64.self)
        record.partnerID = try row.decode(column: "partner_id", as: UUID.self)
        record.serviceID = try row.decode(column: "service_id", as: UUID?.self)
        record.partnerReference = try row.decode(column: "partner_reference", as: String?.self)
        record.type = try row.decode(column: "type", as: String.self)
        record.occurredAt = try row.decode(column: "occurred_at", as: Date.self)
        record.userEmail = try row.decode(column: "user_email", as: String.self)
        record.errorType = try row.decode(column: "error_type", as: String.self)
        record.description = try row.decode(column: "description", as: String.self)
        record.deviceType = try row.decode(column: "device_type", as: String.self)
        record.operatingSystem = try row.decode(column: "operating_system", as: String.self)
        record.operatingSystemVersion = try row.decode(column: "operating_system_version", as: String.self)
        record.errorCodes = try row.decode(column: "error_codes", as: String.self)
        record.checkedKnownProblems = try row.decode(column: "checked_known_problems", as: Bool.self)
        record.suspectedProblem = try row.decode(column: "suspected_problem", as: String?.self)
        record.alternativeContact = try row.decode(column: "alternative_contact", as: String?.self)
        record.suggestedSeverity = try row.decode(column: "suggested_severity", as: Int?.self)
        record.status = try row.decode(column: "status", as: String.self)
        record.statusBeforeWaiting = try row.decode(column: "status_before_waiting", as: String?.self)
        record.severity = try row.decode(column: "severity", as: Int?.self)
        record.group = try row.decode(column: "resolver_group", as: String.self)
        record.linkedProblem = try row.decode(column: "linked_problem", as: String?.self)
        record.resolutionKind = try row.decode(column: "resolution_kind", as: String?.self)
        record.resolutionSummary = try row.decode(column: "resolution_summary", as: String?.self)
        record.clockEvents = try row.decode(column: "clock_events", as: String.self)
        record.raisedAt = try row.decode(column: "raised_at", as: Date.self)
        record.raisedBy = try row.decode(column: "raised_by", as: String.self)
        record.updatedAt = try row.decode(column: "updated_at", as: Date.self)
        record.version = try row.decode(column: "version", as: Int.self)
        record.sortDue = try row.decode(column: "sort_due", as: Int64.self)
        record.breachAt = try row.decode(column: "breach_at", as: Int64?.self)
        record.searchText = try row.decode(column: "search_text", as: String.self)
        return record
    }

    static func incident(from record: IncidentRecord) throws -> Incident {
        func fail() -> StoredDataError { .unreadable(table: IncidentRecord.schema, id: record.id) }
        guard let id = record.id, let reference = IncidentReference(number: Int(record.number)),
            let type = IncidentType(rawValue: record.type), let email = EmailAddress(record.userEmail),
            let device = DeviceType(rawValue: record.deviceType), let status = IncidentStatus(rawValue: record.status),
            let group = Incident.Group(rawValue: record.group)
        else { throw fail() }
        let decoder = JSONDecoder()
        let report = IncidentReport(
            serviceID: record.serviceID.map { .init($0) }, partnerReference: record.partnerReference, type: type,
            occurredAt: record.occurredAt, userEmail: email, errorType: record.errorType,
            description: record.description,
            deviceType: device, operatingSystem: record.operatingSystem,
            operatingSystemVersion: record.operatingSystemVersion,
            errorCodes: try decoder.decode([String].self, from: Data(record.errorCodes.utf8)),
            checkedKnownProblems: record.checkedKnownProblems, suspectedProblem: record.suspectedProblem,
            alternativeContact: record.alternativeContact,
            suggestedSeverity: record.suggestedSeverity.flatMap(Severity.init)
        )
        var incident = Incident(
            id: .init(id), reference: reference, partnerID: .init(record.partnerID), report: report,
            raisedAt: record.raisedAt, raisedBy: record.raisedBy
        )
        incident.status = status
        incident.statusBeforeWaiting = record.statusBeforeWaiting.flatMap(IncidentStatus.init(rawValue:))
        incident.severity = record.severity.flatMap(Severity.init)
        incident.group = group
        incident.linkedProblem = record.linkedProblem
        if let kind = record.resolutionKind.flatMap(IncidentResolution.Kind.init(rawValue:)) {
            incident.resolution = IncidentResolution(kind: kind, summary: record.resolutionSummary ?? "")
        }
        incident.clock = try decoder.decode(SLAClock.self, from: Data(record.clockEvents.utf8))
        incident.updatedAt = record.updatedAt
        incident.version = record.version
        return incident
    }

    static func fill(_ record: IncidentEventRecord, from event: IncidentEvent, ordinal: Int64) throws {
        record.id = event.id.rawValue
        record.incidentID = event.incidentID.rawValue
        record.at = event.at
        record.ordinal = ordinal
        record.visibility = event.visibility.rawValue
        record.actorName = event.actorName
        record.actorRole = event.actorRole.rawValue
        record.note = event.note
        switch event.kind {
        case .raised:
            record.kind = "raised"
        case .transition(let action, let from, let to):
            record.kind = "transition"
            record.action = action.rawValue
            record.fromStatus = from.rawValue
            record.toStatus = to.rawValue
        case .updated(let fields):
            record.kind = "updated"
            record.detail = try json(fields)
        case .comment:
            record.kind = "comment"
        case .attachment(let fileName):
            record.kind = "attachment"
            record.detail = fileName
        }
    }

    static func event(from record: IncidentEventRecord) throws -> IncidentEvent {
        func fail() -> StoredDataError { .unreadable(table: IncidentEventRecord.schema, id: record.id) }
        guard let id = record.id, let visibility = IncidentEvent.Visibility(rawValue: record.visibility),
            let role = Role(rawValue: record.actorRole)
        else { throw fail() }
        let kind: IncidentEvent.Kind
        switch record.kind {
        case "raised": kind = .raised
        case "comment": kind = .comment
        case "attachment": kind = .attachment(fileName: record.detail ?? "")
        case "updated":
            kind = .updated(fields: try JSONDecoder().decode([String].self, from: Data((record.detail ?? "[]").utf8)))
        case "transition":
            guard let action = record.action.flatMap(IncidentAction.init(rawValue:)),
                let from = record.fromStatus.flatMap(IncidentStatus.init(rawValue:)),
                let to = record.toStatus.flatMap(IncidentStatus.init(rawValue:))
            else { throw fail() }
            kind = .transition(action, from: from, to: to)
        default: throw fail()
        }
        return IncidentEvent(
            id: .init(id), incidentID: .init(record.incidentID), at: record.at, kind: kind, visibility: visibility,
            actorName: record.actorName, actorRole: role, note: record.note
        )
    }

    private static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
