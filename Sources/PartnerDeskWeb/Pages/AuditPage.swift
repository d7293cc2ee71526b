import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// The administrators' view of the audit log.
struct AuditPage: Encodable {
    struct Row: Encodable {
        var sequence: Int
        var at: String
        var actor: String
        var action: String
        var outcome: String
        var details: String
    }

    struct Filters: Encodable {
        var action: String
    }

    var title = "Audit log"
    var signedIn: SignedInHeader
    var filters: Filters
    var outcomes: [SelectOption]
    var entries: [Row]
    var hasEntries: Bool
    var nextPage: String?

    init(principal: Principal, csrf: String, query: AuditQuery, entries: [AuditEntry]) {
        signedIn = SignedInHeader(principal, csrf: csrf)
        filters = Filters(action: query.action ?? "")
        outcomes =
            [SelectOption(value: "", label: "Any", selected: query.outcome == nil)]
            + AuditEntry.Outcome.allCases.map {
                SelectOption(value: $0.rawValue, label: $0.rawValue.capitalized, selected: query.outcome == $0)
            }
        self.entries = entries.map { entry in
            let details = [entry.target, entry.detail, entry.requestID.map { "request \($0)" }].compactMap { $0 }
            return Row(
                sequence: entry.sequence, at: ISO8601Instant.string(from: entry.at), actor: entry.actorName,
                action: entry.action, outcome: entry.outcome.rawValue, details: details.joined(separator: " · ")
            )
        }
        hasEntries = !entries.isEmpty
        if entries.count == query.limit, let last = entries.last {
            var items = [URLQueryItem(name: "before", value: String(last.sequence))]
            if let action = query.action { items.append(URLQueryItem(name: "action", value: action)) }
            if let outcome = query.outcome { items.append(URLQueryItem(name: "outcome", value: outcome.rawValue)) }
            var components = URLComponents()
            components.path = SiteURL.audit.path
            components.queryItems = items
            nextPage = components.string
        }
    }
}
