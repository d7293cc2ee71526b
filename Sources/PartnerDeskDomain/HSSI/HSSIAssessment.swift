import Foundation

/// One side's judgement of how serious a Higher Severity Service Incident is, and of what kind.
///
/// The record keeps the partner's judgement and the platform's side by side and never merges them: when the
/// platform calls something an HSSI, the partner must take part whatever its own view, so the platform's
/// judgement is the one in force (see ``HigherSeverityIncident/severity``). Only severity 1 and 2 exist for an
/// HSSI; anything else is refused with the code `not_hssi_severity`.
public struct HSSIAssessment: Hashable, Sendable, Codable {
    /// Whose judgement it is.
    public enum Party: String, CaseIterable, Hashable, Sendable, Codable {
        /// The partner whose service is affected.
        case partner = "partner"
        /// The platform (service desk or Service Bridge).
        case platform = "platform"

        /// A short label for pages and exports.
        public var label: String {
            switch self {
            case .partner: "Partner"
            case .platform: "Platform"
            }
        }
    }

    /// Whose judgement it is.
    public let party: Party
    /// Severity 1 or 2.
    public let severity: Severity
    /// What kind of harm is threatened.
    public let category: HSSICategory
    /// Who made the judgement.
    public let assessedBy: HSSIActor
    /// When it was made.
    public let assessedAt: Date

    private init(party: Party, severity: Severity, category: HSSICategory, assessedBy: HSSIActor, assessedAt: Date) {
        self.party = party
        self.severity = severity
        self.category = category
        self.assessedBy = assessedBy
        self.assessedAt = assessedAt
    }

    /// Builds an assessment after checking the severity level; `nil` after recording why not, or when the person
    /// (checked by the caller) was refused.
    static func checked(
        party: Party, severityLevel: Int, category: HSSICategory, by actor: HSSIActor?, at instant: Date,
        into check: inout ValidationCollector
    ) -> HSSIAssessment? {
        var severity: Severity?
        if severityLevel == 1 || severityLevel == 2 {
            severity = Severity(severityLevel)
        } else {
            check.add(
                "severity", "not_hssi_severity",
                "A Higher Severity Service Incident is severity 1 or 2, not \(severityLevel).")
        }
        guard let severity, let actor else { return nil }
        return HSSIAssessment(
            party: party, severity: severity, category: category, assessedBy: actor, assessedAt: instant)
    }
}
