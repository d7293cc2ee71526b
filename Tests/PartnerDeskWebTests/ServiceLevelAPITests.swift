import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Testing
import VaporTesting

/// Service levels over HTTP: Alertmanager's webhook opening and closing an outage (repeats changing nothing),
/// outages recorded and ended with versions, maintenance announced, and availability as each caller may see it.
@Suite struct ServiceLevelAPITests {
    static func alertmanager(_ status: String, endsAt: String = "0001-01-01T00:00:00Z") -> String {
        """
        {"version":"4","groupKey":"{}:{alertname=\\"SignInErrors\\"}","truncatedAlerts":0,"status":"\(status)",
         "receiver":"partnerdesk","groupLabels":{"alertname":"SignInErrors"},"commonLabels":{"component":"sign-in"},
         "commonAnnotations":{},"externalURL":"http://alertmanager.internal:9093",
         "alerts":[{"status":"\(status)","labels":{"alertname":"SignInErrors","component":"sign-in",
         "severity":"critical"},"annotations":{"summary":"5xx above 20 %"},"startsAt":"2026-11-23T08:40:00.123Z",
         "endsAt":"\(endsAt)","generatorURL":"http://prometheus.internal/graph","fingerprint":"5f1c9d0e1a2b3c4d"}]}
        """
    }

    @Test func alertmanager_opensThenClosesAnOutage_andRepeatsChangeNothing() async throws {
        try await APIHarness.run { api in
            let path = "api/v1/monitoring/alertmanager"
            #expect(
                try await api.send(.POST, path, as: "wellpath", json: Self.alertmanager("firing")).status == .forbidden)
            let opened = try await api.send(.POST, path, as: "firstLine", json: Self.alertmanager("firing"))
            #expect(opened.status == .ok && opened.json["opened"] as? [String] == ["OUT-000001"])
            let again = try await api.send(.POST, path, as: "firstLine", json: Self.alertmanager("firing"))
            #expect(again.json["opened"] as? [String] == [] && again.json["unchanged"] as? Int == 1)
            let closed = try await api.send(
                .POST, path, as: "firstLine", json: Self.alertmanager("resolved", endsAt: "2026-11-23T08:55:00Z"))
            #expect(closed.json["closed"] as? [String] == ["OUT-000001"])
            let bad = try await api.send(
                .POST, path, as: "firstLine",
                json: #"{"alerts":[{"status":"pending","labels":{},"startsAt":"yesterday","fingerprint":""}]}"#)
            #expect(bad.status == .unprocessableEntity)
            let fields = (bad.json["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String }
            #expect(fields == ["alerts[0].status", "alerts[0].startsAt", "alerts[0].fingerprint"])

            let availability = try await api.send(.GET, "api/v1/availability?month=2026-11", as: "serviceManager")
            #expect(availability.status == .ok && availability.json["downtimeSeconds"] as? Int == 15 * 60)
            #expect(
                availability.json["allowanceSeconds"] as? Int == 58 * 60
                    && availability.json["tier"] as? String == "Silver")
            let outages = try #require(availability.json["outages"] as? [[String: Any]])
            #expect(outages.first?["openedByMonitoring"] as? Bool == true)
            #expect((outages.first?["internalNotes"] as? String)?.contains("SignInErrors") == true)
            let seen = try await api.send(.GET, "api/v1/outages?month=2026-11", as: "wellpath")
            let partnerView = try #require(seen.jsonArray.first)
            #expect(partnerView["internalNotes"] == nil || partnerView["internalNotes"] is NSNull)
        }
    }

    @Test func outages_areRecordedAndEnded_underVersions_andMonthsAreChecked() async throws {
        try await APIHarness.run { api in
            let body =
                #"{"component":"sign-in","startedAt":"2026-11-23T08:00:00Z","impact":"down","partners":["CAREBRIDGE"],"publicSummary":"Sign-in fails."}"#
            let created = try await api.send(
                .POST, "api/v1/outages", as: "firstLine", json: body, headers: [("Idempotency-Key", "out-1")])
            #expect(created.status == .created && created.headers.first(name: .eTag) == "\"1\"")
            let id = try #require(created.json["id"] as? String)
            let replay = try await api.send(
                .POST, "api/v1/outages", as: "firstLine", json: body, headers: [("Idempotency-Key", "out-1")])
            #expect(replay.body == created.body)
            #expect(try await api.send(.GET, "api/v1/outages/\(id)", as: "wellpath").status == .notFound)
            #expect(try await api.send(.GET, "api/v1/outages/\(id)", as: "carebridge").status == .ok)
            #expect(
                try await api.send(.POST, "api/v1/outages/\(id)/end", as: "firstLine", json: "{}").status
                    == .preconditionRequired)
            let ended = try await api.send(
                .POST, "api/v1/outages/\(id)/end", as: "firstLine", json: #"{"endedAt":"2026-11-23T08:45:00Z"}"#,
                headers: [("If-Match", "\"1\"")])
            #expect(ended.status == .ok && ended.json["endedAt"] as? String == "2026-11-23T08:45:00Z")
            let carebridge = try await api.send(.GET, "api/v1/availability?month=2026-11", as: "carebridge")
            #expect(
                carebridge.json["partner"] as? String == "CAREBRIDGE"
                    && carebridge.json["downtimeSeconds"] as? Int == 45 * 60)
            let wellpath = try await api.send(.GET, "api/v1/availability?month=2026-11", as: "wellpath")
            #expect(wellpath.json["downtimeSeconds"] as? Int == 0)
            for month in ["2026-13", "2027-01", "Nov"] {
                let refused = try await api.send(.GET, "api/v1/availability?month=\(month)", as: "serviceManager")
                #expect(refused.status == .unprocessableEntity, "\(month)")
            }
        }
    }

    @Test func maintenance_isPlannedThenAnnouncedOnce() async throws {
        try await APIHarness.run { api in
            let planned = try await api.send(
                .POST, "api/v1/maintenance", as: "serviceManager",
                json:
                    #"{"components":["sign-in"],"startsAt":"2026-11-26T19:00:00Z","endsAt":"2026-11-26T20:00:00Z","summary":"Sign-in may pause."}"#
            )
            #expect(planned.status == .created && planned.json["announcement"] as? String == "due")
            let id = try #require(planned.json["id"] as? String)
            let announced = try await api.send(
                .POST, "api/v1/maintenance/\(id)/announcement", as: "serviceManager", headers: [("If-Match", "\"1\"")])
            #expect(announced.status == .ok && announced.json["announcement"] as? String == "in_time")
            let twice = try await api.send(
                .POST, "api/v1/maintenance/\(id)/announcement", as: "serviceManager", headers: [("If-Match", "\"2\"")])
            #expect(twice.status == .unprocessableEntity)
            let listed = try await api.send(.GET, "api/v1/maintenance?month=2026-11", as: "wellpath")
            #expect(listed.jsonArray.count == 1)
        }
    }

    @Test func administrators_keepTheComponents_andTheirLabelsMapAlerts() async throws {
        try await APIHarness.run { api in
            let secret = try await api.services.tokens.create(name: "Alex", partnerCode: nil, role: .administrator)
                .secret
            let admin = [("Authorization", "Bearer \(secret)")]
            let refused = try await api.send(
                .PUT, "api/v1/components", as: nil,
                json:
                    #"{"components":[{"code":"Sign In","name":"","description":"x"},{"code":"a","name":"A","description":"x","alertLabels":{"1job":"x"}}]}"#,
                headers: admin)
            #expect(refused.status == .unprocessableEntity)
            let fields = (refused.json["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String }
            #expect(fields == ["components[0].code", "components[0].name", "components[1].alertLabels"])
            #expect(
                try await api.send(.PUT, "api/v1/components", as: "serviceManager", json: #"{"components":[]}"#).status
                    == .forbidden)
            let replaced = try await api.send(
                .PUT, "api/v1/components", as: nil,
                json:
                    #"{"components":[{"code":"identity-verification","name":"Identity verification","description":"Proving who you are.","alertLabels":{"job":"idv"}}]}"#,
                headers: admin)
            #expect(replaced.status == .ok && replaced.jsonArray.count == 1)
            let alert = #"""
                {"alerts":[{"status":"firing","labels":{"alertname":"IdvSlow","job":"idv","severity":"warning"},
                 "startsAt":"2026-11-23T08:40:00Z","fingerprint":"77aa"}]}
                """#
            let opened = try await api.send(.POST, "api/v1/monitoring/alertmanager", as: "firstLine", json: alert)
            #expect(opened.json["opened"] as? [String] == ["OUT-000001"])
            let outage = try #require(
                try await api.send(.GET, "api/v1/outages?month=2026-11", as: "firstLine").jsonArray.first)
            #expect(
                outage["component"] as? String == "identity-verification" && outage["impact"] as? String == "degraded")
        }
    }

    @Test func partnerAdministrators_chooseTheComponentsTheyUse() async throws {
        try await APIHarness.run { api in
            let unknown = try await api.send(
                .PUT, "api/v1/component-choices/WELLPATH", as: "wellpathAdmin",
                json: #"{"components":["sign-in","payments"]}"#)
            #expect(unknown.status == .unprocessableEntity)
            #expect((unknown.json["errors"] as? [[String: Any]])?.first?["field"] as? String == "components")
            let theirs = try await api.send(
                .PUT, "api/v1/component-choices/CAREBRIDGE", as: "wellpathAdmin", json: #"{"components":[]}"#)
            #expect(theirs.status == .notFound)
            let chosen = try await api.send(
                .PUT, "api/v1/component-choices/WELLPATH", as: "wellpathAdmin",
                json: #"{"components":["user-info","sign-in"]}"#)
            #expect(chosen.status == .ok)
            #expect(chosen.json["components"] as? [String] == ["sign-in", "user-info"])
            #expect(chosen.json["everyComponent"] as? Bool == false)
            let own = try await api.send(.GET, "api/v1/component-choices", as: "wellpath").jsonArray
            #expect(own.map { $0["partner"] as? String } == ["WELLPATH"])
            let all = try await api.send(.GET, "api/v1/component-choices", as: "serviceManager").jsonArray
            #expect(Set(all.compactMap { $0["partner"] as? String }) == ["WELLPATH", "CAREBRIDGE"])
            #expect(all.first { $0["partner"] as? String == "CAREBRIDGE" }?["everyComponent"] as? Bool == true)
        }
    }

    @Test func aMonthsServiceReport_isReadAsJSONAndCSV_onlyOnceTheMonthIsOver() async throws {
        try await APIHarness.run { api in
            _ = try await api.raiseIncident()
            let path = "api/v1/service-report"
            for (month, code) in [
                ("2026-11", "not_over"), ("November", "invalid_format"), ("2026-10", "before_partner"),
            ] {
                let refused = try await api.send(.GET, "\(path)?month=\(month)", as: "wellpath")
                #expect(refused.status == .unprocessableEntity, "\(month)")
                #expect(refused.headers.contentType?.description.hasPrefix("application/problem+json") == true)
                let codes = (refused.json["errors"] as? [[String: Any]])?.compactMap { $0["code"] as? String }
                #expect(codes == [code], "\(month)")
            }
            api.clock.set(ISO8601Instant.date(from: "2026-12-01T07:00:00Z")!)
            let provisional = try await api.send(.GET, "\(path)?month=2026-11", as: "wellpath")
            #expect(provisional.status == .ok && provisional.json["edition"] == nil)
            #expect(provisional.json["scope"] as? String == "WELLPATH")
            let figures = provisional.json["figures"] as? [[String: String]] ?? []
            #expect(
                figures.contains { $0["item"] == "Not yet graded" && $0["measure"] == "Raised" && $0["value"] == "1" })
            #expect(
                try await api.send(.GET, "\(path)?month=2026-11&partner=CAREBRIDGE", as: "wellpath").status == .notFound
            )

            api.clock.set(ISO8601Instant.date(from: "2026-12-01T08:00:00Z")!)
            _ = try await api.services.jobs.tick(now: api.clock.now())
            let issued = try await api.send(.GET, "\(path)?month=2026-11&partner=WELLPATH", as: "serviceManager")
            #expect(issued.json["edition"] as? Int == 1 && (issued.json["editions"] as? [Any])?.count == 1)
            let whole = try await api.send(.GET, "\(path)?month=2026-11", as: "serviceManager")
            #expect(whole.json["scope"] as? String == "all" && whole.json["edition"] as? Int == 1)
            #expect(try await api.send(.GET, "\(path)?month=2026-11&edition=2", as: "wellpath").status == .notFound)

            let csv = try await api.send(.GET, "api/v1/service-report.csv?month=2026-11", as: "wellpath")
            #expect(csv.status == .ok && csv.headers.contentType?.description.hasPrefix("text/csv") == true)
            #expect(
                csv.headers.first(name: .contentDisposition)
                    == "attachment; filename=\"service-report-2026-11-WELLPATH-edition-1.csv\"")
            let text = String(buffer: csv.body)
            #expect(text.hasPrefix("month,scope,section,item,measure,value\r\n"))
            #expect(text.contains("2026-11,WELLPATH,Incidents,Not yet graded,Raised,1\r\n"))
        }
    }
}
