import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import SQLKit

/// Converts incidents and their timeline events to SQL column values and back, without ORM models: these
/// rows are written on every raise and read fifty at a time on every list, and building Fluent models cost
/// more CPU than the rest of those requests together. Every stored string must read back as a valid domain
/// value; anything else is reported as ``StoredDataError`` rather than skipped.
enum IncidentRows {
    static let incidents = "incidents"
    static let events = "incident_events"

    /// The values of every column of `incidents` for this incident, `id` first.
    static func columns(_ incident: Incident, schedule: IncidentSchedule) throws -> [ColumnValue] {
        let report = incident.report
        return [
            ("id", incident.id.rawValue),
            ("number", Int64(incident.reference.number)),
            ("partner_id", incident.partnerID.rawValue),
            ("service_id", report.serviceID?.rawValue),
            ("partner_reference", report.partnerReference),
            ("type", report.type.rawValue),
            ("occurred_at", report.occurredAt),
            ("user_email", report.userEmail.display),
            ("error_type", report.errorType),
            ("description", report.description),
            ("device_type", report.deviceType.rawValue),
            ("operating_system", report.operatingSystem),
            ("operating_system_version", report.operatingSystemVersion),
            ("error_codes", try json(report.errorCodes)),
            ("checked_known_problems", report.checkedKnownProblems),
            ("suspected_problem", report.suspectedProblem),
            ("alternative_contact", report.alternativeContact),
            ("suggested_severity", report.suggestedSeverity?.level),
            ("status", incident.status.rawValue),
            ("status_before_waiting", incident.statusBeforeWaiting?.rawValue),
            ("severity", incident.severity?.level),
            ("resolver_group", incident.group.rawValue),
            ("linked_problem", incident.linkedProblem),
            ("resolution_kind", incident.resolution?.kind.rawValue),
            ("resolution_summary", incident.resolution?.summary),
            ("clock_events", try json(incident.clock)),
            ("raised_at", incident.raisedAt),
            ("raised_by", incident.raisedBy),
            ("updated_at", incident.updatedAt),
            ("version", incident.version),
            ("sort_due", IncidentListing.dueKey(schedule.dueAt)),
            ("breach_at", schedule.breachAt.map(epochSeconds)),
            ("next_escalation_at", schedule.nextEscalationAt.map(epochSeconds)),
            ("search_text", IncidentListing.searchText(incident)),
            ("active_until", IncidentListing.activeUntilKey(incident)),
        ]
    }

    /// The incident in a `SELECT *` row of `incidents`.
    static func incident(from row: any StoredRow) throws -> Incident {
        let id = try row.uuid("id")
        func fail() -> StoredDataError { .unreadable(table: incidents, id: id) }
        guard let reference = IncidentReference(number: try row.integer("number")),
            let type = IncidentType(rawValue: try row.text("type")),
            let email = EmailAddress(try row.text("user_email")),
            let device = DeviceType(rawValue: try row.text("device_type")),
            let status = IncidentStatus(rawValue: try row.text("status")),
            let group = Incident.Group(rawValue: try row.text("resolver_group"))
        else { throw fail() }
        let decoder = Self.decoder
        let report = IncidentReport(
            serviceID: try row.optionalUUID("service_id").map { .init($0) },
            partnerReference: try row.optionalText("partner_reference"), type: type,
            occurredAt: try row.date("occurred_at"), userEmail: email,
            errorType: try row.text("error_type"), description: try row.text("description"), deviceType: device,
            operatingSystem: try row.text("operating_system"),
            operatingSystemVersion: try row.text("operating_system_version"),
            errorCodes: try decoder.decode([String].self, from: Data(try row.text("error_codes").utf8)),
            checkedKnownProblems: try row.bool("checked_known_problems"),
            suspectedProblem: try row.optionalText("suspected_problem"),
            alternativeContact: try row.optionalText("alternative_contact"),
            suggestedSeverity: try row.optionalInteger("suggested_severity").flatMap(Severity.init)
        )
        var incident = Incident(
            id: .init(id), reference: reference, partnerID: .init(try row.uuid("partner_id")),
            report: report, raisedAt: try row.date("raised_at"), raisedBy: try row.text("raised_by")
        )
        incident.status = status
        incident.statusBeforeWaiting = try row.optionalText("status_before_waiting").flatMap(IncidentStatus.init)
        incident.severity = try row.optionalInteger("severity").flatMap(Severity.init)
        incident.group = group
        incident.linkedProblem = try row.optionalText("linked_problem")
        if let kind = try row.optionalText("resolution_kind").flatMap(IncidentResolution.Kind.init) {
            incident.resolution = IncidentResolution(
                kind: kind, summary: try row.optionalText("resolution_summary") ?? "")
        }
        incident.clock = try clock(from: row)
        incident.updatedAt = try row.date("updated_at")
        incident.version = try row.integer("version")
        return incident
    }

    /// The clock of a row of `incidents`.
    private static func clock(from row: any StoredRow) throws -> SLAClock {
        try decoder.decode(SLAClock.self, from: Data(try row.text("clock_events").utf8))
    }

    /// What replaying the clock needs, from a row with the columns `id`, `number`, `partner_id`, `version` and
    /// `clock_events`.
    static func runningClock(from row: any StoredRow) throws -> RunningClock {
        let id = try row.uuid("id")
        guard let reference = IncidentReference(number: try row.integer("number")) else {
            throw StoredDataError.unreadable(table: incidents, id: id)
        }
        return RunningClock(
            incidentID: .init(id), reference: reference, partnerID: .init(try row.uuid("partner_id")),
            version: try row.integer("version"), clock: try clock(from: row))
    }

    /// The values of every column of `incident_events` for this event.
    static func columns(_ event: IncidentEvent, ordinal: Int64) throws -> [ColumnValue] {
        var kind = ""
        var action: String?
        var from: String?
        var to: String?
        var detail: String?
        switch event.kind {
        case .raised: kind = "raised"
        case .transition(let transition, let before, let after):
            kind = "transition"
            (action, from, to) = (transition.rawValue, before.rawValue, after.rawValue)
        case .updated(let fields):
            kind = "updated"
            detail = try json(fields)
        case .comment: kind = "comment"
        case .attachment(let fileName):
            kind = "attachment"
            detail = fileName
        }
        return [
            ("id", event.id.rawValue), ("incident_id", event.incidentID.rawValue), ("at", event.at),
            ("ordinal", ordinal), ("kind", kind), ("action", action), ("from_status", from), ("to_status", to),
            ("detail", detail), ("visibility", event.visibility.rawValue), ("actor_name", event.actorName),
            ("actor_role", event.actorRole.rawValue), ("note", event.note),
        ]
    }

    /// The event in a `SELECT *` row of `incident_events`.
    static func event(from row: any StoredRow) throws -> IncidentEvent {
        let id = try row.uuid("id")
        func fail() -> StoredDataError { .unreadable(table: events, id: id) }
        guard let visibility = IncidentEvent.Visibility(rawValue: try row.text("visibility")),
            let role = Role(rawValue: try row.text("actor_role"))
        else { throw fail() }
        let detail = try row.optionalText("detail")
        let kind: IncidentEvent.Kind
        switch try row.text("kind") {
        case "raised": kind = .raised
        case "comment": kind = .comment
        case "attachment": kind = .attachment(fileName: detail ?? "")
        case "updated":
            kind = .updated(fields: try decoder.decode([String].self, from: Data((detail ?? "[]").utf8)))
        case "transition":
            guard let action = try row.optionalText("action").flatMap(IncidentAction.init),
                let from = try row.optionalText("from_status").flatMap(IncidentStatus.init),
                let to = try row.optionalText("to_status").flatMap(IncidentStatus.init)
            else { throw fail() }
            kind = .transition(action, from: from, to: to)
        default: throw fail()
        }
        return IncidentEvent(
            id: .init(id), incidentID: .init(try row.uuid("incident_id")), at: try row.date("at"), kind: kind,
            visibility: visibility, actorName: try row.text("actor_name"), actorRole: role,
            note: try row.optionalText("note")
        )
    }

    /// One decoder for the JSON columns of every row: making one per row showed in profiles of lists.
    private static let decoder = JSONDecoder()

    static func epochSeconds(_ instant: Date) -> Int64 { Int64(instant.timeIntervalSince1970.rounded(.up)) }

    private static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
