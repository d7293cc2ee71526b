import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Testing
import VaporTesting

/// Service requests over the API: the catalogue, a request made once under an idempotency key, every refusal
/// named in problem details, and the desk and the partner moving it on under If-Match.
@Suite struct ServiceRequestAPITests {
    static let request =
        #"{"type":"redirect_change","title":"Add the new app's address","answers":{"environment":"production","clientID":"wellpath-gp","add":"https://app.wellpath.example/cb"}}"#

    @Test func aPartnerMakesARequest_theDeskWorksIt_andEachChangeNeedsTheLatestVersion() async throws {
        try await APIHarness.run { api in
            let types = try await api.send(.GET, "api/v1/service-request-types", as: "wellpath")
            #expect(types.jsonArray.map { $0["id"] as? String }.contains("redirect_change"))

            let made = try await api.send(
                .POST, "api/v1/service-requests", as: "wellpath", json: Self.request,
                headers: [("Idempotency-Key", "srq-1")])
            #expect(made.status == .created)
            #expect(made.headers.first(name: .eTag) == "\"1\"")
            let id = try #require(made.json["id"] as? String)
            #expect(made.headers.first(name: .location) == "/api/v1/service-requests/\(id)")
            #expect(made.json["reference"] as? String == "SRQ-000001")
            #expect(made.json["partner"] as? String == "WELLPATH" && made.json["status"] as? String == "submitted")
            let again = try await api.send(
                .POST, "api/v1/service-requests", as: "wellpath", json: Self.request,
                headers: [("Idempotency-Key", "srq-1")])
            #expect(again.headers.first(name: "Idempotent-Replayed") == "true" && again.json["id"] as? String == id)
            #expect(try await api.send(.GET, "api/v1/service-requests", as: "firstLine").jsonArray.count == 1)

            let noVersion = try await api.send(
                .POST, "api/v1/service-requests/\(id)/actions", as: "firstLine", json: #"{"action":"accept"}"#)
            #expect(noVersion.status == .preconditionRequired)
            let accepted = try await api.send(
                .POST, "api/v1/service-requests/\(id)/actions", as: "firstLine", json: #"{"action":"accept"}"#,
                headers: [("If-Match", "\"1\"")])
            #expect(accepted.status == .ok && accepted.headers.first(name: .eTag) == "\"2\"")
            #expect((accepted.json["target"] as? [String: Any])?["months"] as? Int == 1)
            let stale = try await api.send(
                .POST, "api/v1/service-requests/\(id)/actions", as: "firstLine",
                json: #"{"action":"fulfil","note":"Done"}"#, headers: [("If-Match", "\"1\"")])
            #expect(stale.status == .preconditionFailed)

            let internalNote = try await api.send(
                .POST, "api/v1/service-requests/\(id)/notes", as: "firstLine",
                json: #"{"note":"Waiting on the identity team.","internal":true}"#, headers: [("If-Match", "\"2\"")])
            #expect(internalNote.status == .ok)
            let seen = try await api.send(.GET, "api/v1/service-requests/\(id)", as: "wellpath")
            let steps = try #require(seen.json["steps"] as? [[String: Any]])
            #expect(!steps.contains { $0["internal"] as? Bool == true }, "partners never read internal notes")
            let fulfilled = try await api.send(
                .POST, "api/v1/service-requests/\(id)/actions", as: "firstLine",
                json: #"{"action":"fulfil","note":"Added to production."}"#, headers: [("If-Match", "\"3\"")])
            #expect(fulfilled.json["status"] as? String == "fulfilled" && fulfilled.json["overdue"] as? Bool == false)
            #expect(try await api.send(.GET, "api/v1/service-requests/\(id)", as: "carebridge").status == .notFound)
            #expect(try await api.send(.GET, "api/v1/service-requests", as: "carebridge").jsonArray.isEmpty)
            let filtered = try await api.send(.GET, "api/v1/service-requests?status=submitted", as: "firstLine")
            #expect(filtered.jsonArray.isEmpty)
        }
    }

    @Test func refusals_nameEachField_andChangeNothing() async throws {
        try await APIHarness.run { api in
            let refused = try await api.send(
                .POST, "api/v1/service-requests", as: "wellpath",
                json: #"{"type":"redirect_change","title":"","answers":{"environment":"staging","colour":"blue"}}"#)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            let fields = (refused.json["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? []
            #expect(fields == ["title", "answers.colour", "answers.environment", "answers.clientID"])
            #expect(try await api.send(.GET, "api/v1/service-requests", as: "wellpath").jsonArray.isEmpty)
            #expect(
                try await api.send(.POST, "api/v1/service-requests", as: "firstLine", json: Self.request).status
                    == .forbidden)
            let unknownPartner = try await api.send(.GET, "api/v1/service-requests?partner=NOBODY", as: "firstLine")
            #expect(unknownPartner.status == .unprocessableEntity)
        }
    }
}
