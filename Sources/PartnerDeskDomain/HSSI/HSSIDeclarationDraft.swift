import Foundation

/// What someone declaring an HSSI writes. A partner declares for its own organisation; staff name the
/// partner (or the incident it grew from) and may name other affected partners.
public struct HSSIDeclarationDraft: Sendable, Hashable {
    /// The primary partner's code (staff only; a partner's own people declare for their organisation).
    public var partner: String?
    /// Other affected partners' codes (staff only).
    public var affectedPartners: [String]?
    /// The incident it grew from, such as INC-000123.
    public var incident: String?
    public var title: String?
    public var description: String?
    /// When it happened (ISO 8601); required.
    public var occurredAt: String?
    /// When the partner recognised it (ISO 8601); defaults to the declaration.
    public var identifiedAt: String?
    /// The declarer's severity, 1 or 2.
    public var severity: Int?
    /// `potential_data_breach`, `wrong_information_shown` or `other`.
    public var category: String?

    public init(
        partner: String? = nil, affectedPartners: [String]? = nil, incident: String? = nil, title: String?,
        description: String?, occurredAt: String?, identifiedAt: String? = nil, severity: Int?, category: String?
    ) {
        self.partner = partner
        self.affectedPartners = affectedPartners
        self.incident = incident
        self.title = title
        self.description = description
        self.occurredAt = occurredAt
        self.identifiedAt = identifiedAt
        self.severity = severity
        self.category = category
    }

    /// What the declaration says that the Domain can check by itself, read.
    public struct Checked: Sendable, Hashable {
        public var occurredAt: Date?
        public var identifiedAt: Date?
        /// 1 or 2; `nil` after the reason was recorded.
        public var severity: Int?
        public var category: HSSICategory?
    }

    /// Checks the times (not in the future; when it happened is required), the severity (1 or 2) and the
    /// category, adding every problem to `check`, which the use case goes on filling with what only the
    /// store can tell (the partner, the incident).
    public func checked(now: Date, into check: inout ValidationCollector) -> Checked {
        let occurredAt = check.instant(self.occurredAt, field: "occurredAt", required: true, now: now)
        let identifiedAt = check.instant(self.identifiedAt, field: "identifiedAt", required: false, now: now)
        var severity = self.severity
        if severity != 1 && severity != 2 {
            check.add("severity", "out_of_range", "An HSSI is severity 1 or 2.")
            severity = nil
        }
        let category = HSSICategory(rawValue: self.category ?? "")
        if category == nil {
            check.add(
                "category", "unknown_value", "The category is potential_data_breach, wrong_information_shown or other.")
        }
        return Checked(occurredAt: occurredAt, identifiedAt: identifiedAt, severity: severity, category: category)
    }
}
