import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Testing
import VaporTesting

@Suite struct ProblemAPITests {
    @Test func staffRecordMoveAndPublishProblems_withVersionsAndRoles() async throws {
        try await APIHarness.run { api in
            let (incidentID, etag) = try await api.raiseIncident()
            _ = try await api.send(
                .POST, "api/v1/incidents/\(incidentID)/transitions", as: "firstLine",
                json: #"{"action":"receive","severity":2}"#, headers: [("If-Match", etag)])
            let recorded = try await api.send(
                .POST, "api/v1/problems", as: "firstLine",
                json:
                    #"{"title":"Sign-in loop","description":"Loops","severity":2,"errorCodes":["P0042"],"incidents":["\#(incidentID)"]}"#
            )
            #expect(recorded.status == .created)
            #expect(recorded.json["reference"] as? String == "PRB-000001")
            #expect((recorded.json["score"] as? [String: Any])?["incidents"] as? Int == 1)
            #expect((recorded.json["fixTarget"] as? [String: Any])?["workingDays"] as? Int == 60)
            let id = try #require(recorded.json["id"] as? String)
            let incident = try await api.send(.GET, "api/v1/incidents/\(incidentID)", as: "wellpath")
            #expect(incident.json["status"] as? String == "linked_to_problem")

            let refused = try await api.send(
                .POST, "api/v1/problems", as: "firstLine", json: #"{"title":"","description":"x","severity":7}"#)
            #expect(refused.status == .unprocessableEntity)
            #expect(try await api.send(.GET, "api/v1/problems", as: "wellpath").status == .forbidden)
            // `all` is a boolean, as the document says.
            #expect(try await api.send(.GET, "api/v1/problems?all=true", as: "serviceManager").status == .ok)
            let notBoolean = try await api.send(.GET, "api/v1/problems?all=yes", as: "serviceManager")
            #expect(notBoolean.status == .badRequest)
            #expect(notBoolean.headers.contentType?.description.hasPrefix("application/problem+json") == true)

            let read = try await api.send(.GET, "api/v1/problems/\(id)", as: "serviceManager")
            #expect(read.headers.first(name: .eTag) == "\"1\"")
            let missing = try await api.send(
                .POST, "api/v1/problems/\(id)/status", as: "firstLine", json: #"{"status":"investigating"}"#)
            #expect(missing.status == .preconditionRequired)
            let moved = try await api.send(
                .POST, "api/v1/problems/\(id)/status", as: "firstLine", json: #"{"status":"investigating"}"#,
                headers: [("If-Match", "\"1\"")])
            #expect(moved.status == .ok && moved.headers.first(name: .eTag) == "\"2\"")
            let stale = try await api.send(
                .POST, "api/v1/problems/\(id)/status", as: "firstLine", json: #"{"status":"known_error"}"#,
                headers: [("If-Match", "\"1\"")])
            #expect(stale.status == .preconditionFailed)

            let publishedByDesk = try await api.send(
                .PUT, "api/v1/problems/\(id)/publication", as: "firstLine", json: #"{"summary":"Sign-in can loop."}"#,
                headers: [("If-Match", "\"2\"")])
            #expect(publishedByDesk.status == .forbidden)
            let manager = try await api.services.tokens.create(name: "pm", partnerCode: nil, role: .problemManager)
            var headers = HTTPHeaders([("If-Match", "\"2\""), ("Content-Type", "application/json")])
            headers.bearerAuthorization = BearerAuthorization(token: manager.secret)
            try await api.app.testing().test(
                .PUT, "api/v1/problems/\(id)/publication", headers: headers,
                body: ByteBuffer(string: #"{"summary":"Sign-in can loop."}"#)
            ) {
                #expect($0.status == .ok)
            }
            #expect(try await api.services.problems.searchPublished("sign-in").count == 1)
        }
    }

    @Test func resolvingTheLinkedIncidentsTogether_afterTheFixIsReleased() async throws {
        try await APIHarness.run { api in
            let (incidentID, etag) = try await api.raiseIncident()
            _ = try await api.send(
                .POST, "api/v1/incidents/\(incidentID)/transitions", as: "firstLine",
                json: #"{"action":"receive","severity":3}"#, headers: [("If-Match", etag)])
            let recorded = try await api.send(
                .POST, "api/v1/problems", as: "firstLine",
                json: #"{"title":"Loop","description":"Loops","severity":3,"incidents":["\#(incidentID)"]}"#)
            let id = try #require(recorded.json["id"] as? String)
            let early = try await api.send(
                .POST, "api/v1/problems/\(id)/resolutions", as: "firstLine", json: #"{"kind":"fix"}"#,
                headers: [("If-Match", "\"1\"")])
            #expect(early.status == .unprocessableEntity)
            #expect((early.json["errors"] as? [[String: Any]])?.first?["code"] as? String == "no_fix")
            for (version, status) in [(1, "investigating"), (2, "fix_in_progress")] {
                _ = try await api.send(
                    .POST, "api/v1/problems/\(id)/status", as: "firstLine", json: #"{"status":"\#(status)"}"#,
                    headers: [("If-Match", "\"\(version)\"")])
            }
            let released = try await api.send(
                .POST, "api/v1/problems/\(id)/status", as: "firstLine",
                json: #"{"status":"fix_released","fixRelease":"2026.12"}"#, headers: [("If-Match", "\"3\"")])
            #expect(released.status == .ok)
            let unknown = try await api.send(
                .POST, "api/v1/problems/\(id)/resolutions", as: "firstLine", json: #"{"kind":"prayer"}"#,
                headers: [("If-Match", "\"4\"")])
            #expect(unknown.status == .unprocessableEntity)
            let byPartner = try await api.send(
                .POST, "api/v1/problems/\(id)/resolutions", as: "wellpath", json: #"{"kind":"fix"}"#,
                headers: [("If-Match", "\"4\"")])
            #expect(byPartner.status == .forbidden)
            let resolved = try await api.send(
                .POST, "api/v1/problems/\(id)/resolutions", as: "firstLine", json: #"{"kind":"fix"}"#,
                headers: [("If-Match", "\"4\"")])
            #expect(resolved.status == .ok)
            let items = try #require(resolved.json["resolved"] as? [[String: Any]])
            #expect(items.map { $0["id"] as? String } == [incidentID])
            #expect(items.first?["status"] as? String == "resolved")
            let incident = try await api.send(.GET, "api/v1/incidents/\(incidentID)", as: "wellpath")
            #expect(incident.json["status"] as? String == "resolved")
        }
    }
}
