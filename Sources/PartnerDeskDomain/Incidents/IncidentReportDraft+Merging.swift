import Foundation

extension IncidentReportDraft {
    /// The draft that reproduces a stored report, so a partial change can be merged and checked as a whole.
    public init(_ report: IncidentReport, services: [PartnerService]) {
        self.init(
            service: report.serviceID.flatMap { id in services.first { $0.id == id }?.clientID },
            partnerReference: report.partnerReference, type: report.type.rawValue,
            occurredAt: ISO8601Instant.string(from: report.occurredAt), userEmail: report.userEmail.display,
            errorType: report.errorType, description: report.description, deviceType: report.deviceType.rawValue,
            operatingSystem: report.operatingSystem, operatingSystemVersion: report.operatingSystemVersion,
            errorCodes: report.errorCodes, checkedKnownProblems: report.checkedKnownProblems,
            suspectedProblem: report.suspectedProblem, alternativeContact: report.alternativeContact,
            suggestedSeverity: report.suggestedSeverity?.level
        )
    }

    /// This draft with every field that `changes` sets replaced.
    public func merging(_ changes: IncidentReportDraft) -> IncidentReportDraft {
        var merged = self
        for field in Self.fields {
            field.merge(&merged, changes)
        }
        return merged
    }

    /// The names of the fields whose values differ between this draft and another.
    public func differences(from other: IncidentReportDraft) -> [String] {
        Self.fields.filter { !$0.equal(self, other) }.map(\.name)
    }

    private struct Field: Sendable {
        let name: String
        let merge: @Sendable (inout IncidentReportDraft, IncidentReportDraft) -> Void
        let equal: @Sendable (IncidentReportDraft, IncidentReportDraft) -> Bool

        init<Value: Equatable & Sendable>(
            _ name: String, _ path: WritableKeyPath<IncidentReportDraft, Value?> & Sendable
        ) {
            self.name = name
            self.merge = { target, changes in
                if let value = changes[keyPath: path] { target[keyPath: path] = value }
            }
            self.equal = { $0[keyPath: path] == $1[keyPath: path] }
        }
    }

    private static let fields: [Field] = [
        Field("service", \.service), Field("partnerReference", \.partnerReference), Field("type", \.type),
        Field("occurredAt", \.occurredAt), Field("userEmail", \.userEmail), Field("errorType", \.errorType),
        Field("description", \.description), Field("deviceType", \.deviceType),
        Field("operatingSystem", \.operatingSystem), Field("operatingSystemVersion", \.operatingSystemVersion),
        Field("errorCodes", \.errorCodes), Field("checkedKnownProblems", \.checkedKnownProblems),
        Field("suspectedProblem", \.suspectedProblem), Field("alternativeContact", \.alternativeContact),
        Field("suggestedSeverity", \.suggestedSeverity),
    ]
}
