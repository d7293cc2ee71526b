/// How often service levels are measured and reported.
public enum ReportingPeriod: String, Sendable, Hashable, Codable, CaseIterable {
    /// Each calendar month.
    case monthly
    /// Each calendar quarter.
    case quarterly
    /// Each calendar year.
    case annually
}
