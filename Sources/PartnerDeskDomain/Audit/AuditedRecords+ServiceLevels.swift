import Foundation

extension Outage: AuditedRecord {
    public var auditSubject: AuditSubject { AuditSubject(kind: "outage", id: id.description) }

    public var auditFields: [String: String] {
        var fields = [
            "reference": reference, "component": component, "startedAt": ISO8601Instant.string(from: startedAt),
            "impact": impact.rawValue, "partners": affectedPartners.map(\.description).sorted().joined(separator: ", "),
            "incidents": incidents.map(\.description).sorted().joined(separator: ", "),
            "hssis": hssis.map(\.description).sorted().joined(separator: ", "),
        ]
        fields["endedAt"] = endedAt.map(ISO8601Instant.string(from:))
        fields["maintenance"] = maintenanceID?.description
        fields["publicSummary"] = FieldChange.textSummary(publicSummary)
        fields["internalNotes"] = FieldChange.textSummary(internalNotes)
        fields["alert"] = alertKey
        return fields
    }
}

extension MaintenanceWindow: AuditedRecord {
    public var auditSubject: AuditSubject { AuditSubject(kind: "maintenance", id: id.description) }

    public var auditFields: [String: String] {
        var fields = [
            "reference": reference, "components": components.joined(separator: ", "),
            "startsAt": ISO8601Instant.string(from: startsAt), "endsAt": ISO8601Instant.string(from: endsAt),
            "partners": affectedPartners.map(\.description).sorted().joined(separator: ", "),
        ]
        fields["summary"] = FieldChange.textSummary(summary)
        fields["announcedAt"] = announcedAt.map(ISO8601Instant.string(from:))
        return fields
    }
}

extension BankHolidayImport: AuditedRecord {
    /// The calendars' bank holidays, one subject for every import.
    public var auditSubject: AuditSubject { AuditSubject(kind: "bank_holidays", id: "imports") }

    public var auditFields: [String: String] {
        ["changes": changes.map(\.sentence).joined(separator: "; ")]
    }
}
