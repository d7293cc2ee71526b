import Foundation

/// How incidents are found and ordered in lists, the same for every store: what the text search looks in,
/// how a search splits into words, and the key that orders incidents soonest due first.
public enum IncidentListing {
    /// The due key of an incident without a running clock: after every real one.
    public static let noDue: Int64 = 99_999_999_999

    /// What a text search looks in, lower-cased: the reference, the error type, the description, the error
    /// codes and the partner's own reference.
    public static func searchText(_ incident: Incident) -> String {
        let report = incident.report
        return
            ([incident.reference.description, report.errorType, report.description] + report.errorCodes
            + [report.partnerReference ?? ""]).joined(separator: " ").lowercased()
    }

    /// The words of a search, lower-cased; an incident matches when its ``searchText(_:)`` contains every one.
    public static func searchWords(_ text: String?) -> [String] {
        (text ?? "").lowercased().split(separator: " ").map(String.init)
    }

    /// Orders incidents soonest due first: the due instant in whole seconds (rounded up), or ``noDue``.
    public static func dueKey(_ dueAt: Date?) -> Int64 {
        dueAt.map { Int64($0.timeIntervalSince1970.rounded(.up)) } ?? noDue
    }

    /// Until when an incident concerns the monthly reports, in whole seconds: the instant its clock stopped, or
    /// ``noDue`` while it has not (a month's report reads the incidents raised before the month ended whose key
    /// is not before the month began).
    public static func activeUntilKey(_ incident: Incident) -> Int64 {
        incident.clock.stoppedAt.map { Int64($0.timeIntervalSince1970.rounded(.down)) } ?? noDue
    }

    /// The key a "due before" filter compares due keys with: due strictly before the instant's second.
    public static func dueBeforeKey(_ instant: Date) -> Int64 { Int64(instant.timeIntervalSince1970) }
}
