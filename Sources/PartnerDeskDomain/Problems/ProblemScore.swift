import Foundation

/// How much a problem matters, from the incidents linked to it: the ranking that decides which fixes come
/// first.
///
/// The formula, shown to people as it is:
///
///     score = Σ over linked incidents (severity weight × recency) + 10 × partners affected
///
/// - severity weight: severity 1 → 16, 2 → 8, 3 → 4, 4 → 2, 5 → 1; an incident not yet assessed → 1;
/// - recency: raised in the last 7 days → 1, in the last 30 days → 0.5, earlier → 0.25;
/// - partners affected: how many different partners raised the linked incidents, so a problem that reaches
///   many partners outranks one that one partner meets many times.
///
/// Problems with equal scores rank by severity, then by age (older first).
public struct ProblemScore: Hashable, Sendable, Comparable {
    /// One incident linked to the problem, as far as the score needs it.
    public struct LinkedIncident: Hashable, Sendable {
        public var partnerID: Partner.ID
        public var severity: Severity?
        public var raisedAt: Date

        public init(partnerID: Partner.ID, severity: Severity?, raisedAt: Date) {
            self.partnerID = partnerID
            self.severity = severity
            self.raisedAt = raisedAt
        }
    }

    public var incidents: Int
    public var partners: Int
    /// The incidents' part: Σ severity weight × recency.
    public var incidentPoints: Double
    /// The partners' part: 10 per partner.
    public var partnerPoints: Double

    public var total: Double { incidentPoints + partnerPoints }

    /// The score of a problem with these linked incidents, at `instant`.
    public init(_ linked: [LinkedIncident], at instant: Date) {
        incidents = linked.count
        partners = Set(linked.map(\.partnerID)).count
        incidentPoints = linked.reduce(0) { sum, incident in
            sum + Self.weight(incident.severity) * Self.recency(instant.timeIntervalSince(incident.raisedAt))
        }
        partnerPoints = Double(partners) * 10
    }

    static func weight(_ severity: Severity?) -> Double {
        guard let severity else { return 1 }
        return [16, 8, 4, 2, 1][severity.level - 1]
    }

    static func recency(_ age: TimeInterval) -> Double {
        switch age {
        case ..<(7 * 86_400): 1
        case ..<(30 * 86_400): 0.5
        default: 0.25
        }
    }

    public static func < (lhs: ProblemScore, rhs: ProblemScore) -> Bool { lhs.total < rhs.total }

    /// The formula in words, for the page that ranks problems.
    public static let explanation =
        "Score = for each linked incident, its severity weight (severity 1: 16, 2: 8, 3: 4, 4: 2, 5: 1, not yet "
        + "assessed: 1) times its recency (raised in the last 7 days: 1, the last 30 days: 0.5, earlier: 0.25), "
        + "added up, plus 10 for each partner affected. Equal scores rank by severity, then the older problem first."
}
