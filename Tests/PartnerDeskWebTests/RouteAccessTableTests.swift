import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing
import VaporTesting

@testable import PartnerDeskWeb

/// Sends every row of ``RouteAccessTable`` as every caller and compares the answers with the table. A record
/// the caller may not know about must answer exactly like a missing one, body and all. Every response
/// carries the security headers.
@Suite struct RouteAccessTableTests {
    struct Row {
        var method: HTTPMethod
        var path: String
        var owner: String
        var expected: [(caller: String, answer: String)]
    }

    static func rows(of table: String = RouteAccessTable.text) throws -> [Row] {
        let lines = table.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        let callers = Array(lines[0].dropFirst(2))
        return try lines.dropFirst().map { cells in
            try #require(cells.count == callers.count + 3, "wrong number of cells: \(cells.joined(separator: " "))")
            return Row(
                method: HTTPMethod(rawValue: cells[0]), path: cells[1], owner: cells[2],
                expected: Array(zip(callers, cells.dropFirst(3))))
        }
    }

    @Test func table_listsEveryRouteWithTheOwnersItCanActOn() async throws {
        let rows = try Self.rows()
        try await APIHarness.run { api in
            let routes = Self.checkedRoutes(api.app)
            let registered = Set(
                routes.map { "\($0.method.rawValue) /\($0.path.map(\.description).joined(separator: "/"))" })
            let listed = Set(rows.map { "\($0.method.rawValue) \($0.path)" })
            #expect(registered.subtracting(listed).sorted() == [], "routes missing from the table")
            #expect(listed.subtracting(registered).sorted() == [], "rows for routes that do not exist")
        }
        for row in rows {
            let takesRecord = row.path.contains("/:")
            let owners = rows.filter { $0.method == row.method && $0.path == row.path }.map(\.owner)
            if takesRecord {
                #expect(owners.contains("missing") && owners.contains { $0 != "missing" }, "\(row.path) owners")
                #expect(!owners.contains("-"), "\(row.method) \(row.path) acts on a record")
            } else {
                #expect(owners == ["-"], "\(row.method) \(row.path) acts on no record")
            }
        }
    }

    /// The routes the table covers: the API and everything public. Pages for signed-in people answer a
    /// session, not a token: `PageAccessTableTests` walks those.
    static func checkedRoutes(_ app: Application) -> [Route] {
        app.routes.all.filter { $0.path.first?.description == "api" || $0.access == .public || $0.access == .metrics }
    }

    @Test func everyRoute_answersEveryCaller_asTheTableSays() async throws {
        let rows = try Self.rows()
        try await APIHarness.run { api in
            let fixtures = try await AccessFixtures(api)
            var mismatches: [String] = []
            var bodies: [String: String] = [:]
            for row in rows {
                for (caller, expected) in row.expected {
                    let path = try await fixtures.path(row.path, owner: row.owner)
                    var headers = HTTPHeaders([("If-Match", "\"1\""), ("Content-Type", "application/json")])
                    if let token = fixtures.callers[caller] {
                        headers.bearerAuthorization = BearerAuthorization(token: token)
                    } else {
                        try #require(caller == "anon", "unknown caller \(caller)")
                    }
                    var body = row.path.hasSuffix("/merge") ? #"{"into":"\#(fixtures.keeper)"}"# : Self.body(row)
                    if row.method == .POST, row.path.hasSuffix("/attachments") {
                        // Screenshots come as multipart form data; any other type is refused before access.
                        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=b")
                        body =
                            "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\nx\r\n--b--\r\n"
                    }
                    var status = HTTPResponseStatus.ok
                    var answerBody = ""
                    try await api.app.testing().test(
                        row.method, path, headers: headers, body: ByteBuffer(string: body)
                    ) { response in
                        status = response.status
                        answerBody = response.body.string
                        #expect(
                            response.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'")
                                == true, "\(row.method) \(path)")
                        #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
                    }
                    let answer =
                        switch status.code {
                        case 401, 403, 404: "\(status.code)"
                        default: "ok"
                        }
                    if answer != expected {
                        mismatches.append(
                            "\(row.method) \(path) [\(row.owner)] as \(caller): \(status.code), table says \(expected)")
                    }
                    // What a caller who may not know a record gets must not tell it from a missing one.
                    if status == .notFound {
                        let key = "\(row.method) \(row.path) \(caller)"
                        let normalised = fixtures.withoutIDs(answerBody)
                        if row.owner == "missing" {
                            bodies[key] = normalised
                        } else if let missing = bodies[key] {
                            #expect(normalised == missing, "\(row.method) \(row.path) [\(row.owner)] as \(caller)")
                        } else {
                            bodies[key] = normalised
                        }
                    }
                }
            }
            #expect(mismatches == [], "\(mismatches.count) answers differ from the table")
        }
    }

    /// A body each route accepts from an allowed caller (so the answer reflects access, not a bad request).
    static func body(_ row: Row) -> String {
        switch (row.method, row.path) {
        case (.POST, "/api/v1/incidents"): return APIHarness.incidentJSON()
        case (.PATCH, "/api/v1/incidents/:incidentID"): return #"{"errorType":"Loop"}"#
        case (.POST, "/api/v1/incidents/:incidentID/transitions"): return #"{"action":"receive","severity":3}"#
        case (.POST, "/api/v1/incidents/:incidentID/comments"): return #"{"text":"Any news?"}"#
        case (.POST, "/api/v1/tokens"): return #"{"name":"Booking system","partner":"WELLPATH"}"#
        case (.POST, "/api/v1/users"):
            return
                #"{"email":"new-\#(UUID().uuidString.prefix(8))@wellpath.example","name":"New","role":"partner_reporter","partner":"WELLPATH"}"#
        case (.PATCH, "/api/v1/users/:userID"): return #"{"role":"partner_hssi_manager"}"#
        case (.POST, "/api/v1/webhooks"):
            return #"{"url":"https://hooks.wellpath.example/in","events":["incident.received"],"partner":"WELLPATH"}"#
        case (.PUT, "/api/v1/notifications/preferences"): return #"{"enabled":[]}"#
        case (.POST, "/api/v1/problems"): return #"{"title":"Loop","description":"Loops","severity":3}"#
        case (.POST, "/api/v1/problems/:problemID/status"): return #"{"status":"investigating"}"#
        case (.PUT, "/api/v1/problems/:problemID/publication"): return #"{"summary":"Sign-in can loop."}"#
        case (.POST, "/api/v1/problems/:problemID/resolutions"): return #"{"kind":"fix"}"#
        case (.POST, "/api/v1/hssis"):
            return
                #"{"partner":"WELLPATH","title":"Wrong record","description":"Shown","occurredAt":"2026-11-23T08:00:00Z","severity":1,"category":"other"}"#
        case (.POST, "/api/v1/hssis/:hssiID/steps"): return #"{"step":"identify"}"#
        case (.POST, "/api/v1/hssis/:hssiID/assessments"): return #"{"severity":1,"category":"other"}"#
        case (.POST, "/api/v1/hssis/:hssiID/intervention"): return #"{"joiningDetails":"Call 0300 555 0100"}"#
        case (.POST, "/api/v1/hssis/:hssiID/communications"): return #"{"message":"Fix under way"}"#
        case (.POST, "/api/v1/hssis/:hssiID/updates"):
            return
                #"{"currentImpact":"Some","usersAffected":"3","actionsTaken":"Cache cleared","nextUpdateDue":"2030-01-01T00:00:00Z"}"#
        case (.POST, "/api/v1/hssi-rota"):
            return
                #"{"partner":"WELLPATH","managerName":"Mo","email":"mo@wellpath.example","startsAt":"2026-11-26T00:00:00Z","endsAt":"2026-11-27T00:00:00Z"}"#
        case (.POST, "/api/v1/service-requests"):
            return
                #"{"type":"test_accounts","title":"Accounts","answers":{"count":"2","proofingLevel":"P9","purpose":"Tests"}}"#
        case (.POST, "/api/v1/service-requests/:serviceRequestID/actions"): return #"{"action":"withdraw"}"#
        case (.POST, "/api/v1/service-requests/:serviceRequestID/notes"): return #"{"note":"Any news?"}"#
        case (.POST, "/api/v1/sprints"): return #"{"number":\#(Int.random(in: 100...999_999)),"startsOn":"2027-01-04"}"#
        case (.PUT, "/api/v1/sprints/:sprintID"): return #"{"number":1,"startsOn":"2026-12-07"}"#
        case (.POST, "/api/v1/change-notices"):
            return #"{"title":"Test it","description":"Words.","availableFrom":"2026-12-14","partners":["WELLPATH"]}"#
        case (.POST, "/api/v1/change-notices/:noticeID/responses"): return #"{"signOff":false}"#
        case (.POST, "/api/v1/change-approvals/:releaseID"): return #"{"decision":"approve"}"#
        case (.POST, "/api/v1/releases"):
            return #"{"name":"2031.\#(UUID().uuidString.prefix(8))","summary":"S","plannedAt":"2031-01-01T19:00:00Z"}"#
        case (.PUT, "/api/v1/releases/:releaseID"):
            return #"{"name":"2030.1.0","summary":"S","plannedAt":"2030-01-01T19:00:00Z"}"#
        case (.POST, "/api/v1/releases/:releaseID/decisions"), (.POST, "/api/v1/sprints/:sprintID/digest/decisions"),
            (.POST, "/api/v1/change-notices/:noticeID/decisions"):
            return #"{"decision":"approve","level":"technical_design"}"#
        case (.POST, "/api/v1/releases/:releaseID/plan"): return #"{"plannedAt":"2030-02-01T19:00:00Z"}"#
        case (.POST, "/api/v1/releases/:releaseID/rollback"): return #"{"reason":"Errors rose"}"#
        case (.PUT, "/api/v1/approval-levels/:code/approvers"): return #"{"approvers":[]}"#
        case (.POST, "/api/v1/outages"), (.PUT, "/api/v1/outages/:outageID"):
            return #"{"component":"sign-in","startedAt":"2026-11-23T08:00:00Z","impact":"down","publicSummary":"S"}"#
        case (.PUT, "/api/v1/components"):
            return
                #"{"components":[{"code":"sign-in","name":"Sign-in","description":"Signing in.","alertLabels":{"job":"auth"}}]}"#
        case (.PUT, "/api/v1/component-choices/:partnerCode"): return #"{"components":["sign-in"]}"#
        case (.PUT, "/api/v1/partners/:partnerCode"):
            return #"{"name":"Renamed","tierID":"silver","services":[],"contacts":[]}"#
        case (.PUT, "/api/v1/partners/:partnerCode/contacts"):
            return #"{"contacts":[{"role":"primary","name":"Pat","email":"pat@wellpath.example"}]}"#
        case (.POST, "/api/v1/partners/:partnerCode/journey/evidence"):
            return #"{"requirement":"incident_process","description":"Our runbook"}"#
        case (.POST, "/api/v1/partners/:partnerCode/journey/reviews"):
            return #"{"requirement":"incident_process","decision":"accept"}"#
        case (.POST, "/api/v1/partners/:partnerCode/journey/moves"): return #"{"status":"live","reason":"Agreed"}"#
        case (.POST, "/api/v1/partners/:partnerCode/journey/check-ins"):
            return #"{"heldOn":"2026-11-23","notes":"Steady."}"#
        case (.POST, "/api/v1/partners/:partnerCode/journey/actions/:actionID/done"): return "{}"
        case (.PUT, "/api/v1/partners/:partnerCode/journey/review-cadence"): return #"{"cadence":"quarterly"}"#
        case (.POST, "/api/v1/partners/:partnerCode/service-reviews"):
            return
                #"{"startsAt":"2031-02-14T10:00:00Z","endsAt":"2031-02-14T11:00:00Z","location":"Call","agenda":["Figures"],"attendees":[{"name":"Sam","organisation":"Platform"}]}"#
        case (.POST, "/api/v1/partners/:partnerCode/service-reviews/:reviewID/minutes"): return #"{"minutes":"Notes"}"#
        case (.POST, "/api/v1/partners/:partnerCode/service-reviews/:reviewID/cancellation"): return "{}"
        case (.POST, "/api/v1/outages/:outageID/end"): return #"{"endedAt":"2026-11-23T08:30:00Z"}"#
        case (.POST, "/api/v1/maintenance"):
            return
                #"{"components":["sign-in"],"startsAt":"2030-02-01T10:00:00Z","endsAt":"2030-02-01T11:00:00Z","summary":"S"}"#
        case (.POST, "/api/v1/monitoring/alertmanager"):
            return
                #"{"version":"4","status":"firing","alerts":[{"status":"firing","labels":{"component":"sign-in"},"startsAt":"2026-11-23T08:00:00Z","fingerprint":"a1"}]}"#
        default: return ""
        }
    }
}
