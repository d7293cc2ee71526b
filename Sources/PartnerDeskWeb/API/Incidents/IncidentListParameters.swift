import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// Reads the list filters from the query string, refusing unknown values with a message per parameter.
///
/// `status` and `severity` take comma-separated values; `partner` is a partner's short code; `breached` is `true` or `false`; `dueBefore` is an
/// ISO 8601 instant; `q` is text; `sort` is `due` (default) or `newest`; `limit` is 1–100 (default 50);
/// `cursor` is the `nextCursor` of the previous page.
enum IncidentListParameters {
    struct Raw: Decodable {
        var status: String?
        var severity: String?
        var partner: String?
        var breached: String?
        var dueBefore: String?
        var q: String?
        var sort: String?
        var limit: String?
        var cursor: String?
    }

    /// Partners' own callers asking for another partner's code, known or not, get an empty list (never an
    /// answer that tells them which codes exist); staff are told when a code is unknown.
    static func query(
        from request: Request, now: Date, partners: PartnerAdministrationService, principal: Principal
    ) async throws -> IncidentQuery {
        try await query(from: request.query.decode(Raw.self), now: now, partners: partners, principal: principal)
    }

    /// The query the filters ask for, or every problem with them.
    static func query(
        from raw: Raw, now: Date, partners: PartnerAdministrationService, principal: Principal
    ) async throws -> IncidentQuery {
        // An empty value (a form's "any" choice) means the filter is not used.
        var raw = raw
        for field in [\Raw.status, \.severity, \.partner, \.breached, \.dueBefore, \.q, \.sort, \.limit, \.cursor]
        where raw[keyPath: field]?.isEmpty == true {
            raw[keyPath: field] = nil
        }
        var query = IncidentQuery(now: now)
        var check = ValidationCollector()
        for text in list(raw.status) {
            if let status = IncidentStatus(rawValue: text) {
                query.statuses.insert(status)
            } else {
                check.add("status", "unknown_value", "Unknown status '\(text)'.")
            }
        }
        for text in list(raw.severity) {
            if let severity = Int(text).flatMap(Severity.init) {
                query.severities.insert(severity)
            } else {
                check.add("severity", "out_of_range", "Severities are 1 to 5, not '\(text)'.")
            }
        }
        if let text = raw.partner {
            var partner: Partner?
            if let code = PartnerCode(text) { partner = try await partners.find(code: code) }
            if let partner {
                query.partnerID = partner.id
            } else if principal.role.isPartnerRole {
                query.partnerID = .init(UUID())  // matches nothing
            } else {
                check.add("partner", "unknown_value", "There is no partner with the code '\(text)'.")
            }
        }
        switch raw.breached {
        case nil: break
        case "true": query.breached = true
        case "false": query.breached = false
        default: check.add("breached", "invalid_format", "Use breached=true or breached=false.")
        }
        if let text = raw.dueBefore {
            query.dueBefore = ISO8601Instant.date(from: text)
            if query.dueBefore == nil {
                check.add(
                    "dueBefore", "invalid_format", "Give dueBefore as an ISO 8601 instant, like 2026-11-26T18:00:00Z.")
            }
        }
        if let text = raw.q {
            if text.count > 200 { check.add("q", "too_long", "Search text must be 200 characters or fewer.") }
            query.text = text
        }
        if let text = raw.sort {
            if let sort = IncidentSort(rawValue: text) {
                query.sort = sort
            } else {
                check.add("sort", "unknown_value", "Sort by due or newest.")
            }
        }
        if let text = raw.limit {
            if let limit = Int(text), (1...100).contains(limit) {
                query.limit = limit
            } else {
                check.add("limit", "out_of_range", "The limit is a whole number from 1 to 100.")
            }
        }
        if let text = raw.cursor {
            query.after = decode(text)
            if query.after == nil { check.add("cursor", "invalid_format", "Use the nextCursor of the previous page.") }
        }
        try check.finish()
        return query
    }

    /// `<due seconds or ->.<reference number>`, base64url-encoded so clients treat it as opaque.
    static func encode(_ cursor: IncidentCursor) -> String {
        let text = "\(cursor.key.map(String.init) ?? "-").\(cursor.number)"
        return Data(text.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
    }

    static func decode(_ text: String) -> IncidentCursor? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let plain = String(data: data, encoding: .utf8) else {
            return nil
        }
        let parts = plain.split(separator: ".")
        guard parts.count == 2, let number = Int(parts[1]) else { return nil }
        if parts[0] == "-" { return IncidentCursor(key: nil, number: number) }
        guard let key = Int64(parts[0]) else { return nil }
        return IncidentCursor(key: key, number: number)
    }

    private static func list(_ text: String?) -> [String] {
        text.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
    }
}
