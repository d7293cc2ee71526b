import Foundation

/// What the audit log compares of each kind of record. Free text appears by its size only
/// (``FieldChange/textSummary(_:)``); secrets never appear.
extension Incident: AuditedRecord {
    public var auditSubject: AuditSubject { AuditSubject(kind: "incident", id: id.description) }

    public var auditFields: [String: String] {
        var fields: [String: String] = [
            "status": status.rawValue, "group": group.rawValue, "type": report.type.rawValue,
            "occurredAt": ISO8601Instant.string(from: report.occurredAt), "errorType": report.errorType,
            "deviceType": report.deviceType.rawValue, "operatingSystem": report.operatingSystem,
            "operatingSystemVersion": report.operatingSystemVersion,
            "errorCodes": report.errorCodes.joined(separator: ", "),
        ]
        fields["severity"] = severity.map { String($0.level) }
        fields["linkedProblem"] = linkedProblem
        fields["resolution"] = resolution.map { "\($0.kind.rawValue): \(FieldChange.textSummary($0.summary) ?? "")" }
        fields["description"] = FieldChange.textSummary(report.description)
        fields["userEmail"] = FieldChange.textSummary(report.userEmail.value)
        fields["partnerReference"] = report.partnerReference
        fields["alternativeContact"] = FieldChange.textSummary(report.alternativeContact)
        return fields
    }
}

extension Problem: AuditedRecord {
    public var auditSubject: AuditSubject { AuditSubject(kind: "problem", id: id.description) }

    public var auditFields: [String: String] {
        var fields: [String: String] = [
            "title": title, "status": status.rawValue, "severity": String(severity.level),
            "published": isPublished ? "yes" : "no", "errorCodes": errorCodes.joined(separator: ", "),
        ]
        fields["description"] = FieldChange.textSummary(description)
        fields["rootCause"] = FieldChange.textSummary(rootCause)
        fields["workaround"] = FieldChange.textSummary(workaround)
        fields["fixRelease"] = fixRelease
        fields["publicSummary"] = FieldChange.textSummary(publicSummary)
        fields["mergedInto"] = mergedInto?.description
        return fields
    }
}

extension HigherSeverityIncident: AuditedRecord {
    public var auditSubject: AuditSubject { AuditSubject(kind: "hssi", id: id.description) }

    public var auditFields: [String: String] {
        var fields: [String: String] = [
            "title": title, "stage": stage.rawValue, "steps": String(steps.count),
            "assessments": String(assessments.count), "statusUpdates": String(statusUpdates.count),
            "affectedPartners": affectedPartnerIDs.map(\.description).joined(separator: ", "),
        ]
        fields["severity"] = severity.map { String($0.level) }
        fields["description"] = FieldChange.textSummary(description)
        if let intervention {
            fields["intervention"] = "convened \(ISO8601Instant.string(from: intervention.convenedAt))"
            fields["joined"] = intervention.invitations.filter { $0.joinedAt != nil }.map(\.partnerID.description)
                .joined(separator: ", ")
            fields["acknowledged"] = intervention.invitations.filter { $0.acknowledgedAt != nil }
                .map(\.partnerID.description).joined(separator: ", ")
        }
        return fields
    }
}

extension Partner: AuditedRecord {
    public var auditSubject: AuditSubject { AuditSubject(kind: "partner", id: id.description) }

    public var auditFields: [String: String] {
        [
            "code": code.description, "name": name, "status": status.rawValue, "tier": tierID,
            "services": services.map { "\($0.name) (\($0.clientID))" }.joined(separator: ", "),
            "contacts": contacts.map { contact in
                "\(contact.role.rawValue): \(contact.name) <\(contact.email.value)>"
                    + (contact.phone.map { " \($0)" } ?? "")
            }.joined(separator: ", "),
            "hoursOfOperation": hoursOfOperation.summary,
        ]
    }
}

extension PartnerJourney: AuditedRecord {
    /// The partner itself: its history shows its evidence, moves and check-ins beside its details.
    public var auditSubject: AuditSubject { AuditSubject(kind: "partner", id: partnerID.description) }

    public var auditFields: [String: String] {
        var fields: [String: String] = [:]
        for item in evidence { fields["evidence.\(item.requirement.rawValue)"] = item.state.rawValue }
        if let period = earlyLivePeriods.last {
            fields["earlyLive"] =
                "\(period.plan.summary) from \(period.startedOn)" + (period.endedOn.map { " to \($0)" } ?? "")
            fields["checkIns"] = String(period.checkIns.count)
            fields["openActions"] = String(period.openActions.count)
        }
        if let cadence = reviewCadence { fields["reviewCadence"] = cadence.rawValue }
        for review in reviews {
            fields["review.\(review.number)"] =
                "\(review.status.rawValue) \(ISO8601Instant.string(from: review.startsAt))"
                + (review.actions.isEmpty
                    ? "" : ", \(review.actions.filter(\.isDone).count) of \(review.actions.count) actions done")
        }
        return fields
    }
}

extension User: AuditedRecord {
    public var auditSubject: AuditSubject { AuditSubject(kind: "user", id: id.description) }

    public var auditFields: [String: String] {
        var fields = [
            "email": email.value, "name": displayName, "role": role.rawValue, "active": isActive ? "yes" : "no",
        ]
        fields["partner"] = partnerID?.description
        return fields
    }
}

extension APIToken: AuditedRecord {
    public var auditSubject: AuditSubject { AuditSubject(kind: "token", id: id.description) }

    public var auditFields: [String: String] {
        var fields = ["name": name, "role": role.rawValue, "scope": scope.rawValue]
        fields["partner"] = partnerID?.description
        fields["expiresAt"] = expiresAt.map(ISO8601Instant.string(from:))
        fields["revokedAt"] = revokedAt.map(ISO8601Instant.string(from:))
        return fields
    }
}

extension Sprint: AuditedRecord {
    public var auditSubject: AuditSubject { AuditSubject(kind: "sprint", id: id.description) }

    public var auditFields: [String: String] {
        var fields = [
            "number": String(number), "startsOn": startsOn.description, "endsOn": endsOn.description,
            "features": features.map(\.title).joined(separator: "; "),
        ]
        fields["goal"] = FieldChange.textSummary(goal)
        fields["digestSentAt"] = digestSentAt.map(ISO8601Instant.string(from:))
        return fields
    }
}

extension Release: AuditedRecord {
    public var auditSubject: AuditSubject { AuditSubject(kind: "release", id: id.description) }

    public var auditFields: [String: String] {
        var fields = [
            "name": name, "plannedAt": ISO8601Instant.string(from: plannedAt), "status": status.rawValue,
            "features": String(features.count), "problems": String(problems.count),
            "requirements": requirements.map(\.key).joined(separator: ", "),
            "decisions": decisions.map { "\($0.requirement.key) \($0.outcome.rawValue)" }.joined(separator: ", "),
        ]
        fields["summary"] = FieldChange.textSummary(summary)
        fields["knownIssues"] = FieldChange.textSummary(knownIssues)
        fields["partnerActions"] = FieldChange.textSummary(partnerActions)
        fields["notesPublishedAt"] = notesPublishedAt.map(ISO8601Instant.string(from:))
        fields["releasedAt"] = releasedAt.map(ISO8601Instant.string(from:))
        fields["rollback"] = rollback.map { FieldChange.textSummary($0.reason) ?? "" }
        return fields
    }
}

extension IntegrationNotice: AuditedRecord {
    public var auditSubject: AuditSubject { AuditSubject(kind: "integration_notice", id: id.description) }

    public var auditFields: [String: String] {
        var fields = [
            "reference": reference, "title": title, "availableFrom": availableFrom.description,
            "partners": partners.map(\.description).sorted().joined(separator: ", "),
            "acknowledged": responses.keys.map(\.description).sorted().joined(separator: ", "),
            "signedOff": responses.filter { $0.value.signOff != nil }.keys.map(\.description).sorted()
                .joined(separator: ", "),
        ]
        fields["description"] = FieldChange.textSummary(description)
        fields["sentAt"] = sentAt.map(ISO8601Instant.string(from:))
        return fields
    }
}

extension ApprovalLevel: AuditedRecord {
    public var auditSubject: AuditSubject { AuditSubject(kind: "approval_level", id: code) }

    public var auditFields: [String: String] {
        [
            "name": name, "requiredForReleases": requiredForReleases ? "yes" : "no",
            "requiredForMajorChanges": requiredForMajorChanges ? "yes" : "no",
            "approvers": approvers.map(\.description).sorted().joined(separator: ", "),
        ]
    }
}

extension ServiceRequest: AuditedRecord {
    public var auditSubject: AuditSubject { AuditSubject(kind: "service_request", id: id.description) }

    /// The title, state, target and size of the history; answers as summaries (they are the partner's
    /// words, kept on the request itself).
    public var auditFields: [String: String] {
        var fields: [String: String] = [
            "type": type.id, "title": title, "status": status.rawValue,
            "steps": String(steps.count),
        ]
        for answer in answers { fields["answers.\(answer.field)"] = FieldChange.textSummary(answer.value) }
        fields["dueDate"] = target?.dueDate.description
        fields["warningsSent"] = warningsSent.isEmpty ? nil : warningsSent.map(\.rawValue).joined(separator: ", ")
        return fields
    }
}
